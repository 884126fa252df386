using System.Text;
using Imaging.Dicom.Text;

namespace Imaging.Dicom.Tests.Text;

/// <summary>
/// <see cref="DicomCharacterSet.Decode"/> for every Defined Term of PS3.3 C.12.1.1.2, with the examples of PS3.5
/// Annexes H (Japanese), I (Korean), J (Unicode, GB18030) and K (GB2312), and David Clunie's names used by pydicom.
/// Byte strings are written as Latin-1 strings, like Python byte literals ("\u001b$B" is ESC $ B).
/// </summary>
public class DicomCharacterSetDecodeTests
{
    internal static byte[] L(string latin1) => Encoding.Latin1.GetBytes(latin1);

    private static string Decode(string[] terms, string vr, string latin1) =>
        DicomCharacterSet.FromTerms(terms).Decode(L(latin1), DicomVR.Parse(vr));

    public static TheoryData<string, string, string> SingleByteTerms => new()
    {
        { "ISO_IR 100", "Buc^J\xe9r\xf4me", "Buc^Jérôme" },
        { "ISO_IR 101", "Wa\xb3\xeasa", "Wałęsa" },
        { "ISO_IR 109", "anta\xfdnomo", "antaŭnomo" },
        { "ISO_IR 110", "v\xe0rds", "vārds" },
        { "ISO_IR 144", "\xbb\xee\xda\x63\x65\xdc\xd1\x79\x70\xd3", "Люкceмбypг" },
        { "ISO_IR 127", "\xe2\xc8\xc7\xe6\xea^\xe4\xe6\xd2\xc7\xd1", "قباني^لنزار" },
        { "ISO_IR 126", "\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2", "Διονυσιος" },
        { "ISO_IR 138", "\xf9\xf8\xe5\xef^\xe3\xe1\xe5\xf8\xe4", "שרון^דבורה" },
        { "ISO_IR 148", "\xc7\x61\x76\x75\xfe\x6f\xf0\x6c\x75", "Çavuşoğlu" },
        { "ISO_IR 203", "\xbcuvre 5\xa4", "Œuvre 5€" },
        { "ISO_IR 13", "\xd4\xcf\xc0\xde^\xc0\xdb\xb3", "ﾔﾏﾀﾞ^ﾀﾛｳ" },
        { "ISO_IR 166", "\xb9\xd2\xc1\xca\xa1\xd8\xc5", "นามสกุล" },
        { "ISO_IR 6", "Buc^J\xe9r\xf4me", "Buc^Jérôme" },
    };

    [Theory]
    [MemberData(nameof(SingleByteTerms))]
    public void Decode_SingleByteTerm_GivesNames(string term, string raw, string expected)
    {
        Assert.Equal(expected, Decode([term], "PN", raw));
    }

    /// <summary>The same names after the escape sequence of the ISO 2022 form of each term (pydicom's ENCODED_NAMES).</summary>
    public static TheoryData<string, string, string> SingleByteExtensions => new()
    {
        { "ISO 2022 IR 13", "\x1b)I\xd4\xcf\xc0\xde^\x1b)I\xc0\xdb\xb3", "ﾔﾏﾀﾞ^ﾀﾛｳ" },
        { "ISO 2022 IR 100", "\x1b-ABuc^\x1b-AJ\xe9r\xf4me", "Buc^Jérôme" },
        { "ISO 2022 IR 101", "\x1b-BWa\xb3\xeasa", "Wałęsa" },
        { "ISO 2022 IR 109", "\x1b-Canta\xfdnomo", "antaŭnomo" },
        { "ISO 2022 IR 110", "\x1b-Dv\xe0rds", "vārds" },
        { "ISO 2022 IR 127", "\x1b-G\xe2\xc8\xc7\xe6\xea^\x1b-G\xe4\xe6\xd2\xc7\xd1", "قباني^لنزار" },
        { "ISO 2022 IR 126", "\x1b-F\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2", "Διονυσιος" },
        { "ISO 2022 IR 138", "\x1b-H\xf9\xf8\xe5\xef^\x1b-H\xe3\xe1\xe5\xf8\xe4", "שרון^דבורה" },
        { "ISO 2022 IR 144", "\x1b-L\xbb\xee\xda\x63\x65\xdc\xd1\x79\x70\xd3", "Люкceмбypг" },
        { "ISO 2022 IR 148", "\x1b-M\xc7\x61\x76\x75\xfe\x6f\xf0\x6c\x75", "Çavuşoğlu" },
        { "ISO 2022 IR 166", "\x1b-T\xb9\xd2\xc1\xca\xa1\xd8\xc5", "นามสกุล" },
        { "ISO 2022 IR 203", "\x1b-b\xbcuvre 5\xa4", "Œuvre 5€" },
    };

