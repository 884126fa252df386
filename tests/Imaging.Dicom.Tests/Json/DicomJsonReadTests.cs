using Imaging.Dicom.IO;
using Imaging.Dicom.Json;

namespace Imaging.Dicom.Tests.Json;

/// <summary>Reading the DICOM JSON Model (PS3.18 §F.2) with <see cref="DicomJson.Deserialize"/> and <see cref="DicomJson.DeserializeMany"/>.</summary>
public class DicomJsonReadTests
{
    /// <summary>Every VR and value form the writer produces; reading and writing it again must give it back unchanged.</summary>
    private const string EveryForm = """
        {"00080005":{"vr":"CS","Value":["ISO_IR 192"]},"00080008":{"vr":"CS","Value":["ORIGINAL",null,"AXIAL"]},"00080016":{"vr":"UI","Value":["1.2.840.10008.5.1.4.1.1.2"]},"00080020":{"vr":"DA","Value":["20240229"]},"00080090":{"vr":"PN"},"00081140":{"vr":"SQ","Value":[{"00081150":{"vr":"UI","Value":["1.2.3"]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"Yamada^Tarou","Ideographic":"山田^太郎","Phonetic":"やまだ^たろう"}]}},{}]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"Doe^Jane"},null,{"Ideographic":"王^小東"}]},"00101010":{"vr":"AS","Value":["042Y"]},"00181063":{"vr":"DS","Value":[33.3]},"00189089":{"vr":"FD","Value":[0.1,"NaN","-Infinity",1E+300]},"00189219":{"vr":"FL","Value":[0.1,"Infinity"]},"00200013":{"vr":"IS","Value":[-12]},"00280009":{"vr":"AT","Value":["00181063","7FE00010"]},"00280010":{"vr":"US","Value":[512]},"00280030":{"vr":"DS","Value":[1.50,"NaN",-0.5E-3]},"00280106":{"vr":"SS","Value":[-32768]},"00290010":{"vr":"LO","Value":["ACME 1.0"]},"00291001":{"vr":"SV","Value":[-9223372036854775808]},"00291002":{"vr":"UV","Value":[18446744073709551615]},"00291003":{"vr":"UL","Value":[4294967295]},"00291004":{"vr":"SL","Value":[-2147483648]},"00321060":{"vr":"LO","Value":["Ωμέγα"]},"00404001":{"vr":"LT","Value":["  leading spaces kept"]},"00404002":{"vr":"UR","Value":["https://example.org/a b"]},"00404003":{"vr":"UT","Value":["line1\r\nline2"]},"7FE00010":{"vr":"OW","InlineBinary":"AQIDBA=="}}
        """;

    [Fact]
    public void DeserializeThenSerialize_EveryValueForm_GivesTheSameJson()
    {
        Assert.Equal(EveryForm, DicomJson.Serialize(DicomJson.Deserialize(EveryForm)));
    }

    [Fact]
    public void DeserializeThenSerialize_UnsortedKeys_WritesThemInAscendingOrder()
    {
        var json = DicomJson.Serialize(DicomJson.Deserialize("""{"7FE00010":{"vr":"OW"},"00100020":{"vr":"LO"},"00080016":{"vr":"UI"}}"""));
        Assert.Equal("""{"00080016":{"vr":"UI"},"00100020":{"vr":"LO"},"7FE00010":{"vr":"OW"}}""", json);
    }

