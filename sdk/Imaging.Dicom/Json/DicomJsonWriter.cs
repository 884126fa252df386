using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Imaging.Dicom.IO;

namespace Imaging.Dicom.Json;

/// <summary>
/// Writes data sets as DICOM JSON Model objects (PS3.18 §F.2). Values come from the element API
/// (<see cref="DicomElement.GetStrings"/>, <see cref="DicomElement.GetValues{T}"/>), which holds the VR conversions;
/// this class only decides how each kind of value looks in JSON.
/// </summary>
internal sealed class DicomJsonWriter(Utf8JsonWriter writer, DicomJsonOptions options)
{
    public void WriteDataset(DicomDataset dataset)
    {
        writer.WriteStartObject();
        foreach (var item in dataset)
        {
            // PS3.18 §F.2.2: group length attributes are not included.
            if (item.Tag.IsGroupLength) continue;
            writer.WritePropertyName(TagKey(item.Tag));
            WriteAttribute(item);
        }
        writer.WriteEndObject();
    }

    /// <summary>"GGGGEEEE", the key of an attribute and the form of an AT value (PS3.18 §F.2.2, §F.2.3).</summary>
    internal static string TagKey(DicomTag tag) => tag.Value.ToString("X8", CultureInfo.InvariantCulture);

    private void WriteAttribute(DicomItem item)
    {
        writer.WriteStartObject();
        writer.WriteString("vr"u8, item.VR.Code);
        switch (item)
        {
            case DicomSequence s:
                WriteSequence(s);
                break;
            case DicomFragmentSequence f:
                WriteFragments(f);
                break;
            case DicomElement e:
                WriteElement(e);
                break;
        }
        writer.WriteEndObject();
    }

    private void WriteSequence(DicomSequence s)
    {
        // PS3.18 §F.2.5: an empty sequence has no "Value"; an empty item is an empty object.
        if (s.Count == 0) return;
        writer.WriteStartArray("Value"u8);
        foreach (var item in s) WriteDataset(item);
        writer.WriteEndArray();
    }

    private void WriteElement(DicomElement e)
    {
        if (e.Length == 0) return;
        var vr = e.VR;
        switch (vr.Kind)
        {
            case DicomVRKind.Bytes:
                WriteBinary(e, e.Length, () => e.Buffer.Memory);
                return;
            case DicomVRKind.Binary when vr == DicomVR.OW || vr == DicomVR.OF || vr == DicomVR.OD || vr == DicomVR.OL || vr == DicomVR.OV:
                // PS3.18 §F.2.7: the "other" binary VRs are bytes, written as their little endian encoding.
                WriteBinary(e, e.Length, () => e.Buffer.Memory);
                return;
            case DicomVRKind.Binary:
                WriteNumbers(e);
                return;
            case DicomVRKind.Tag:
                writer.WriteStartArray("Value"u8);
                foreach (var tag in e.GetValues<DicomTag>()) writer.WriteStringValue(TagKey(tag));
                writer.WriteEndArray();
                return;
            case DicomVRKind.Text:
                WriteText(e);
                return;
        }
    }

