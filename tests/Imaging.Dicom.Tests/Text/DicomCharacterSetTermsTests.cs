using Imaging.Dicom.Text;

namespace Imaging.Dicom.Tests.Text;

/// <summary>Reading (0008,0005) values into a <see cref="DicomCharacterSet"/> (PS3.3 C.12.1.1.2).</summary>
public class DicomCharacterSetTermsTests
{
    public static TheoryData<string> DefinedTerms =>
    [
        "ISO_IR 6", "ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144", "ISO_IR 127", "ISO_IR 126",
        "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 13", "ISO_IR 166",
        "ISO 2022 IR 6", "ISO 2022 IR 100", "ISO 2022 IR 101", "ISO 2022 IR 109", "ISO 2022 IR 110", "ISO 2022 IR 144",
        "ISO 2022 IR 127", "ISO 2022 IR 126", "ISO 2022 IR 138", "ISO 2022 IR 148", "ISO 2022 IR 203", "ISO 2022 IR 13",
        "ISO 2022 IR 166", "ISO 2022 IR 87", "ISO 2022 IR 159", "ISO 2022 IR 149", "ISO 2022 IR 58",
        "ISO_IR 192", "GB18030", "GBK",
    ];

    [Fact]
    public void Default_Always_IsDefaultWithNoTerms()
    {
        Assert.True(DicomCharacterSet.Default.IsDefault);
        Assert.Empty(DicomCharacterSet.Default.Terms);
        Assert.Equal("ISO_IR 6", DicomCharacterSet.Default.ToString());
    }

    public static TheoryData<string[]> NoTerms => [[], [""], ["  "]];

    [Theory]
    [MemberData(nameof(NoTerms))]
    public void FromTerms_NoOrEmptyValue_ReturnsDefault(string[] terms)
    {
        var warnings = new List<string>();
        Assert.Same(DicomCharacterSet.Default, DicomCharacterSet.FromTerms(terms, warnings));
        Assert.Empty(warnings);
    }

