using Imaging.Dicom.Generator;

namespace Imaging.Dicom.Tests.Dictionary;

public sealed class GeneratorTests : IDisposable
{
    private readonly List<string> _tempFiles = [];

    public void Dispose()
    {
        foreach (var f in _tempFiles) File.Delete(f);
    }

    [Theory]
    [InlineData("PN", new[] { "PN" })]
    [InlineData("US or SS", new[] { "US", "SS" })]
    [InlineData("OB or OW", new[] { "OB", "OW" })]
    [InlineData("US or SS or OW", new[] { "US", "SS", "OW" })]
    [InlineData(" US or OW ", new[] { "US", "OW" })]
    [InlineData("See Note 2", new string[0])]
    [InlineData("", new string[0])]
    public void VrListParse_StandardColumn_GivesCodesInOrder(string text, string[] expected) =>
        Assert.Equal(expected, VrList.Parse(text));

    [Theory]
    [InlineData("XX")]
    [InlineData("US and SS")]
    [InlineData("us")]
    public void VrListParse_UnknownCode_Throws(string text) =>
        Assert.Throws<FormatException>(() => VrList.Parse(text));

    [Theory]
    [InlineData("(0010,0010)", 0x00100010u, 0xFFFFFFFFu)]
    [InlineData("(60XX,3000)", 0x60003000u, 0xFF01FFFFu)]
    [InlineData("(7FXX,0010)", 0x7F000010u, 0xFF01FFFFu)]
    [InlineData("(50xx,200C)", 0x5000200Cu, 0xFF01FFFFu)]
    [InlineData("(0028,04X0)", 0x00280400u, 0xFFFFFF0Fu)]
    [InlineData("(0020,31XX)", 0x00203100u, 0xFFFFFF00u)]
    [InlineData("(1000,XXX1)", 0x10000001u, 0xFFFF000Fu)]
    [InlineData("(1010,XXXX)", 0x10100000u, 0xFFFF0000u)]
    public void TagPatternTryParse_StandardTag_GivesLowestTagAndMask(string text, uint tag, uint mask)
    {
        Assert.True(TagPattern.TryParse(text, out var t, out var m));
        Assert.Equal(tag, t);
        Assert.Equal(mask, m);
    }

    [Fact]
    public void TagPatternTryParse_RepeatingGroup_MatchesEvenGroupsOnly()
    {
        TagPattern.TryParse("(60XX,3000)", out var tag, out var mask);
        Assert.Equal(tag, 0x60023000u & mask);
        Assert.Equal(tag, 0x601E3000u & mask);
        Assert.NotEqual(tag, 0x60013000u & mask);
    }

    [Theory]
    [InlineData("0010,0010")]
    [InlineData("(0010,001G)")]
    [InlineData("(0010,00100)")]
    [InlineData("")]
    public void TagPatternTryParse_Malformed_ReturnsFalse(string text) =>
        Assert.False(TagPattern.TryParse(text, out _, out _));

    [Theory]
    [InlineData("CT Image Storage", "CTImageStorage")]
    [InlineData("Digital X-Ray Image Storage - For Presentation", "DigitalXRayImageStorageForPresentation")]
    [InlineData("Multi-frame Single Bit Secondary Capture Image Storage", "MultiFrameSingleBitSecondaryCaptureImageStorage")]
    [InlineData("XA/XRF Grayscale Softcopy Presentation State Storage", "XAXRFGrayscaleSoftcopyPresentationStateStorage")]
    [InlineData("12-lead ECG Waveform Storage", "TwelveLeadECGWaveformStorage")]
    [InlineData("General 32-bit ECG Waveform Storage", "General32BitECGWaveformStorage")]
    [InlineData("Macular Grid Thickness and Volume Report", "MacularGridThicknessAndVolumeReport")]
    [InlineData("42 Things", "FortyTwoThings")]
    [InlineData("123 Go", "_123Go")]
    [InlineData("Exposure in \u00b5As (Retired)", "ExposureInAsRetired")]
    [InlineData("--", "_")]
    public void IdentifierFromName_Name_GivesPascalCaseIdentifier(string name, string expected)
    {
        var keyword = Identifier.FromName(name);
        Assert.Equal(expected, keyword);
        Assert.True(Identifier.IsValid(keyword));
    }

