using System.Text.Json;
using Imaging.Dicom.IO;
using Imaging.Dicom.Json;
using Imaging.Dicom.Text;

namespace Imaging.Dicom.Tests.Json;

/// <summary>Writing the DICOM JSON Model (PS3.18 §F.2) with <see cref="DicomJson.Serialize"/>.</summary>
public class DicomJsonWriteTests
{
    private static string Attribute(DicomDataset ds, DicomTag tag)
    {
        using var doc = JsonDocument.Parse(DicomJson.Serialize(ds));
        return doc.RootElement.GetProperty(tag.Value.ToString("X8")).GetRawText();
    }

    private static DicomDataset With<T>(DicomVR vr, DicomTag tag, params T[] values) => new DicomDataset().AddOrUpdate(vr, tag, values);

    [Fact]
    public void Serialize_SmallDataset_WritesKeysInAscendingUpperCaseHex()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomVR.UI, DicomTag.SOPInstanceUID, "1.2.3")
            .AddOrUpdate(DicomVR.PN, DicomTag.PatientName, "Doe^Jane")
            .AddOrUpdate(DicomVR.LO, new DicomTag(0x0029, 0x0010), "ACME")
            .AddOrUpdate(DicomVR.US, new DicomTag(0x0029, 0x10AB), (ushort)7);

        Assert.Equal(
            """{"00080018":{"vr":"UI","Value":["1.2.3"]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"Doe^Jane"}]},"00290010":{"vr":"LO","Value":["ACME"]},"002910AB":{"vr":"US","Value":[7]}}""",
            DicomJson.Serialize(ds));
    }

    [Fact]
    public void Serialize_GroupLengthElement_IsLeftOut()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomVR.UL, new DicomTag(0x0010, 0x0000), 20u).AddOrUpdate(DicomVR.LO, DicomTag.PatientID, "ID");
        Assert.Equal("""{"00100020":{"vr":"LO","Value":["ID"]}}""", DicomJson.Serialize(ds));
    }

    [Fact]
    public void Serialize_EmptyElementAndEmptySequence_HaveNoValue()
    {
        var ds = new DicomDataset().AddOrUpdate<string>(DicomVR.PN, DicomTag.PatientName).AddOrUpdate(new DicomSequence(DicomTag.ReferencedImageSequence));
        Assert.Equal("""{"00081140":{"vr":"SQ"},"00100010":{"vr":"PN"}}""", DicomJson.Serialize(ds));
    }

    [Fact]
    public void Serialize_EmptyValuesInsideMultiValuedElement_AreNull()
    {
        Assert.Equal("""{"vr":"CS","Value":["A",null,"B",null]}""", Attribute(With(DicomVR.CS, DicomTag.ImageType, "A", "", "B", ""), DicomTag.ImageType));
    }

    [Theory]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", """{"Alphabetic":"Yamada^Tarou","Ideographic":"山田^太郎","Phonetic":"やまだ^たろう"}""")]
    [InlineData("=山田^太郎", """{"Ideographic":"山田^太郎"}""")]
    [InlineData("Wang^XiaoDong=", """{"Alphabetic":"Wang^XiaoDong"}""")]
    [InlineData("^^^^", """{"Alphabetic":"^^^^"}""")]
    [InlineData("==", "null")]
    public void Serialize_PersonName_WritesTheNonEmptyGroupsByName(string value, string expected)
    {
        var ds = new DicomDataset().AddOrUpdate(DicomVR.CS, DicomTag.SpecificCharacterSet, "ISO_IR 192").AddOrUpdate(DicomVR.PN, DicomTag.PatientName, value);
        Assert.Equal($$"""{"vr":"PN","Value":[{{expected}}]}""", Attribute(ds, DicomTag.PatientName));
    }

    [Theory]
    [InlineData("1.50", "1.50")]       // already a JSON number: written as it is, digits kept
    [InlineData("-0.5E-3", "-0.5E-3")]
    [InlineData(" 12 ", "12")]
    [InlineData("+1.5", "1.5")]        // valid DS, not JSON: its value
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("007", "7")]
    [InlineData("NaN", "\"NaN\"")]     // not a DS number: kept as a string, not lost
    [InlineData("1A", "\"1A\"")]
    public void Serialize_DecimalString_WritesJsonNumberOrKeepsText(string ds, string expected)
    {
        Assert.Equal($$"""{"vr":"DS","Value":[{{expected}}]}""", Attribute(With(DicomVR.DS, DicomTag.SliceThickness, ds), DicomTag.SliceThickness));
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("+5", "5")]
    [InlineData("007", "7")]
    [InlineData("12.0", "12")]
    [InlineData("1A", "\"1A\"")]
    public void Serialize_IntegerString_WritesJsonNumberOrKeepsText(string value, string expected)
    {
        Assert.Equal($$"""{"vr":"IS","Value":[{{expected}}]}""", Attribute(With(DicomVR.IS, DicomTag.InstanceNumber, value), DicomTag.InstanceNumber));
    }

    [Fact]
    public void Serialize_FloatsIncludingNaNAndInfinity_WritesShortestNumbersAndNamedStrings()
    {
        var tag = new DicomTag(0x0018, 0x9089);
        var ds = With(DicomVR.FL, tag, 0.1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -2.5f);
        Assert.Equal("""{"vr":"FL","Value":[0.1,"NaN","Infinity","-Infinity",-2.5]}""", Attribute(ds, tag));
        var fd = With(DicomVR.FD, tag, 0.1, double.NaN, 1e300);
        Assert.Equal("""{"vr":"FD","Value":[0.1,"NaN",1E+300]}""", Attribute(fd, tag));
    }

    [Fact]
    public void Serialize_IntegerVRs_WritesExactNumbers()
    {
        var sv = new DicomTag(0x0011, 0x1001);
        var ds = new DicomDataset()
            .AddOrUpdate(DicomVR.SS, DicomTag.PixelPaddingValue, (short)-32768)
            .AddOrUpdate(DicomVR.UL, DicomTag.SimpleFrameList, 4294967295u, 0u)
            .AddOrUpdate(DicomVR.SV, sv, long.MinValue)
            .AddOrUpdate(DicomVR.UV, new DicomTag(0x0011, 0x1002), ulong.MaxValue);
        Assert.Equal("""{"vr":"SS","Value":[-32768]}""", Attribute(ds, DicomTag.PixelPaddingValue));
        Assert.Equal("""{"vr":"UL","Value":[4294967295,0]}""", Attribute(ds, DicomTag.SimpleFrameList));
        Assert.Equal("""{"vr":"SV","Value":[-9223372036854775808]}""", Attribute(ds, sv));
        Assert.Equal("""{"vr":"UV","Value":[18446744073709551615]}""", Attribute(ds, new DicomTag(0x0011, 0x1002)));
    }

    [Fact]
    public void Serialize_AttributeTag_WritesEightHexDigits()
    {
        var ds = With(DicomVR.AT, DicomTag.FrameIncrementPointer, DicomTag.FrameTime, new DicomTag(0x7FE0, 0x0010));
        Assert.Equal("""{"vr":"AT","Value":["00181063","7FE00010"]}""", Attribute(ds, DicomTag.FrameIncrementPointer));
    }

    [Fact]
    public void Serialize_BinaryVRs_WritesLittleEndianBase64()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomVR.OB, DicomTag.FileMetaInformationVersion, (byte)0, (byte)1)
            .AddOrUpdate(DicomVR.OW, DicomTag.RedPaletteColorLookupTableData, (ushort)0x0102, (ushort)0xFFFE)
            .AddOrUpdate(DicomVR.OF, DicomTag.FloatPixelData, 1f);
        Assert.Equal("""{"vr":"OB","InlineBinary":"AAE="}""", Attribute(ds, DicomTag.FileMetaInformationVersion));
        Assert.Equal("""{"vr":"OW","InlineBinary":"AgH+/w=="}""", Attribute(ds, DicomTag.RedPaletteColorLookupTableData));
        Assert.Equal("""{"vr":"OF","InlineBinary":"AACAPw=="}""", Attribute(ds, DicomTag.FloatPixelData));
    }

    [Fact]
    public void Serialize_EncapsulatedPixelData_WritesTheItemStreamAsPydicomDoes()
    {
        var fragments = new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.FromMemory(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 })]);
        var ds = new DicomDataset(fragments);
        byte[] expected = [0xFE, 0xFF, 0x00, 0xE0, 0, 0, 0, 0, 0xFE, 0xFF, 0x00, 0xE0, 4, 0, 0, 0, 0xFF, 0xD8, 0xFF, 0xD9];
        Assert.Equal($$"""{"vr":"OB","InlineBinary":"{{Convert.ToBase64String(expected)}}"}""", Attribute(ds, DicomTag.PixelData));
    }

    [Fact]
    public void Serialize_SequenceItems_AreObjectsAndEmptyItemsEmptyObjects()
    {
        var item = new DicomDataset().AddOrUpdate(DicomVR.UI, DicomTag.ReferencedSOPInstanceUID, "1.2");
        var ds = new DicomDataset(new DicomSequence(DicomTag.ReferencedImageSequence, item, new DicomDataset()));
        Assert.Equal("""{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["1.2"]}},{}]}""", Attribute(ds, DicomTag.ReferencedImageSequence));
    }

    [Fact]
    public void Serialize_TextUnderSpecificCharacterSet_IsDecodedWithIt()
    {
        // "Buc^Jérôme" in ISO 8859-1, as chrFren.dcm holds it.
        var latin1 = DicomCharacterSet.FromTerms(["ISO_IR 100"]);
        var ds = new DicomDataset()
            .AddOrUpdate(DicomVR.CS, DicomTag.SpecificCharacterSet, "ISO_IR 100")
            .AddOrUpdate(new DicomElement(DicomTag.PatientName, DicomVR.PN, DicomBuffer.FromMemory(System.Text.Encoding.Latin1.GetBytes("Buc^Jérôme")), latin1));
        Assert.Equal("""{"vr":"PN","Value":[{"Alphabetic":"Buc^Jérôme"}]}""", Attribute(ds, DicomTag.PatientName));
    }

    [Fact]
    public void Serialize_BulkDataUriOverThreshold_WritesUriForLargeValuesOnly()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomVR.OB, DicomTag.FileMetaInformationVersion, (byte)0, (byte)1)
            .AddOrUpdate(DicomVR.OW, DicomTag.PixelData, new byte[64]);
        var options = new DicomJsonOptions { BulkDataThreshold = 16, BulkDataUri = (tag, _) => $"https://pacs/bulk/{tag.Value:X8}" };

        var json = DicomJson.Serialize(ds, options);

        Assert.Equal("""{"00020001":{"vr":"OB","InlineBinary":"AAE="},"7FE00010":{"vr":"OW","BulkDataURI":"https://pacs/bulk/7FE00010"}}""", json);
    }

    [Fact]
    public void Serialize_WriteIndented_IndentsAndKeepsNonAsciiReadable()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomVR.CS, DicomTag.SpecificCharacterSet, "ISO_IR 192").AddOrUpdate(DicomVR.LO, DicomTag.PatientID, "Ωμέγα");
        var json = DicomJson.Serialize(ds, new DicomJsonOptions { WriteIndented = true });
        Assert.Contains("\n", json);
        Assert.Contains("\"Ωμέγα\"", json);
    }

    [Fact]
    public void Write_ToUtf8JsonWriter_WritesAnArrayOfDatasets()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            DicomJson.Write(writer, new DicomDataset().AddOrUpdate(DicomVR.LO, DicomTag.PatientID, "A"));
            DicomJson.Write(writer, new DicomDataset());
            writer.WriteEndArray();
        }
        Assert.Equal("""[{"00100020":{"vr":"LO","Value":["A"]}},{}]""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