    [Theory]
    [MemberData(nameof(SingleByteExtensions))]
    public void Decode_SingleByteCodeExtension_SwitchesAtEscape(string term, string raw, string expected)
    {
        Assert.Equal("ASCII+" + expected, Decode(["", term], "PN", "ASCII+" + raw));
    }

    [Fact]
    public void Decode_PS3_5_H_3_1_JapaneseWithoutValue1_GivesName()
    {
        string raw = "Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B";
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", Decode(["", "ISO 2022 IR 87"], "PN", raw));
    }

    [Fact]
    public void Decode_PS3_5_H_3_2_JapaneseKatakanaAndKanji_GivesName()
    {
        string raw = "\xd4\xcf\xc0\xde^\xc0\xdb\xb3=\x1b$B;3ED\x1b(J^\x1b$BB@O:\x1b(J=\x1b$B$d$^$@\x1b(J^\x1b$B$?$m$&\x1b(J";
        Assert.Equal("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", Decode(["ISO 2022 IR 13", "ISO 2022 IR 87"], "PN", raw));
    }

    [Fact]
    public void Decode_JisX0212_GivesSupplementaryKanji()
    {
        // 鷗 is JIS X 0212 0x6C3F (ESC $ ( D), 外 JIS X 0208 0x3330 (ESC $ B)
        string raw = "Mori^Ogai=\x1b$B?9\x1b(B^\x1b$(Dl?\x1b$B30\x1b(B=\x1b$B$b$j\x1b(B^\x1b$B$*$&$,$$\x1b(B";
        Assert.Equal("Mori^Ogai=森^鷗外=もり^おうがい",
            Decode(["ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159"], "PN", raw));
    }

    [Fact]
    public void Decode_PS3_5_I_2_Korean_GivesName()
    {
        string raw = "Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7=\x1b$)C\xc8\xab^\x1b$)C\xb1\xe6\xb5\xbf";
        Assert.Equal("Hong^Gildong=洪^吉洞=홍^길동", Decode(["", "ISO 2022 IR 149"], "PN", raw));
    }

    [Fact]
    public void Decode_PS3_5_I_3_KoreanLongText_MixesAsciiAndHangulAfterOneEscapePerLine()
    {
        string raw = "\x1b$)CThe first line includes \xc7\xd1\xb1\xdb.\r\n\x1b$)CThe second line includes \xc7\xd1\xb1\xdb, too.\r\nThe third line";
        Assert.Equal("The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line",
            Decode(["", "ISO 2022 IR 149"], "LT", raw));
    }

    [Fact]
    public void Decode_PS3_5_J_1_Utf8_GivesName()
    {
        Assert.Equal("Wang^XiaoDong=王^小東=",
            Decode(["ISO_IR 192"], "PN", "Wang^XiaoDong=\xe7\x8e\x8b^\xe5\xb0\x8f\xe6\x9d\xb1="));
    }

    [Fact]
    public void Decode_PS3_5_J_2_Utf8LongText_GivesLines()
    {
        string raw = "The first line includes\xe4\xb8\xad\xe6\x96\x87.\r\nThe second line includes\xe4\xb8\xad\xe6\x96\x87, too.\r\nThe third line.\r\n";
        Assert.Equal("The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n",
            Decode(["ISO_IR 192"], "LT", raw));
    }

    [Fact]
    public void Decode_PS3_5_J_3_Gb18030_GivesName()
    {
        Assert.Equal("Wang^XiaoDong=王^小东=", Decode(["GB18030"], "PN", "Wang^XiaoDong=\xcd\xf5^\xd0\xa1\xb6\xab="));
    }

