using System.Collections.Frozen;
using System.Text;

namespace Imaging.Dicom.Text;

/// <summary>
/// One Defined Term of (0008,0005) Specific Character Set (PS3.3 C.12.1.1.2, Tables C.12-2 to C.12-5):
/// the sets it puts into G0 and G1, or the stand-alone encoding that replaces ISO/IEC 2022 altogether.
/// </summary>
internal sealed class CharacterSetTerm
{
    private CharacterSetTerm(string name, bool codeExtensions, CodeElement? g0, CodeElement? g1, int standAloneCodePage = 0)
    {
        Name = name;
        CodeExtensions = codeExtensions;
        G0 = g0;
        G1 = g1;
        StandAloneCodePage = standAloneCodePage;
    }

    /// <summary>The Defined Term as the standard spells it.</summary>
    public string Name { get; }

    /// <summary>True for the "ISO 2022 ..." terms (Tables C.12-3 and C.12-4).</summary>
    public bool CodeExtensions { get; }

    /// <summary>The set the term designates into G0, or null when it leaves G0 alone.</summary>
    public CodeElement? G0 { get; }

    /// <summary>The set the term designates into G1, or null when it leaves G1 alone.</summary>
    public CodeElement? G1 { get; }

    /// <summary>The code page of a term that allows no code extensions and is not ISO 2022 based (UTF-8, GB18030, GBK); else 0.</summary>
    public int StandAloneCodePage { get; }

    /// <summary>True for ISO_IR 192, GB18030 and GBK, which cannot be combined with other terms (PS3.5 §6.1.2.5.4 d).</summary>
    public bool IsStandAlone => StandAloneCodePage != 0;

    /// <summary>True for the multi-byte sets that the standard does not allow as value 1 without code extensions.</summary>
    public bool IsMultiByteExtension => G0 is { IsDoubleByte: true } || G1 is { IsDoubleByte: true };

    /// <summary>The default repertoire, ISO-IR 6.</summary>
    public static readonly CharacterSetTerm Default = new("ISO_IR 6", false, CodeElement.Ascii, null);

    private static readonly CharacterSetTerm[] All =
    [
        Default,
        new("ISO_IR 100", false, CodeElement.Ascii, CodeElement.Latin1),
        new("ISO_IR 101", false, CodeElement.Ascii, CodeElement.Latin2),
        new("ISO_IR 109", false, CodeElement.Ascii, CodeElement.Latin3),
        new("ISO_IR 110", false, CodeElement.Ascii, CodeElement.Latin4),
        new("ISO_IR 144", false, CodeElement.Ascii, CodeElement.Cyrillic),
        new("ISO_IR 127", false, CodeElement.Ascii, CodeElement.Arabic),
        new("ISO_IR 126", false, CodeElement.Ascii, CodeElement.Greek),
        new("ISO_IR 138", false, CodeElement.Ascii, CodeElement.Hebrew),
        new("ISO_IR 148", false, CodeElement.Ascii, CodeElement.Latin5),
        new("ISO_IR 203", false, CodeElement.Ascii, CodeElement.Latin9),
        new("ISO_IR 13", false, CodeElement.Romaji, CodeElement.Katakana),
        new("ISO_IR 166", false, CodeElement.Ascii, CodeElement.Thai),
        new("ISO 2022 IR 6", true, CodeElement.Ascii, null),
        new("ISO 2022 IR 100", true, CodeElement.Ascii, CodeElement.Latin1),
        new("ISO 2022 IR 101", true, CodeElement.Ascii, CodeElement.Latin2),
        new("ISO 2022 IR 109", true, CodeElement.Ascii, CodeElement.Latin3),
        new("ISO 2022 IR 110", true, CodeElement.Ascii, CodeElement.Latin4),
        new("ISO 2022 IR 144", true, CodeElement.Ascii, CodeElement.Cyrillic),
        new("ISO 2022 IR 127", true, CodeElement.Ascii, CodeElement.Arabic),
        new("ISO 2022 IR 126", true, CodeElement.Ascii, CodeElement.Greek),
        new("ISO 2022 IR 138", true, CodeElement.Ascii, CodeElement.Hebrew),
        new("ISO 2022 IR 148", true, CodeElement.Ascii, CodeElement.Latin5),
        new("ISO 2022 IR 203", true, CodeElement.Ascii, CodeElement.Latin9),
        new("ISO 2022 IR 13", true, CodeElement.Romaji, CodeElement.Katakana),
        new("ISO 2022 IR 166", true, CodeElement.Ascii, CodeElement.Thai),
        new("ISO 2022 IR 87", true, CodeElement.JisX0208, null),
        new("ISO 2022 IR 159", true, CodeElement.JisX0212, null),
        new("ISO 2022 IR 149", true, null, CodeElement.KsX1001),
        new("ISO 2022 IR 58", true, null, CodeElement.Gb2312),
        new("ISO_IR 192", false, null, null, 65001),
        new("GB18030", false, null, null, 54936),
        new("GBK", false, null, null, 936),
    ];