    [Fact]
    public void Deserialize_EveryValueForm_GivesTypedValues()
    {
        var ds = DicomJson.Deserialize(EveryForm);

        Assert.Equal(["ORIGINAL", "", "AXIAL"], ds.GetValues<string>(DicomTag.ImageType));
        Assert.Equal("Doe^Jane\\\\=王^小東", ds.GetString(DicomTag.PatientName));
        Assert.Equal(512, ds.GetSingleValue<int>(DicomTag.Rows));
        Assert.Equal(-32768, ds.GetSingleValue<short>(DicomTag.SmallestImagePixelValue));
        Assert.Equal([DicomTag.FrameTime, DicomTag.PixelData], ds.GetValues<DicomTag>(DicomTag.FrameIncrementPointer));
        Assert.Equal("1.50\\NaN\\-0.5E-3", ds.GetString(DicomTag.PixelSpacing));
        Assert.Equal(-12, ds.GetSingleValue<int>(DicomTag.InstanceNumber));
        Assert.True(double.IsNegativeInfinity(ds.GetValue<double>(new DicomTag(0x0018, 0x9089), 2)));
        Assert.Equal(0.1f, ds.GetValue<float>(new DicomTag(0x0018, 0x9219), 0));
        Assert.Equal(ulong.MaxValue, ds.GetSingleValue<ulong>(new DicomTag(0x0029, 0x1002)));
        Assert.Equal([1, 2, 3, 4], ((DicomElement)ds[DicomTag.PixelData]!).Buffer.Memory.ToArray());
        Assert.Equal("  leading spaces kept", ds.GetString(new DicomTag(0x0040, 0x4001)));
        var item = ds.GetSequence(DicomTag.ReferencedImageSequence)[0];
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", item.GetString(DicomTag.PatientName));
        Assert.Empty(ds.GetSequence(DicomTag.ReferencedImageSequence)[1]);
        Assert.Equal(0, ((DicomElement)ds[DicomTag.ReferringPhysicianName]!).Length);
    }

    [Fact]
    public void Deserialize_SpecificCharacterSetAfterTheText_EncodesTheTextWithIt()
    {
        // JSON members are unordered; (0008,0005) must apply to text written before it too.
        var ds = DicomJson.Deserialize("""{"00100010":{"vr":"PN","Value":[{"Alphabetic":"Buc^Jérôme"}]},"00080005":{"vr":"CS","Value":["ISO_IR 100"]}}""");
        var name = (DicomElement)ds[DicomTag.PatientName]!;
        Assert.Equal(System.Text.Encoding.Latin1.GetBytes("Buc^Jérôme"), name.Buffer.Memory.ToArray());
    }

