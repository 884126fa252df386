using System.Text.Encodings.Web;
using System.Text.Json;

namespace Imaging.Dicom.Json;

/// <summary>
/// The DICOM JSON Model (PS3.18 Annex F), as DICOMweb (QIDO-RS, WADO-RS metadata, STOW-RS) exchanges data sets:
/// <c>{"00100010": {"vr": "PN", "Value": [{"Alphabetic": "Doe^Jane"}]}}</c>.
/// </summary>
/// <remarks>
/// Writing follows PS3.18 §F.2: keys are the tags in upper-case hexadecimal in ascending order, group lengths are left
/// out, empty values have no "Value", empty values inside a multi-valued element are <c>null</c> (§F.2.5), PN values are
/// objects with their non-empty "Alphabetic", "Ideographic" and "Phonetic" groups, AT values are "GGGGEEEE", DS, IS and
/// binary numbers are JSON numbers, binary values are base64 "InlineBinary" (or "BulkDataURI" when
/// <see cref="DicomJsonOptions.BulkDataUri"/> gives one), encapsulated pixel data is the base64 of its item stream (as
/// pydicom writes it). Where JSON has no number for a value it is written as a string: a DS or IS value that is not a
/// number (kept rather than lost), and NaN and infinite floats ("NaN", "Infinity", "-Infinity").
/// Reading accepts all of that back and builds elements through <see cref="DicomDataset.AddOrUpdate{T}(DicomVR, DicomTag, T[])"/>,
/// so text is encoded with the data set's Specific Character Set; JSON → data set → JSON gives the same JSON.
/// </remarks>
public static class DicomJson
{
    /// <summary>Nesting allowed when reading: a sequence level takes three JSON levels; 128 sequence levels as the Part 10 reader.</summary>
    private const int MaxJsonDepth = 3 * 128 + 4;

    /// <summary>Writes a data set as a DICOM JSON Model object (PS3.18 §F.2).</summary>
    public static string Serialize(DicomDataset dataset, DicomJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= DicomJsonOptions.Default;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(options)))
            Write(writer, dataset, options);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a data set as a DICOM JSON Model object (PS3.18 §F.2) to a JSON writer, e.g. one item of a DICOMweb response array.</summary>
    /// <exception cref="DicomException">A value cannot be read (e.g. a deferred value whose file is gone).</exception>
    public static void Write(Utf8JsonWriter writer, DicomDataset dataset, DicomJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(dataset);
        new DicomJsonWriter(writer, options ?? DicomJsonOptions.Default).WriteDataset(dataset);
    }

    /// <summary>Reads a DICOM JSON Model object (PS3.18 §F.2) into a new data set.</summary>
    /// <exception cref="DicomFormatException">The text is not JSON, or not a DICOM JSON Model object; the message names the tag.</exception>
    public static DicomDataset Deserialize(string json, DicomJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json);
        return new DicomJsonReader(options ?? DicomJsonOptions.Default).ReadDataset(document.RootElement, parent: null);
    }

    /// <summary>Reads a JSON array of DICOM JSON Model objects (a QIDO-RS or WADO-RS metadata response, PS3.18 §F.2.1) into data sets.</summary>
    /// <exception cref="DicomFormatException">The text is not JSON, or not an array of DICOM JSON Model objects.</exception>
    public static IReadOnlyList<DicomDataset> DeserializeMany(string json, DicomJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new DicomFormatException($"expected a JSON array of DICOM JSON Model objects, found {root.ValueKind}");
        var reader = new DicomJsonReader(options ?? DicomJsonOptions.Default);
        var result = new List<DicomDataset>(root.GetArrayLength());
        foreach (var item in root.EnumerateArray()) result.Add(reader.ReadDataset(item, parent: null));
        return result;
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            throw new DicomFormatException($"not valid JSON: {ex.Message}", inner: ex);
        }
    }

    /// <summary>
    /// Non-ASCII text is written as UTF-8, not as \u escapes, so names stay readable; the JSON is a document of its own,
    /// not text embedded in HTML, which is what the stricter default encoder guards against.
    /// </summary>
    private static JsonWriterOptions WriterOptions(DicomJsonOptions options) => new()
    {
        Indented = options.WriteIndented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxJsonDepth,
    };
}