    private static readonly FrozenDictionary<string, CharacterSetTerm> ByName =
        All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Spelling-insensitive keys (upper case, letters and digits only), e.g. "ISOIR100", "ISO2022IR87".</summary>
    private static readonly FrozenDictionary<string, CharacterSetTerm> ByKey = BuildKeys();

    /// <summary>Finds a Defined Term by its exact spelling.</summary>
    public static bool TryGetExact(string name, out CharacterSetTerm term) => ByName.TryGetValue(name, out term!);

    /// <summary>
    /// Finds the Defined Term a misspelled value most likely means: separators and case ignored
    /// ("ISO-IR 100", "iso_ir_100", "ISO_2022-IR 100", "ISO IR 192"), the "ISO 2022 58" / "ISO 2022 GBK" forms of CP-1234,
    /// the "ISO_IR" spelling of the multi-byte extensions, and the names UTF-8, GB2312, ISO 8859-n and Latin-1.
    /// </summary>
    public static bool TryGetCorrected(string value, out CharacterSetTerm term) => ByKey.TryGetValue(Key(value), out term!);

    /// <summary>The term with code extensions that has the same G0/G1 sets as a single-byte term without them (ISO_IR 100 → ISO 2022 IR 100).</summary>
    public CharacterSetTerm WithCodeExtensions()
    {
        if (CodeExtensions || IsStandAlone) return this;
        return ByName[Name.Replace("ISO_IR ", "ISO 2022 IR ", StringComparison.Ordinal)];
    }

    /// <summary>The Defined Term.</summary>
    public override string ToString() => Name;

    private static string Key(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (char c in value)
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
        return sb.ToString();
    }

    private static FrozenDictionary<string, CharacterSetTerm> BuildKeys()
    {
        var keys = new Dictionary<string, CharacterSetTerm>(StringComparer.Ordinal);
        foreach (var t in All) keys[Key(t.Name)] = t;
        foreach (var t in All.Where(t => t.CodeExtensions))
        {
            string number = t.Name["ISO 2022 IR ".Length..];
            keys.TryAdd("ISOIR" + number, t);     // ISO_IR 87, ISO_IR 149, ... (no such single-byte terms)
            keys.TryAdd("ISO2022" + number, t);   // ISO 2022 58 (CP-1234)
        }
        keys["ISO2022GBK"] = ByName["GBK"];
        keys["UTF8"] = ByName["ISO_IR 192"];
        keys["GB2312"] = ByName["ISO 2022 IR 58"];
        keys["LATIN1"] = ByName["ISO_IR 100"];
        (string Part, string Term)[] iso8859 =
        [
            ("1", "ISO_IR 100"), ("2", "ISO_IR 101"), ("3", "ISO_IR 109"), ("4", "ISO_IR 110"), ("5", "ISO_IR 144"),
            ("6", "ISO_IR 127"), ("7", "ISO_IR 126"), ("8", "ISO_IR 138"), ("9", "ISO_IR 148"), ("15", "ISO_IR 203"),
        ];
        foreach (var (part, term) in iso8859) keys["ISO8859" + part] = ByName[term];
        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
