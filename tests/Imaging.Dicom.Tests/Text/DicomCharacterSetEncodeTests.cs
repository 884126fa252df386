using System.Text;
using Imaging.Dicom.Text;

namespace Imaging.Dicom.Tests.Text;

/// <summary>
/// <see cref="DicomCharacterSet.Encode"/>: the bytes of the examples of PS3.5 Annexes H, I, J and K, escape sequences
/// only where the set must change (PS3.5 §6.1.2.5.3), and round trips for every Defined Term.
/// Expected bytes are written as Latin-1 strings, like Python byte literals.
/// </summary>
public class DicomCharacterSetEncodeTests
{
    private static string Encode(string[] terms, string vr, string text) =>
        Encoding.Latin1.GetString(DicomCharacterSet.FromTerms(terms).Encode(text, DicomVR.Parse(vr)));

    [Fact]
    public void Encode_PS3_5_H_3_1_Japanese_GivesStandardBytes()
    {
        Assert.Equal(
            "Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B",
            Encode(["", "ISO 2022 IR 87"], "PN", "Yamada^Tarou=山田^太郎=やまだ^たろう"));
    }

    [Fact]
    public void Encode_PS3_5_H_3_2_JapaneseWithKatakanaValue1_ReturnsToRomajiWithEscJ()
    {
        Assert.Equal(
            "\xd4\xcf\xc0\xde^\xc0\xdb\xb3=\x1b$B;3ED\x1b(J^\x1b$BB@O:\x1b(J=\x1b$B$d$^$@\x1b(J^\x1b$B$?$m$&\x1b(J",
            Encode(["ISO 2022 IR 13", "ISO 2022 IR 87"], "PN", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"));
    }

    [Fact]
    public void Encode_JisX0212AndJisX0208InOneComponent_SwitchesG0Twice()
    {
        // the bytes pydicom's test_charset expects for this name
        Assert.Equal(
            "Mori^Ogai=\x1b$B?9\x1b(B^\x1b$(Dl?\x1b$B30\x1b(B=\x1b$B$b$j\x1b(B^\x1b$B$*$&$,$$\x1b(B",
            Encode(["ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159"], "PN", "Mori^Ogai=森^鷗外=もり^おうがい"));
    }

    [Fact]
    public void Encode_PS3_5_I_2_Korean_DesignatesKsX1001InEachComponent()
    {
        Assert.Equal(
            "Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7=\x1b$)C\xc8\xab^\x1b$)C\xb1\xe6\xb5\xbf",
            Encode(["", "ISO 2022 IR 149"], "PN", "Hong^Gildong=洪^吉洞=홍^길동"));
    }

    [Fact]
    public void Encode_KoreanLongText_DesignatesOncePerLineBeforeTheFirstHangul()
    {
        // PS3.5 Example I.3-1 puts the escape at the start of the line; just before the first Hangul is as valid
        Assert.Equal(
            "The first line includes \x1b$)C\xc7\xd1\xb1\xdb.\r\nThe second line includes \x1b$)C\xc7\xd1\xb1\xdb, too.\r\nThe third line",
            Encode(["", "ISO 2022 IR 149"], "LT", "The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line"));
    }

    [Fact]
    public void Encode_PS3_5_J_1_Utf8_GivesStandardBytes()
    {
        Assert.Equal("Wang^XiaoDong=\xe7\x8e\x8b^\xe5\xb0\x8f\xe6\x9d\xb1=", Encode(["ISO_IR 192"], "PN", "Wang^XiaoDong=王^小東="));
    }

    [Fact]
    public void Encode_PS3_5_J_3_Gb18030_GivesStandardBytes()
    {
        Assert.Equal("Wang^XiaoDong=\xcd\xf5^\xd0\xa1\xb6\xab=", Encode(["GB18030"], "PN", "Wang^XiaoDong=王^小东="));
    }

    [Fact]
    public void Encode_PS3_5_J_4_Gb18030LongText_GivesStandardBytes()
    {
        Assert.Equal(
            "The first line includes\xd6\xd0\xce\xc4.\r\nThe second line includes\xd6\xd0\xce\xc4, too.\r\nThe third line.\r\n",
            Encode(["GB18030"], "LT", "The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n"));
    }

    [Fact]
    public void Encode_PS3_5_K_2_ChineseGb2312_GivesStandardBytes()
    {
        Assert.Equal("Zhang^XiaoDong=\x1b$)A\xd5\xc5^\x1b$)A\xd0\xa1\xb6\xab=", Encode(["", "ISO 2022 IR 58"], "PN", "Zhang^XiaoDong=张^小东="));
    }

    [Fact]
    public void Encode_PS3_5_K_3_ChineseLongText_DesignatesGb2312OnEachLine()
    {
        Assert.Equal(
            "1.\x1b$)A\xb5\xda\xd2\xbb\xd0\xd0\xce\xc4\xd7\xd6\xa1\xa3\r\n" +
            "2.\x1b$)A\xb5\xda\xb6\xfe\xd0\xd0\xce\xc4\xd7\xd6\xa1\xa3\r\n" +
            "3.\x1b$)A\xb5\xda\xc8\xfd\xd0\xd0\xce\xc4\xd7\xd6\xa1\xa3\r\n",
            Encode(["", "ISO 2022 IR 58"], "LT", "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n"));
    }

    [Fact]
    public void Encode_GbkTraditionalCharacter_GivesGbkBytes()
    {
        Assert.Equal("\xcd\xf5\xd0\xa1\x96\x7c", Encode(["GBK"], "LO", "王小東"));
    }

    [Fact]
    public void Encode_MultiValuedWithDifferentSets_DesignatesAfterEachBackslash()
    {
        // the bytes of pydicom's test_single_byte_multi_charset_text
        Assert.Equal(
            "Buc^J\xe9r\xf4me\\\x1b-F\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2\\\x1b-L\xbb\xee\xda\x63\x65\xdc\xd1\x79\x70\xd3",
            Encode(["ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126"], "LO", "Buc^Jérôme\\Διονυσιος\\Люкceмбypг"));
    }

    [Fact]
    public void Encode_SetAlreadyInG1_NeedsNoEscape()
    {
        // é and Δ alternate: each switch of G1 needs an escape, staying in it does not
        Assert.Equal("\x1b-F\xc4\xc4\x1b-A\xe9\x1b-F\xc4", Encode(["ISO 2022 IR 100", "ISO 2022 IR 126"], "LO", "ΔΔéΔ"));
    }

    [Fact]
    public void Encode_KatakanaAfterKanji_KeepsG1AndReturnsG0()
    {
        // pydicom writes ESC ) I before ｱ although G1 already holds katakana; G0 goes back to romaji (ESC ( J)
        Assert.Equal(
            "\x1b$B$\"\x1b(Ja\xb1\x1b$B%\"\x1b$(DmN\x1b(J",
            Encode(["ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"], "LO", "あaｱア齩"));
    }

    [Fact]
    public void Encode_LineBreakInsideJapanese_ReturnsToAsciiBeforeIt()
    {
        Assert.Equal("\x1b$B;3\x1b(B\r\n\x1b$BED\x1b(B", Encode(["", "ISO 2022 IR 87"], "LT", "山\r\n田"));
    }

    [Fact]
    public void Encode_WaveDash_UsesJisX0208Mapping()
    {
        Assert.Equal("\x1b$B!A\x1b(B", Encode(["", "ISO 2022 IR 87"], "LO", "\u301C"));
    }

    [Theory]
    [InlineData(new[] { "ISO_IR 100" }, "Jé中", "J\xe9?")]
    [InlineData(new[] { "", "ISO 2022 IR 87" }, "山😀", "\x1b$B;3\x1b(B?")]
    [InlineData(new[] { "ISO_IR 13" }, "ｱ山", "\xb1?")]
    [InlineData(new[] { "GBK" }, "😀", "??")]   // the BCL fallback replaces each UTF-16 unit of a surrogate pair
    [InlineData(new string[0], "中", "?")]
    public void Encode_CharacterNoSetHolds_GivesQuestionMark(string[] terms, string text, string expected)
    {
        Assert.Equal(expected, Encode(terms, "LO", text));
    }

    [Fact]
    public void Encode_DefaultWithLatin1Character_WritesLatin1LikePydicom()
    {
        Assert.Equal("J\xe9r\xf4me", Encode([], "PN", "Jérôme"));
    }

    [Fact]
    public void Encode_Utf8SupplementaryCharacter_GivesFourBytes()
    {
        Assert.Equal("\xf0\x9f\x98\x80", Encode(["ISO_IR 192"], "LO", "😀"));
    }

    [Fact]
    public void Encode_Empty_GivesNoBytes()
    {
        Assert.Empty(DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87"]).Encode("", DicomVR.PN));
    }

    [Fact]
    public void Encode_Ascii_GivesSameBytesForEverySet()
    {
        foreach (var term in DicomCharacterSetTermsTests.DefinedTerms)
            Assert.Equal("Doe^John 1\\2", Encode([term], "PN", "Doe^John 1\\2"));
    }

    /// <summary>Text of each repertoire, with value 1 ISO-IR 6 for the multi-byte extensions.</summary>
    public static TheoryData<string[], string, string> RoundTrips => new()
    {
        { ["ISO_IR 100"], "LO", "Äneas Rüdiger ß ÿ" },
        { ["ISO_IR 101"], "LO", "Wałęsa Žluťoučký" },
        { ["ISO_IR 109"], "LO", "antaŭnomo ĉĝĥ" },
        { ["ISO_IR 110"], "LO", "vārds ŗļ" },
        { ["ISO_IR 144"], "LO", "Люксембург" },
        { ["ISO_IR 127"], "LO", "قباني لنزار" },
        { ["ISO_IR 126"], "LO", "Διονυσιος ‘€’" },
        { ["ISO_IR 138"], "LO", "שרון דבורה" },
        { ["ISO_IR 148"], "LO", "Çavuşoğlu İı" },
        { ["ISO_IR 203"], "LO", "Œuvre 5€ Šš" },
        { ["ISO_IR 13"], "LO", "ﾔﾏﾀﾞ ﾀﾛｳ" },
        { ["ISO_IR 166"], "LO", "นามสกุล" },
        { ["ISO_IR 192"], "UT", "中文 Ünïcødé 😀 한글" },
        { ["GB18030"], "UT", "中文 王小東 😀" },
        { ["GBK"], "LO", "王小東 中文" },
        { ["", "ISO 2022 IR 100", "ISO 2022 IR 101", "ISO 2022 IR 109", "ISO 2022 IR 110"], "LO", "é ł ŭ ā" },
        { ["", "ISO 2022 IR 144", "ISO 2022 IR 127", "ISO 2022 IR 126", "ISO 2022 IR 138"], "LO", "Ж ق Δ ש" },
        { ["", "ISO 2022 IR 148", "ISO 2022 IR 203", "ISO 2022 IR 166", "ISO 2022 IR 13"], "LO", "ş € ก ｱ" },
        { ["", "ISO 2022 IR 87", "ISO 2022 IR 159"], "PN", "Mori^Ogai=森^鷗外=もり^おうがい" },
        { ["ISO 2022 IR 13", "ISO 2022 IR 87"], "PN", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう" },
        { ["", "ISO 2022 IR 149"], "LT", "홍길동 洪吉洞\r\nHong Gildong" },
        { ["", "ISO 2022 IR 58"], "ST", "张小东\r\nZhang XiaoDong" },
        { ["", "ISO 2022 IR 87", "ISO 2022 IR 149", "ISO 2022 IR 58"], "LO", "山田 한글 张" },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void EncodeThenDecode_TextOfTheRepertoire_GivesSameText(string[] terms, string vr, string text)
    {
        var cs = DicomCharacterSet.FromTerms(terms);
        var v = DicomVR.Parse(vr);
        Assert.Equal(text, cs.Decode(cs.Encode(text, v), v));
    }
}