    [Fact]
    public void Decode_PS3_5_J_4_Gb18030LongText_GivesLines()
    {
        string raw = "The first line includes\xd6\xd0\xce\xc4.\r\nThe second line includes\xd6\xd0\xce\xc4, too.\r\nThe third line.\r\n";
        Assert.Equal("The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n",
            Decode(["GB18030"], "LT", raw));
    }

    [Fact]
    public void Decode_Gb18030FourByteSequence_GivesSupplementaryCharacter()
    {
        Assert.Equal("😀", Decode(["GB18030"], "LO", "\x94\x39\xfc\x36"));
    }

    [Fact]
    public void Decode_GbkWithTrailByteBelow0x80_GivesTraditionalCharacter()
    {
        Assert.Equal("王小東", Decode(["GBK"], "LO", "\xcd\xf5\xd0\xa1\x96\x7c"));
    }

    [Fact]
    public void Decode_PS3_5_K_2_ChineseGb2312_GivesName()
    {
        string raw = "Zhang^XiaoDong=\x1b$)A\xd5\xc5^\x1b$)A\xd0\xa1\xb6\xab= ";
        Assert.Equal("Zhang^XiaoDong=张^小东= ", Decode(["", "ISO 2022 IR 58"], "PN", raw));
    }

    [Fact]
    public void Decode_PS3_5_K_3_ChineseLongText_GivesLines()
    {
        string raw =
            "1.\x1b$)A\xb5\xda\xd2\xbb\xd0\xd0\xce\xc4\xd7\xd6\xa1\xa3\r\n" +
            "2.\x1b$)A\xb5\xda\xb6\xfe\xd0\xd0\xce\xc4\xd7\xd6\xa1\xa3\r\n" +
            "3.\x1b$)A\xb5\xda\xc8\xfd\xd0\xd0\xce\xc4\xd7\xd6\xa1\xa3\r\n";
        Assert.Equal("1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n", Decode(["", "ISO 2022 IR 58"], "LT", raw));
    }

    [Fact]
    public void Decode_ChineseLongTextWithExplicitReturnToAscii_GivesLines()
    {
        // the 2015 edition of Example K.3-1 also returned to ASCII (ESC ( B) before each CR LF
        string raw = "1.\x1b$)A\xb5\xda\xd2\xbb\x1b(B\r\n2.\x1b$)A\xb5\xda\xb6\xfe\x1b(B\r\n \x20";
        Assert.Equal("1.第一\r\n2.第二\r\n  ", Decode(["", "ISO 2022 IR 58"], "LT", raw));
    }

    [Fact]
    public void Decode_MultiValuedLoWithDifferentSets_ResetsAtBackslash()
    {
        string raw = "Buc^J\xe9r\xf4me\\\x1b-F\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2\\\x1b-L\xbb\xee\xda\x63\x65\xdc\xd1\x79\x70\xd3";
        Assert.Equal("Buc^Jérôme\\Διονυσιος\\Люкceмбypг",
            Decode(["ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126"], "LO", raw));
    }

    [Theory]
    [InlineData("PN", "Δ^Ä=Ä\\Ä\rÄ")]   // '^', '=', '\' and CR all reset G1 to value 1's set
    [InlineData("LO", "Δ^Δ=Δ\\Ä\rÄ")]   // '\' and CR
    [InlineData("LT", "Δ^Δ=Δ\\Δ\rÄ")]   // CR only: LT is not multi-valued
    [InlineData("UT", "Δ^Δ=Δ\\Δ\rÄ")]
    public void Decode_DelimiterOfVR_ReturnsToValue1Set(string vr, string expected)
    {
        string raw = "\x1b-F\xc4^\xc4=\xc4\\\xc4\r\xc4";
        Assert.Equal(expected, Decode(["ISO 2022 IR 100", "ISO 2022 IR 126"], vr, raw));
    }

    [Fact]
    public void Decode_MissingEscapeAfterDelimiter_ReadsValue1Set()
    {
        // pydicom's test_missing_escape_for_single_byte_code_extensions: the part after '^' is read as Latin-1
        Assert.Equal("ASCII+ﾔﾏﾀﾞ^ÀÛ³", Decode(["", "ISO 2022 IR 13"], "PN", "ASCII+\x1b)I\xd4\xcf\xc0\xde^\xc0\xdb\xb3"));
    }