    [Fact]
    public void Deserialize_ItemWithoutItsOwnCharacterSet_EncodesWithTheParents()
    {
        var ds = DicomJson.Deserialize("""{"00080005":{"vr":"CS","Value":["ISO_IR 192"]},"00081140":{"vr":"SQ","Value":[{"00100010":{"vr":"PN","Value":[{"Alphabetic":"Ωμέγα"}]}}]}}""");
        var name = (DicomElement)ds.GetSequence(DicomTag.ReferencedImageSequence)[0][DicomTag.PatientName]!;
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("Ωμέγα"), name.Buffer.Memory.ToArray()); // 10 bytes: no padding
    }

    [Fact]
    public void Deserialize_DecimalStringLongerThanDsAllows_IsFormattedToSixteenCharacters()
    {
        var ds = DicomJson.Deserialize("""{"00181063":{"vr":"DS","Value":[0.10000000149011612]}}""");
        var text = ds.GetString(DicomTag.FrameTime);
        Assert.True(text.Length <= 16, text);
        Assert.Equal(0.10000000149011612, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), 1e-13);
    }

    [Theory]
    [InlineData("12.0", "12")]
    [InlineData("1e3", "1000")]
    [InlineData("12.5", "12.5")] // not an integer: kept as written rather than rounded
    public void Deserialize_IntegerStringWrittenAsDecimal_KeepsTheWholeNumber(string json, string expected)
    {
        var ds = DicomJson.Deserialize("""{"00200013":{"vr":"IS","Value":[""" + json + "]}}");
        Assert.Equal(expected, ds.GetString(DicomTag.InstanceNumber));
    }

    [Fact]
    public void Deserialize_EncapsulatedPixelDataStream_GivesFragmentsAndWritesBackTheSame()
    {
        byte[] stream = [0xFE, 0xFF, 0x00, 0xE0, 4, 0, 0, 0, 0, 0, 0, 0, 0xFE, 0xFF, 0x00, 0xE0, 2, 0, 0, 0, 0xFF, 0xD9];
        var json = "{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"" + Convert.ToBase64String(stream) + "\"}}";

        var ds = DicomJson.Deserialize(json);

        var fragments = Assert.IsType<DicomFragmentSequence>(ds[DicomTag.PixelData]);
        Assert.Equal([0u], fragments.OffsetTable);
        Assert.Equal([0xFF, 0xD9], Assert.Single(fragments.Fragments).Memory.ToArray());
        Assert.Equal(json, DicomJson.Serialize(ds));
    }

    [Fact]
    public void Deserialize_NativePixelDataStartingLikeAnItem_StaysNative()
    {
        // The item tag, then a length that does not land on the end: not an item stream.
        byte[] native = [0xFE, 0xFF, 0x00, 0xE0, 4, 0, 0, 0, 1, 2, 3, 4, 5, 6];
        var ds = DicomJson.Deserialize("{\"7FE00010\":{\"vr\":\"OW\",\"InlineBinary\":\"" + Convert.ToBase64String(native) + "\"}}");
        Assert.Equal(native, Assert.IsType<DicomElement>(ds[DicomTag.PixelData]).Buffer.Memory.ToArray());
    }

    [Fact]
    public void Deserialize_BulkDataUri_IsResolvedOrLeftEmpty()
    {
        const string json = """{"7FE00010":{"vr":"OW","BulkDataURI":"https://pacs/bulk/1"}}""";
        var resolved = DicomJson.Deserialize(json, new DicomJsonOptions
        {
            BulkDataResolver = (tag, vr, uri) => uri == "https://pacs/bulk/1" && vr == DicomVR.OW ? DicomBuffer.FromMemory(new byte[] { 1, 0 }) : null,
        });
        Assert.Equal([1, 0], ((DicomElement)resolved[DicomTag.PixelData]!).Buffer.Memory.ToArray());

        var unresolved = DicomJson.Deserialize(json);
        Assert.Equal(0, ((DicomElement)unresolved[DicomTag.PixelData]!).Length);
    }

    [Fact]
    public void Deserialize_MissingVr_UsesTheDictionaryVR()
    {
        var ds = DicomJson.Deserialize("""{"00280010":{"Value":[256]},"00091001":{"InlineBinary":"AAE="}}""");
        Assert.Equal(DicomVR.US, ds[DicomTag.Rows]!.VR);
        Assert.Equal(DicomVR.UN, ds[new DicomTag(0x0009, 0x1001)]!.VR);
    }

    [Fact]
    public void DeserializeMany_ArrayOfObjects_ReadsEach()
    {
        var list = DicomJson.DeserializeMany("""[{"00100020":{"vr":"LO","Value":["A"]}},{"00100020":{"vr":"LO","Value":["B"]}},{}]""");
        Assert.Equal(["A", "B"], list.Take(2).Select(d => d.GetString(DicomTag.PatientID)));
        Assert.Empty(list[2]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"0010001":{"vr":"LO"}}""")]
    [InlineData("""{"(0010,0010)":{"vr":"PN"}}""")]
    [InlineData("""{"00100010":"Doe"}""")]
    [InlineData("""{"00100010":{"vr":"XX"}}""")]
    [InlineData("""{"00100010":{"vr":"PN","Value":"Doe"}}""")]
    [InlineData("""{"00280010":{"vr":"US","Value":[70000]}}""")]
    [InlineData("""{"00280010":{"vr":"US","Value":[null]}}""")]
    [InlineData("""{"00280010":{"vr":"US","Value":["many"]}}""")]
    [InlineData("""{"00280009":{"vr":"AT","Value":["0018106"]}}""")]
    [InlineData("""{"7FE00010":{"vr":"OB","Value":[1,2]}}""")]
    [InlineData("""{"7FE00010":{"vr":"OB","InlineBinary":"not base64!"}}""")]
    [InlineData("""{"00081140":{"vr":"SQ","Value":[1]}}""")]
    [InlineData("""{"00100010":{"vr":"PN","Value":[[1]]}}""")]
    public void Deserialize_MalformedInput_ThrowsDicomFormatException(string json)
    {
        Assert.Throws<DicomFormatException>(() => DicomJson.Deserialize(json));
    }

    [Fact]
    public void DeserializeMany_NotAnArray_ThrowsDicomFormatException()
    {
        Assert.Throws<DicomFormatException>(() => DicomJson.DeserializeMany("""{"00100020":{"vr":"LO"}}"""));
    }
}
