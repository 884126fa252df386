using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Imaging.Dicom.IO;

namespace Imaging.Dicom.Json;

/// <summary>
/// Reads DICOM JSON Model objects (PS3.18 §F.2) into data sets. Values are handed to
/// <see cref="DicomDataset.AddOrUpdate{T}(DicomVR, DicomTag, T[])"/> as strings, numbers or tags, so the VR encoding
/// (and the Specific Character Set of text) is applied in one place; only binary values arrive as bytes.
/// </summary>
internal sealed class DicomJsonReader(DicomJsonOptions options)
{
    private const string SpecificCharacterSetKey = "00080005";
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);

    public DicomDataset ReadDataset(JsonElement json, DicomDataset? parent)
    {
        // The parent is known before any value is read, so text in an item is encoded with the inherited character set.
        var ds = new DicomDataset { Parent = parent };
        if (json.ValueKind == JsonValueKind.Null) return ds;
        if (json.ValueKind != JsonValueKind.Object)
            throw new DicomFormatException($"expected a DICOM JSON Model object, found {json.ValueKind}");
        // Specific Character Set first: JSON does not make object members ordered, and the text after it depends on it.
        if (json.TryGetProperty(SpecificCharacterSetKey, out var charset))
            ReadAttribute(ds, ParseTag(SpecificCharacterSetKey), charset);
        foreach (var property in json.EnumerateObject())
        {
            if (property.NameEquals(SpecificCharacterSetKey)) continue;
            ReadAttribute(ds, ParseTag(property.Name), property.Value);
        }
        return ds;
    }

    private static DicomTag ParseTag(string key)
    {
        if (key.Length == 8 && uint.TryParse(key, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value))
            return new DicomTag(value);
        throw new DicomFormatException($"'{key}' is not an attribute key; PS3.18 §F.2.2 keys are eight hexadecimal digits, GGGGEEEE");
    }

    private void ReadAttribute(DicomDataset ds, DicomTag tag, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
            throw new DicomFormatException($"the attribute is a JSON {json.ValueKind}, not an object with \"vr\" and \"Value\"", tag: tag);
        var vr = ReadVR(tag, json);
        try
        {
            if (json.TryGetProperty("Value"u8, out var value) && value.ValueKind != JsonValueKind.Null)
                ReadValue(ds, tag, vr, value);
            else if (json.TryGetProperty("InlineBinary"u8, out var inline) && inline.ValueKind != JsonValueKind.Null)
                AddBytes(ds, tag, vr, DicomBuffer.FromMemory(DecodeBase64(inline, tag)));
            else if (json.TryGetProperty("BulkDataURI"u8, out var uri) && uri.ValueKind == JsonValueKind.String)
                AddBytes(ds, tag, vr, options.BulkDataResolver?.Invoke(tag, vr, uri.GetString()!) ?? DicomBuffer.Empty);
            else if (vr == DicomVR.SQ)
                ds.AddOrUpdate(new DicomSequence(tag));
            else
                AddBytes(ds, tag, vr, DicomBuffer.Empty);
        }
        catch (Exception ex) when (ex is DicomException and not DicomFormatException
            or FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw new DicomFormatException($"{vr.Code} value: {ex.Message}", tag: tag, inner: ex);
        }
    }

    /// <summary>"vr" is required (PS3.18 §F.2.2); when a producer leaves it out the dictionary's VR is used, else UN.</summary>
    private static DicomVR ReadVR(DicomTag tag, JsonElement json)
    {
        if (json.TryGetProperty("vr"u8, out var vrJson))
        {
            if (vrJson.ValueKind == JsonValueKind.String && DicomVR.TryParse(vrJson.GetString(), out var vr)) return vr;
            throw new DicomFormatException($"\"vr\" is {vrJson.GetRawText()}, not a value representation", tag: tag);
        }
        var entry = DicomDictionary.Standard.Lookup(tag);
        return entry is { ValueRepresentations.Count: > 0 } ? entry.ValueRepresentations[0] : DicomVR.UN;
    }

    private void ReadValue(DicomDataset ds, DicomTag tag, DicomVR vr, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw new DicomFormatException($"\"Value\" is a JSON {value.ValueKind}, not an array", tag: tag);
        switch (vr.Kind)
        {
            case DicomVRKind.Sequence:
                var items = new List<DicomDataset>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray()) items.Add(ReadDataset(item, ds));
                ds.AddOrUpdate(new DicomSequence(tag, items));
                return;
            case DicomVRKind.Text:
                ds.AddOrUpdate(vr, tag, value.EnumerateArray().Select(v => TextValue(v, vr)).ToArray());
                return;
            case DicomVRKind.Tag:
                ds.AddOrUpdate(vr, tag, value.EnumerateArray().Select(TagValue).ToArray());
                return;
            case DicomVRKind.Binary when vr == DicomVR.FL || vr == DicomVR.OF:
                ds.AddOrUpdate(vr, tag, value.EnumerateArray().Select(v => (float)DoubleValue(v, single: true)).ToArray());
                return;
            case DicomVRKind.Binary when vr == DicomVR.FD || vr == DicomVR.OD:
                ds.AddOrUpdate(vr, tag, value.EnumerateArray().Select(v => DoubleValue(v, single: false)).ToArray());
                return;
            case DicomVRKind.Binary when vr == DicomVR.UV || vr == DicomVR.OV:
                ds.AddOrUpdate(vr, tag, value.EnumerateArray().Select(UInt64Value).ToArray());
                return;
            case DicomVRKind.Binary:
                ds.AddOrUpdate(vr, tag, value.EnumerateArray().Select(Int64Value).ToArray());
                return;
            default:
                throw new DicomFormatException($"a {vr.Code} value is given as \"InlineBinary\" or \"BulkDataURI\", not \"Value\" (PS3.18 §F.2.2)", tag: tag);
        }
    }

    /// <summary>One value of a text VR as the text to encode; null (PS3.18 §F.2.5) is an empty value.</summary>
    private static string TextValue(JsonElement v, DicomVR vr) => v.ValueKind switch
    {
        JsonValueKind.Null => string.Empty,
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Object when vr == DicomVR.PN => PersonNameValue(v),
        JsonValueKind.Number when vr == DicomVR.DS => DecimalStringValue(v),
        JsonValueKind.Number when vr == DicomVR.IS => IntegerStringValue(v),
        JsonValueKind.Number => v.GetRawText(),
        _ => throw new FormatException($"a {vr.Code} value cannot be a JSON {v.ValueKind}"),
    };

    /// <summary>PS3.18 §F.2.2: the named component groups joined by "=", up to the last one given.</summary>
    private static string PersonNameValue(JsonElement v)
    {
        string Group(ReadOnlySpan<byte> name) =>
            v.TryGetProperty(name, out var g) && g.ValueKind == JsonValueKind.String ? g.GetString()! : string.Empty;
        string alphabetic = Group("Alphabetic"u8), ideographic = Group("Ideographic"u8), phonetic = Group("Phonetic"u8);
        if (phonetic.Length > 0) return $"{alphabetic}={ideographic}={phonetic}";
        if (ideographic.Length > 0) return $"{alphabetic}={ideographic}";
        return alphabetic;
    }

    /// <summary>A DS number as written, which keeps its digits ("1.50"), unless that is longer than the 16 characters DS allows.</summary>
    private static string DecimalStringValue(JsonElement v)
    {
        var raw = v.GetRawText();
        if (raw.Length <= DicomValueText.MaxDecimalStringLength) return raw;
        return v.TryGetDouble(out double d) && double.IsFinite(d) ? DicomValueText.FormatDecimalString(d) : raw;
    }

    /// <summary>An IS number as written when it is an integer; a whole number written with a fraction or exponent ("12.0") as the integer.</summary>
    private static string IntegerStringValue(JsonElement v)
    {
        var raw = v.GetRawText();
        if (JsonNumberText.IsJsonInteger(raw)) return raw;
        return v.TryGetDouble(out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e18
            ? DicomValueText.FormatIntegerString((long)d) : raw;
    }

    private static DicomTag TagValue(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String when DicomTag.TryParse(v.GetString(), out var tag) => tag,
        JsonValueKind.Number when v.TryGetUInt32(out uint u) => new DicomTag(u),
        _ => throw new FormatException($"{v.GetRawText()} is not an AT value; PS3.18 §F.2.3 writes tags as \"GGGGEEEE\""),
    };

    /// <summary>A float number; "NaN", "Infinity" and "-Infinity" strings stand for the values JSON numbers cannot hold.</summary>
    private static double DoubleValue(JsonElement v, bool single)
    {
        if (v.ValueKind == JsonValueKind.Number)
        {
            // A single is parsed from the text directly: parsing as double first could round twice.
            var raw = v.GetRawText();
            return single ? float.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture)
                : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString()!;
            if (JsonNumberText.TryParseNonFinite(s, out double special)) return special;
            if (JsonNumberText.TryParse(s, out double d)) return single ? float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) : d;
        }
        throw new FormatException($"{v.GetRawText()} is not a floating point number");
    }

    private static long Int64Value(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long l)) return l;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e18) return (long)d;
        if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out l)) return l;
        throw new FormatException($"{v.GetRawText()} is not an integer");
    }

    private static ulong UInt64Value(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out ulong u)) return u;
        if (v.ValueKind == JsonValueKind.String && ulong.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out u)) return u;
        throw new FormatException($"{v.GetRawText()} is not an unsigned integer");
    }

    private static byte[] DecodeBase64(JsonElement inline, DicomTag tag)
    {
        if (inline.ValueKind == JsonValueKind.String && inline.TryGetBytesFromBase64(out var bytes)) return bytes;
        throw new DicomFormatException("\"InlineBinary\" is not a base64 string (PS3.18 §F.2.7)", tag: tag);
    }

    /// <summary>
    /// Adds a value given as bytes (InlineBinary or bulk data). Pixel data whose bytes are exactly a chain of items
    /// (FFFE,E000) is encapsulated pixel data written by <see cref="DicomJsonWriter"/> or pydicom (JSON does not say
    /// which transfer syntax it came from); native pixel data that happened to parse so would have to start with the
    /// item tag and have every "length" land exactly on the next one, to the last byte.
    /// </summary>
    private static void AddBytes(DicomDataset ds, DicomTag tag, DicomVR vr, DicomBuffer bytes)
    {
        if (vr == DicomVR.SQ)
            throw new DicomFormatException("a sequence is given as \"Value\", not as bytes", tag: tag);
        if (tag == PixelData && (vr == DicomVR.OB || vr == DicomVR.OW) && TrySplitItems(bytes.Memory, out var items))
        {
            ds.AddOrUpdate(new DicomFragmentSequence(tag, vr, items[0], items.Skip(1)));
            return;
        }
        ds.AddOrUpdate(new DicomElement(tag, vr, bytes, vr.UsesSpecificCharacterSet ? ds.CharacterSet : null));
    }

    private static bool TrySplitItems(ReadOnlyMemory<byte> bytes, out List<DicomBuffer> items)
    {
        items = [];
        var span = bytes.Span;
        int at = 0;
        while (at < span.Length)
        {
            if (span.Length - at < 8) return false;
            if (BinaryPrimitives.ReadUInt16LittleEndian(span[at..]) != 0xFFFE || BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 2)..]) != 0xE000)
                return false;
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(span[(at + 4)..]);
            if (length > span.Length - at - 8) return false;
            items.Add(DicomBuffer.FromMemory(bytes.Slice(at + 8, (int)length)));
            at += 8 + (int)length;
        }
        return items.Count > 0;
    }
}