    [Fact]
    public void Decode_MultiByteTermAsValue1WithoutEscapes_ReadsEucKr()
    {
        Assert.Equal("김희중", Decode(["ISO 2022 IR 149"], "PN", "\xb1\xe8\xc8\xf1\xc1\xdf"));
    }

    [Fact]
    public void Decode_Gb2312ExtensionWithoutEscape_ReadsGb2312()
    {
        // pydicom 2.3 writes ISO 2022 IR 58 values without ESC $ ) A
        Assert.Equal("Zhang^XiaoDong=张^小东", Decode(["", "ISO 2022 IR 58"], "PN", "Zhang^XiaoDong=\xd5\xc5^\xd0\xa1\xb6\xab"));
    }

    [Fact]
    public void Decode_KsX1001ExtensionNotDesignatedAgainAfterLineBreak_ReadsKsX1001()
    {
        string raw = "\x1b$)C\xc7\xd1\xb1\xdb\r\n\xc7\xd1\xb1\xdb";
        Assert.Equal("한글\r\n한글", Decode(["", "ISO 2022 IR 149"], "LT", raw));
    }

    [Fact]
    public void Decode_SeveralG1ExtensionsAndNoEscape_ReadsLatin1()
    {
        Assert.Equal("\xc7\xd1", Decode(["", "ISO 2022 IR 100", "ISO 2022 IR 149"], "LO", "\xc7\xd1"));
    }

    [Fact]
    public void Decode_EscapeToUndeclaredSet_IsHonored()
    {
        Assert.Equal("やまだ", Decode([], "PN", "\x1b$B$d$^$@\x1b(B"));
    }

    [Theory]
    [InlineData("\x1b%Gabc", "\x1b%Gabc")]
    [InlineData("abc\x1b$", "abc\x1b$")]
    [InlineData("abc\x1b", "abc\x1b")]
    public void Decode_UnknownOrIncompleteEscape_KeepsTheBytesAsText(string raw, string expected)
    {
        Assert.Equal(expected, Decode(["ISO_IR 100"], "LO", raw));
    }

    [Fact]
    public void Decode_TruncatedDoubleByteCharacter_GivesReplacementCharacter()
    {
        Assert.Equal("홍\uFFFD", Decode(["", "ISO 2022 IR 149"], "PN", "\x1b$)C\xc8\xab\xb1"));
    }

    [Fact]
    public void Decode_UndefinedSingleByteCell_GivesReplacementCharacter()
    {
        // 0xA1 is not assigned in ISO 8859-6
        Assert.Equal("\uFFFD", Decode(["ISO_IR 127"], "LO", "\xa1"));
    }

    [Fact]
    public void Decode_JisX0201Romaji_KeepsBackslashAndTilde()
    {
        Assert.Equal("a\\b~", Decode(["ISO_IR 13"], "LT", "a\\b~"));
    }

    [Fact]
    public void Decode_SpaceInsideJisX0208_IsSpace()
    {
        Assert.Equal("山 田", Decode(["", "ISO 2022 IR 87"], "LO", "\x1b$B;3 ED\x1b(B"));
    }

    [Fact]
    public void Decode_EmptyValue_GivesEmptyString()
    {
        Assert.Equal("", DicomCharacterSet.Default.Decode([], DicomVR.PN));
    }

    [Fact]
    public void Decode_Padding_IsKept()
    {
        Assert.Equal("SCSARAB ", Decode(["ISO_IR 127"], "LO", "SCSARAB "));
    }

    [Fact]
    public void Decode_LongValue_UsesPooledBuffer()
    {
        string word = "\x1b$B;3ED\x1b(B ";
        string raw = string.Concat(Enumerable.Repeat(word, 200));
        string expected = string.Concat(Enumerable.Repeat("山田 ", 200));
        Assert.Equal(expected, Decode(["", "ISO 2022 IR 87"], "UT", raw));
        string greek = string.Concat(Enumerable.Repeat("\xc4", 1000));
        Assert.Equal(new string('Δ', 1000), Decode(["ISO_IR 126"], "UT", greek));
    }
}