    [Fact]
    public void IdentifierMakeUnique_Collision_AppendsDiscriminatorDeterministically()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var reserved = new HashSet<string>(StringComparer.Ordinal) { "Lookup" };
        Assert.Equal("CTImageStorage", Identifier.MakeUnique("CTImageStorage", taken, reserved, "1_2"));
        Assert.Equal("CTImageStorage_1_3", Identifier.MakeUnique("CTImageStorage", taken, reserved, "1_3"));
        Assert.Equal("CTImageStorage_1_3_2", Identifier.MakeUnique("CTImageStorage", taken, reserved, "1_3"));
        Assert.Equal("Lookup_", Identifier.MakeUnique("Lookup", taken, reserved, "1_4"));
    }

    [Fact]
    public void ReadAttributes_Fixture_SkipsEmptyKeywordsAndParsesMasks()
    {
        var path = WriteTemp("""
            [
              {"tag":"(0010,0010)","name":"Patient's Name","keyword":"PatientName","valueRepresentation":"PN","valueMultiplicity":"1","retired":"N","id":"00100010"},
              {"tag":"(0018,0061)","name":"","keyword":"","valueRepresentation":"DS","valueMultiplicity":"1","retired":"Y","id":"00180061"},
              {"tag":"(60XX,3000)","name":"Overlay Data","keyword":"OverlayData","valueRepresentation":"OB or OW","valueMultiplicity":"1","retired":"N","id":"60xx3000"},
              {"tag":"(FFFE,E000)","name":"Item","keyword":"Item","valueRepresentation":"See Note 2","valueMultiplicity":"1","retired":"N","id":"fffee000"},
              {"tag":"(0008,0001)","name":"Length to End","keyword":"LengthToEnd","valueRepresentation":"UL","valueMultiplicity":"1","retired":"Y","id":"00080001"}
            ]
            """);
        var attributes = StandardTables.ReadAttributes(path, out var skipped);
        Assert.Equal(1, skipped);
        Assert.Equal(["PatientName", "OverlayData", "Item", "LengthToEnd"], attributes.Select(a => a.Keyword));
        Assert.Equal(0xFF01FFFFu, attributes[1].Mask);
        Assert.Equal(["OB", "OW"], attributes[1].ValueRepresentations);
        Assert.Empty(attributes[2].ValueRepresentations);
        Assert.True(attributes[3].IsRetired);
        Assert.False(attributes[0].IsRetired);
    }

    [Fact]
    public void ReadAttributes_BadVr_ThrowsNamingFileAndTag()
    {
        var path = WriteTemp("""[{"tag":"(0010,0010)","name":"N","keyword":"K","valueRepresentation":"ZZ","valueMultiplicity":"1","retired":"N"}]""");
        var e = Assert.Throws<GeneratorException>(() => StandardTables.ReadAttributes(path, out _));
        Assert.Contains(path, e.Message);
        Assert.Contains("(0010,0010)", e.Message);
        Assert.Contains("'ZZ'", e.Message);
    }

    [Fact]
    public void ReadAttributes_DuplicateKeyword_Throws()
    {
        var path = WriteTemp("""
            [{"tag":"(0010,0010)","name":"N","keyword":"K","valueRepresentation":"PN","valueMultiplicity":"1","retired":"N"},
             {"tag":"(0010,0020)","name":"N","keyword":"K","valueRepresentation":"LO","valueMultiplicity":"1","retired":"N"}]
            """);
        Assert.Contains("appears twice", Assert.Throws<GeneratorException>(() => StandardTables.ReadAttributes(path, out _)).Message);
    }

    [Fact]
    public void ReadSopClasses_SameNameTwice_SecondGetsUidSuffix()
    {
        var path = WriteTemp("""
            [{"name":"CT Image Storage","id":"1.2.3","ciod":"CT Image"},
             {"name":"CT Image-Storage","id":"1.2.4","ciod":"CT Image"},
             {"name":"Value","id":"1.2.5","ciod":""}]
            """);
        var sops = StandardTables.ReadSopClasses(path);
        Assert.Equal(["CTImageStorage", "CTImageStorage_1_2_4", "Value_"], sops.Select(s => s.Keyword));
    }

    [Fact]
    public void DictionaryTableWriter_StandardTables_WritesOneEntryPerKeyword()
    {
        var attributes = StandardTables.ReadAttributes(StandardTablesLocation.AttributesJson, out var skipped);
        var source = DictionaryTableWriter.Write(attributes);
        Assert.Contains($"internal const int Count = {attributes.Count};", source);
        Assert.Equal(5129, attributes.Count + skipped);
        Assert.Contains("Exposure in \\u00B5As", source); // non-ASCII names are escaped in the literal
        Assert.DoesNotContain('\u00B5', source);
    }

    private string WriteTemp(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dict-gen-{Guid.NewGuid():N}.json");
        _tempFiles.Add(path);
        File.WriteAllText(path, json);
        return path;
    }
}
