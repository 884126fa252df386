using System.Text.Json;
using Imaging.Dicom.IO;
using Imaging.Dicom.Json;

namespace Imaging.Dicom.Tests.Conformance;

/// <summary>
/// Every file pydicom ships, read by us and by pydicom (<c>dcmread(force=True)</c>), must give the same DICOM JSON
/// value for value (<see cref="PydicomJsonComparer"/> lists the representation differences that are normalised).
/// Where pydicom fails, we must read leniently or throw <see cref="DicomFormatException"/>, never anything else, never hang.
/// </summary>
public sealed class PydicomJsonConformanceTests(PydicomJsonOracle oracle) : IClassFixture<PydicomJsonOracle>
{
    /// <summary>A file that takes longer than this is taken to hang.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Mirrors pydicom's <c>force=True</c>: input without a preamble or plausible first tag is read anyway.</summary>
    internal static readonly FileReadOptions Forced = new() { Force = true };

    /// <summary>Every file under pydicom's test_files and charset_files, by path relative to the data folder.</summary>
    public static TheoryData<string> Files() => [.. TestFiles.AllPydicomFiles()];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task OpenAndSerialize_PydicomTestFile_MatchesPydicomJson(string file)
    {
        var expected = oracle[file];
        var (json, error) = await ReadAsJson(TestFiles.FromPydicomData(file), Forced with { Dictionary = oracle.Dictionary });

        if (expected.Json is not { } pydicomJson)
        {
            // pydicom could not read it: lenient reading or a DicomFormatException are both fine, anything else is a bug.
            Assert.True(error is null or DicomFormatException, $"pydicom failed ({expected.Error}); we threw {error}");
            return;
        }
        Assert.True(error is null, $"pydicom read the file; we threw {error}");
        using var ours = JsonDocument.Parse(json!);
        var differences = PydicomJsonComparer.Compare(pydicomJson, ours.RootElement, expected.ElementErrors, expected.BigEndian);
        Assert.True(differences.Count == 0,
            $"{differences.Count} difference(s) from pydicom {oracle.PydicomVersion}:\n" + string.Join('\n', differences.Take(25)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task DeserializeThenSerializeAndSave_PydicomTestFile_GivesTheSameJson(string file)
    {
        DicomFile original;
        try
        {
            original = await Task.Run(() => DicomFile.Open(TestFiles.FromPydicomData(file), Forced)).WaitAsync(Timeout);
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            Assert.IsType<DicomFormatException>(ex);
            return;
        }
        var json = DicomJson.Serialize(original.Dataset);

        // JSON → data set → JSON is the identity on what we write.
        var fromJson = await Task.Run(() => DicomJson.Deserialize(json)).WaitAsync(Timeout);
        Assert.Equal(json, DicomJson.Serialize(fromJson));

        // A data set read from JSON is a complete one: it saves as Part 10 and reads back to the same JSON.
        var syntax = fromJson.Any(i => i is DicomFragmentSequence) ? original.TransferSyntax : DicomTransferSyntax.ExplicitVRLittleEndian;
        if (!syntax.IsEncapsulated && fromJson.Any(i => i is DicomFragmentSequence)) return; // JPEG data in an implicit VR file (SC_rgb_jpeg.dcm): no syntax holds it
        // JSON carries no transfer syntax: the new file is told which one its encapsulated pixel data is in.
        var meta = new DicomDataset().AddOrUpdate(DicomVR.UI, DicomTag.TransferSyntaxUID, syntax.Uid);
        using var stream = new MemoryStream();
        new DicomFile(fromJson, meta).Save(stream);
        stream.Position = 0;
        Assert.Equal(DicomJson.Serialize(EvenLengths.Padded(fromJson)), DicomJson.Serialize(DicomFile.Open(stream).Dataset));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Open_WithoutForce_ReadsOrThrowsDicomFormatException(string file)
    {
        var (_, error) = await ReadAsJson(TestFiles.FromPydicomData(file), FileReadOptions.Default);
        Assert.True(error is null or DicomFormatException, $"threw {error}");
    }

    /// <summary>Opens a file (forced, as pydicom is) and writes its data set as JSON; the exception instead when either step throws.</summary>
    internal static async Task<(string? Json, Exception? Error)> ReadAsJson(string path, FileReadOptions options)
    {
        try
        {
            var json = await Task.Run(() => DicomJson.Serialize(DicomFile.Open(path, options).Dataset)).WaitAsync(Timeout);
            return (json, null);
        }
        catch (TimeoutException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }
}