    [Theory]
    [MemberData(nameof(DefinedTerms))]
    public void FromTerms_DefinedTerm_KeepsItWithoutWarning(string term)
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms([term], warnings);
        Assert.Equal([term], cs.Terms);
        Assert.Equal(term, cs.ToString());
        // the multi-byte code extensions are not meant to be value 1, the only case that warns
        Assert.Equal(term is "ISO 2022 IR 87" or "ISO 2022 IR 159" or "ISO 2022 IR 149" or "ISO 2022 IR 58", warnings.Count == 1);
    }

    [Theory]
    [InlineData("ISO_IR 6", true)]
    [InlineData("ISO 2022 IR 6", true)]
    [InlineData("ISO_IR 100", false)]
    [InlineData("ISO_IR 192", false)]
    [InlineData("GB18030", false)]
    public void FromTerms_SingleTerm_IsDefaultOnlyForIsoIr6(string term, bool isDefault)
    {
        Assert.Equal(isDefault, DicomCharacterSet.FromTerms([term]).IsDefault);
    }

    [Fact]
    public void FromTerms_EmptyValue1WithExtension_KeepsEmptyFirstTerm()
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87"], warnings);
        Assert.Equal(["", "ISO 2022 IR 87"], cs.Terms);
        Assert.Equal("\\ISO 2022 IR 87", cs.ToString());
        Assert.False(cs.IsDefault);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("ISO-IR 100", "ISO_IR 100")]
    [InlineData("ISO IR 192", "ISO_IR 192")]
    [InlineData("iso_ir 144", "ISO_IR 144")]
    [InlineData("ISO_IR_126", "ISO_IR 126")]
    [InlineData("ISOIR 192", "ISO_IR 192")]
    [InlineData("ISO_2022-IR 100", "ISO 2022 IR 100")]
    [InlineData("ISO_2022_IR+126", "ISO 2022 IR 126")]
    [InlineData("ISO 2022 58", "ISO 2022 IR 58")]
    [InlineData("ISO 2022 GBK", "GBK")]
    [InlineData("UTF-8", "ISO_IR 192")]
    [InlineData("ISO-8859-1", "ISO_IR 100")]
    [InlineData("gb18030", "GB18030")]
    public void FromTerms_MisspelledTerm_CorrectsItWithWarning(string misspelled, string expected)
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms([misspelled], warnings);
        Assert.Equal([expected], cs.Terms);
        Assert.Contains(warnings, w => w.Contains($"'{misspelled}'") && w.Contains($"'{expected}'"));
    }

    [Fact]
    public void FromTerms_PaddedTerm_TrimsWithoutWarning()
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms(["ISO_IR 100 \0"], warnings);
        Assert.Equal(["ISO_IR 100"], cs.Terms);
        Assert.Empty(warnings);
    }

    [Fact]
    public void FromTerms_UnknownValue1_UsesDefaultWithWarning()
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms(["ISO_IR 999"], warnings);
        Assert.True(cs.IsDefault);
        Assert.Equal(["ISO_IR 999"], cs.Terms);
        Assert.Contains("ISO_IR 999", Assert.Single(warnings));
        Assert.Equal("Jérôme", cs.Decode([0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65], DicomVR.PN));
    }

    [Fact]
    public void FromTerms_UnknownExtension_DropsItWithWarning()
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms(["ISO 2022 IR 100", "ISO 2022 IR 146"], warnings);
        Assert.Equal(["ISO 2022 IR 100"], cs.Terms);
        Assert.Contains("ISO 2022 IR 146", Assert.Single(warnings));
    }

    [Fact]
    public void FromTerms_StandAloneValue1WithOthers_IgnoresTheOthers()
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms(["ISO_IR 192", "ISO 2022 IR 100", "ISO 2022 IR 144"], warnings);
        Assert.Equal(["ISO_IR 192"], cs.Terms);
        Assert.Equal(2, warnings.Count);
        Assert.Equal("é", cs.Decode([0xC3, 0xA9], DicomVR.LO));
    }

    [Fact]
    public void FromTerms_StandAloneAsExtension_DropsIt()
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms(["ISO 2022 IR 126", "GBK", "ISO 2022 IR 144", "ISO_IR 192"], warnings);
        Assert.Equal(["ISO 2022 IR 126", "ISO 2022 IR 144"], cs.Terms);
        Assert.Equal(2, warnings.Count);
    }

    [Fact]
    public void FromTerms_SingleByteTermsWithoutExtensionsInMultiValue_AssumesIso2022Forms()
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms(["ISO_IR 100", "ISO-IR 144"], warnings);
        Assert.Equal(["ISO 2022 IR 100", "ISO 2022 IR 144"], cs.Terms);
        Assert.NotEmpty(warnings);
        // Latin-1 without escape, Cyrillic after ESC - L
        byte[] raw = [0x4A, 0xE9, 0x5E, 0x1B, 0x2D, 0x4C, 0xBB, 0xEE];
        Assert.Equal("Jé^Лю", cs.Decode(raw, DicomVR.PN));
    }

    [Fact]
    public void FromTerms_UnknownValue1WithExtension_KeepsItAsReadAndReadsIsoIr6()
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms(["ISO_IR 999", "ISO 2022 IR 87"], warnings);
        Assert.Equal(["ISO_IR 999", "ISO 2022 IR 87"], cs.Terms);
        Assert.Contains("ISO_IR 999", Assert.Single(warnings));
        Assert.Equal("A山", cs.Decode([0x41, 0x1B, 0x24, 0x42, 0x3B, 0x33, 0x1B, 0x28, 0x42], DicomVR.LO));
    }

    [Fact]
    public void FromTerms_RepeatedTerm_DropsTheRepetition()
    {
        var warnings = new List<string>();
        var cs = DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87", "ISO 2022 IR 87"], warnings);
        Assert.Equal(["", "ISO 2022 IR 87"], cs.Terms);
        Assert.Single(warnings);
    }

    [Fact]
    public void FromTerms_NoWarningsCollection_DoesNotThrow()
    {
        var cs = DicomCharacterSet.FromTerms(["nonsense", "ISO_IR 192", "", "ISO 2022 IR 999"]);
        Assert.True(cs.IsDefault);
    }
}