    private void WriteText(DicomElement e)
    {
        var values = e.GetStrings();
        if (values.Length == 0) return;
        var vr = e.VR;
        writer.WriteStartArray("Value"u8);
        foreach (var value in values)
        {
            if (value.Length == 0) writer.WriteNullValue(); // PS3.18 §F.2.5
            else if (vr == DicomVR.PN) WritePersonName(value);
            else if (vr == DicomVR.DS) WriteDecimalString(value);
            else if (vr == DicomVR.IS) WriteIntegerString(value);
            else writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// PS3.18 §F.2.2: the non-empty component groups of a PN value, by name. The groups are written as they were
    /// encoded (not canonicalised), so "^^^^" stays "^^^^" and the value reads back byte for byte.
    /// </summary>
    private void WritePersonName(string value)
    {
        var groups = value.Split('=', 3);
        if (groups.All(g => g.Length == 0))
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        if (groups[0].Length > 0) writer.WriteString("Alphabetic"u8, groups[0]);
        if (groups.Length > 1 && groups[1].Length > 0) writer.WriteString("Ideographic"u8, groups[1]);
        if (groups.Length > 2 && groups[2].Length > 0) writer.WriteString("Phonetic"u8, groups[2]);
        writer.WriteEndObject();
    }

    /// <summary>
    /// PS3.18 §F.2.3: DS as a JSON number. Text that already is a JSON number is written as it is, so "1.50" keeps its
    /// digits; other valid DS text ("+1", ".5", "5.") is written as its value; text that is not a number at all is kept
    /// as a JSON string rather than dropped (pydicom 2.3 fails on such a value).
    /// </summary>
    private void WriteDecimalString(string value)
    {
        if (JsonNumberText.IsJsonNumber(value)) writer.WriteRawValue(value, skipInputValidation: true);
        else if (DicomValueText.TryParseDecimalString(value, out double d)) writer.WriteNumberValue(d);
        else writer.WriteStringValue(value);
    }

    /// <summary>PS3.18 §F.2.3: IS as a JSON number; "+5", "007" and "12.0" as their value; text that is not an integer is kept as a string.</summary>
    private void WriteIntegerString(string value)
    {
        if (JsonNumberText.IsJsonInteger(value)) writer.WriteRawValue(value, skipInputValidation: true);
        else if (DicomValueText.TryParseIntegerString(value, out long l)) writer.WriteNumberValue(l);
        else writer.WriteStringValue(value);
    }

    /// <summary>PS3.18 §F.2.3: FL, FD, SL, SS, SV, UL, US, UV as JSON numbers; NaN and infinities, which JSON lacks, as strings.</summary>
    private void WriteNumbers(DicomElement e)
    {
        var vr = e.VR;
        writer.WriteStartArray("Value"u8);
        if (vr == DicomVR.FL)
        {
            foreach (var f in e.GetValues<float>())
            {
                if (float.IsFinite(f)) writer.WriteNumberValue(f);
                else writer.WriteStringValue(JsonNumberText.NonFinite(f));
            }
        }
        else if (vr == DicomVR.FD)
        {
            foreach (var d in e.GetValues<double>())
            {
                if (double.IsFinite(d)) writer.WriteNumberValue(d);
                else writer.WriteStringValue(JsonNumberText.NonFinite(d));
            }
        }
        else if (vr == DicomVR.UV)
        {
            foreach (var u in e.GetValues<ulong>()) writer.WriteNumberValue(u);
        }
        else
        {
            foreach (var l in e.GetValues<long>()) writer.WriteNumberValue(l);
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// Encapsulated pixel data (PS3.5 §A.4) as the bytes of its item stream: each item's tag (FFFE,E000), 32-bit
    /// length and value, offset table first, without the sequence delimiter; this is what pydicom writes.
    /// </summary>
    private void WriteFragments(DicomFragmentSequence f)
    {
        long length = 8 + f.OffsetTableBuffer.Length + f.Fragments.Sum(x => 8 + x.Length);
        WriteBinary(f, length, () => EncapsulatedStream(f, length));
    }

    internal static ReadOnlyMemory<byte> EncapsulatedStream(DicomFragmentSequence f, long length)
    {
        if (length > Array.MaxLength)
            throw new DicomException($"{f.Tag}: {length} bytes of encapsulated pixel data are too many for InlineBinary; give a BulkDataUri.");
        var bytes = new byte[length];
        int at = 0;
        foreach (var buffer in f.Fragments.Prepend(f.OffsetTableBuffer))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), 0xFFFE);       // item tag (FFFE,E000)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 2), 0xE000);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 4), (uint)buffer.Length);
            buffer.Memory.Span.CopyTo(bytes.AsSpan(at + 8));
            at += 8 + (int)buffer.Length;
        }
        return bytes;
    }

    private void WriteBinary(DicomItem item, long length, Func<ReadOnlyMemory<byte>> bytes)
    {
        if (options.BulkDataUri is { } bulk && length > (options.BulkDataThreshold ?? -1) && bulk(item.Tag, item) is { } uri)
        {
            writer.WriteString("BulkDataURI"u8, uri);
            return;
        }
        writer.WriteBase64String("InlineBinary"u8, bytes().Span);
    }
}
