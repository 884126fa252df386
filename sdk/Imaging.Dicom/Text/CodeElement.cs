using System.Collections.Frozen;
using System.Text;

namespace Imaging.Dicom.Text;

/// <summary>How a <see cref="CodeElement"/> maps bytes to characters.</summary>
internal enum CodeElementKind
{
    /// <summary>ISO 646 / ASCII (ISO-IR 6) or JIS X 0201 romaji (ISO-IR 14) in G0: one byte, 0x00-0x7F.</summary>
    Ascii,
    /// <summary>The upper half of an ISO 8859 part or TIS 620 in G1: one byte, 0x80-0xFF, through a table.</summary>
    SingleByte,
    /// <summary>JIS X 0201 katakana (ISO-IR 13): one byte, 0xA1-0xDF in G1 (or 0x21-0x5F in G0).</summary>
    Katakana,
    /// <summary>A 94x94 set in G0, seven-bit bytes (JIS X 0208, JIS X 0212).</summary>
    DoubleByteG0,
    /// <summary>A 94x94 set in G1, bytes with the high bit set (KS X 1001, GB 2312).</summary>
    DoubleByteG1,
}

/// <summary>
/// One graphic character set that ISO/IEC 2022 designates into G0 or G1 with an escape sequence
/// (PS3.3 C.12.1.1.2 Tables C.12-3 and C.12-4, PS3.5 §6.1.2.5). Instances are immutable singletons
/// compared by reference; the code page tables behind them are built on first use.
/// </summary>
internal sealed class CodeElement
{
    private const char Replacement = '\uFFFD';

    private readonly int _codePage;
    private readonly (byte Byte, char Char)[] _patches;
    private readonly Lazy<Encoding>? _encoding;
    private readonly Lazy<char[]>? _upperHalf;
    private readonly Lazy<FrozenDictionary<char, byte>>? _reverse;

    private CodeElement(string name, CodeElementKind kind, bool isG0, byte[] escape, int codePage = 0, params (byte, char)[] patches)
    {
        Name = name;
        Kind = kind;
        IsG0 = isG0;
        Escape = escape;
        _codePage = codePage;
        _patches = patches;
        if (codePage != 0) _encoding = new Lazy<Encoding>(CreateEncoding);
        if (kind == CodeElementKind.SingleByte)
        {
            _upperHalf = new Lazy<char[]>(BuildUpperHalf);
            _reverse = new Lazy<FrozenDictionary<char, byte>>(BuildReverse);
        }
    }

    /// <summary>The ISO-IR registration, for messages.</summary>
    public string Name { get; }

    /// <summary>How bytes map to characters.</summary>
    public CodeElementKind Kind { get; }

    /// <summary>True when the set is designated into G0 (GL, bytes below 0x80); false for G1 (GR).</summary>
    public bool IsG0 { get; }

    /// <summary>The full escape sequence that designates the set, starting with ESC; empty when it cannot be designated.</summary>
    public ReadOnlyMemory<byte> Escape { get; }

    /// <summary>True for the sets whose characters take two bytes.</summary>
    public bool IsDoubleByte => Kind is CodeElementKind.DoubleByteG0 or CodeElementKind.DoubleByteG1;

    /// <summary>The code page decoder/encoder behind a double-byte set, its fallbacks set to U+FFFD (decode) and nothing (encode).</summary>
    public Encoding Encoding => _encoding?.Value ?? throw new InvalidOperationException($"{Name} has no code page.");

    // ---- G0 sets ----

    /// <summary>ISO-IR 6 (ASCII) in G0: ESC ( B.</summary>
    public static readonly CodeElement Ascii = new("ISO-IR 6", CodeElementKind.Ascii, true, [0x1B, 0x28, 0x42]);
    /// <summary>ISO-IR 14 (JIS X 0201 romaji) in G0: ESC ( J. Decoded like ASCII (0x5C stays the value delimiter), as pydicom does.</summary>
    public static readonly CodeElement Romaji = new("ISO-IR 14", CodeElementKind.Ascii, true, [0x1B, 0x28, 0x4A]);
    /// <summary>ISO-IR 13 katakana in G0: ESC ( I. Not used by DICOM; read for leniency only.</summary>
    public static readonly CodeElement KatakanaG0 = new("ISO-IR 13 (G0)", CodeElementKind.Katakana, true, [0x1B, 0x28, 0x49]);
    /// <summary>ISO-IR 87 (JIS X 0208) in G0: ESC $ B; decoded through the EUC-JP code page 20932.</summary>
    public static readonly CodeElement JisX0208 = new("ISO-IR 87", CodeElementKind.DoubleByteG0, true, [0x1B, 0x24, 0x42], 20932);
    /// <summary>ISO-IR 159 (JIS X 0212) in G0: ESC $ ( D; code page 20932 holds it as lead byte | 0x80, trail byte as is.</summary>
    public static readonly CodeElement JisX0212 = new("ISO-IR 159", CodeElementKind.DoubleByteG0, true, [0x1B, 0x24, 0x28, 0x44], 20932);

    // ---- G1 sets ----

    /// <summary>No G1 set designated (default repertoire): bytes 0x80-0xFF are read and written as Latin-1, leniently, as pydicom does.</summary>
    public static readonly CodeElement Latin1Fallback = new("ISO-IR 6 (Latin-1 fallback)", CodeElementKind.SingleByte, false, [], 28591);
    /// <summary>ISO-IR 100 (ISO 8859-1): ESC - A.</summary>
    public static readonly CodeElement Latin1 = new("ISO-IR 100", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x41], 28591);
    /// <summary>ISO-IR 101 (ISO 8859-2): ESC - B.</summary>
    public static readonly CodeElement Latin2 = new("ISO-IR 101", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x42], 28592);
    /// <summary>ISO-IR 109 (ISO 8859-3): ESC - C.</summary>
    public static readonly CodeElement Latin3 = new("ISO-IR 109", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x43], 28593);
    /// <summary>ISO-IR 110 (ISO 8859-4): ESC - D.</summary>
    public static readonly CodeElement Latin4 = new("ISO-IR 110", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x44], 28594);
    /// <summary>ISO-IR 144 (ISO 8859-5, Cyrillic): ESC - L.</summary>
    public static readonly CodeElement Cyrillic = new("ISO-IR 144", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x4C], 28595);
    /// <summary>ISO-IR 127 (ISO 8859-6, Arabic): ESC - G.</summary>
    public static readonly CodeElement Arabic = new("ISO-IR 127", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x47], 28596);
    /// <summary>ISO-IR 126 (ISO 8859-7, Greek): ESC - F. Patched to the Unicode 8859-7:2003 table, as Python's codec.</summary>
    public static readonly CodeElement Greek = new("ISO-IR 126", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x46], 28597,
        (0xA1, '\u2018'), (0xA2, '\u2019'), (0xA4, '\u20AC'), (0xA5, '\u20AF'), (0xAA, '\u037A'));
    /// <summary>ISO-IR 138 (ISO 8859-8, Hebrew): ESC - H. Patched to the Unicode 8859-8 table.</summary>
    public static readonly CodeElement Hebrew = new("ISO-IR 138", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x48], 28598,
        (0xAF, '\u00AF'), (0xFD, '\u200E'), (0xFE, '\u200F'));
    /// <summary>ISO-IR 148 (ISO 8859-9, Latin-5): ESC - M.</summary>
    public static readonly CodeElement Latin5 = new("ISO-IR 148", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x4D], 28599);
    /// <summary>ISO-IR 203 (ISO 8859-15, Latin-9): ESC - b.</summary>
    public static readonly CodeElement Latin9 = new("ISO-IR 203", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x62], 28605);
    /// <summary>ISO-IR 166 (TIS 620-2533, Thai): ESC - T; from code page 874 with 0x80-0x9F kept as C1 controls.</summary>
    public static readonly CodeElement Thai = new("ISO-IR 166", CodeElementKind.SingleByte, false, [0x1B, 0x2D, 0x54], 874);
    /// <summary>ISO-IR 13 (JIS X 0201 katakana) in G1: ESC ) I.</summary>
    public static readonly CodeElement Katakana = new("ISO-IR 13", CodeElementKind.Katakana, false, [0x1B, 0x29, 0x49]);
    /// <summary>ISO-IR 149 (KS X 1001) in G1: ESC $ ) C; decoded through code page 949 (a superset of EUC-KR).</summary>
    public static readonly CodeElement KsX1001 = new("ISO-IR 149", CodeElementKind.DoubleByteG1, false, [0x1B, 0x24, 0x29, 0x43], 949);
    /// <summary>ISO-IR 58 (GB 2312) in G1: ESC $ ) A; decoded through code page 20936 (EUC-CN).</summary>
    public static readonly CodeElement Gb2312 = new("ISO-IR 58", CodeElementKind.DoubleByteG1, false, [0x1B, 0x24, 0x29, 0x41], 20936);

    /// <summary>
    /// Finds the set an escape sequence designates (PS3.3 Tables C.12-3/C.12-4, plus ESC $ @ and ESC $ ( B for JIS X 0208
    /// and ESC ( I for G0 katakana, read leniently). <paramref name="length"/> is the length of a recognized sequence.
    /// </summary>
    public static CodeElement? FromEscape(ReadOnlySpan<byte> s, out int length)
    {
        length = 0;
        if (s.Length < 3 || s[0] != 0x1B) return null;
        CodeElement? found = (s[1], s[2]) switch
        {
            (0x28, 0x42) => Ascii,
            (0x28, 0x4A) => Romaji,
            (0x28, 0x49) => KatakanaG0,
            (0x29, 0x49) => Katakana,
            (0x2D, 0x41) => Latin1,
            (0x2D, 0x42) => Latin2,
            (0x2D, 0x43) => Latin3,
            (0x2D, 0x44) => Latin4,
            (0x2D, 0x46) => Greek,
            (0x2D, 0x47) => Arabic,
            (0x2D, 0x48) => Hebrew,
            (0x2D, 0x4C) => Cyrillic,
            (0x2D, 0x4D) => Latin5,
            (0x2D, 0x54) => Thai,
            (0x2D, 0x62) => Latin9,
            (0x24, 0x42) or (0x24, 0x40) => JisX0208,
            _ => null,
        };
        if (found is not null)
        {
            length = 3;
            return found;
        }
        if (s.Length < 4 || s[1] != 0x24) return null;
        found = (s[2], s[3]) switch
        {
            (0x28, 0x44) => JisX0212,
            (0x28, 0x42) or (0x28, 0x40) => JisX0208,
            (0x29, 0x43) => KsX1001,
            (0x29, 0x41) => Gb2312,
            _ => null,
        };
        if (found is not null) length = 4;
        return found;
    }

    /// <summary>Decodes one byte of a single-byte set: 0x00-0x7F for <see cref="CodeElementKind.Ascii"/>, 0x80-0xFF for G1 tables.</summary>
    public char DecodeByte(byte b) => Kind switch
    {
        CodeElementKind.Ascii => b < 0x80 ? (char)b : Latin1Fallback.DecodeByte(b),
        CodeElementKind.SingleByte => b >= 0x80 ? _upperHalf!.Value[b - 0x80] : (char)b,
        CodeElementKind.Katakana => (b & 0x7F) is >= 0x21 and <= 0x5F ? (char)(0xFF61 + (b & 0x7F) - 0x21) : Replacement,
        _ => Replacement,
    };

    /// <summary>
    /// Encodes one character into <paramref name="bytes"/> as the set holds it (G0 sets seven-bit, G1 sets with the high bit);
    /// returns the byte count, or 0 when the set does not hold the character. Only called for non-ASCII characters.
    /// </summary>
    public int TryEncode(char c, Span<byte> bytes)
    {
        switch (Kind)
        {
            case CodeElementKind.SingleByte:
                if (_reverse!.Value.TryGetValue(c, out var b))
                {
                    bytes[0] = b;
                    return 1;
                }
                return 0;
            case CodeElementKind.Katakana:
                if (c is < '\uFF61' or > '\uFF9F') return 0;
                bytes[0] = (byte)(0xA1 + c - 0xFF61);
                if (IsG0) bytes[0] &= 0x7F;
                return 1;
            case CodeElementKind.DoubleByteG0:
            case CodeElementKind.DoubleByteG1:
                return TryEncodeDoubleByte(c, bytes);
            default:
                return 0;
        }
    }

    private int TryEncodeDoubleByte(char c, Span<byte> bytes)
    {
        Span<byte> tmp = stackalloc byte[8];
        int n = Encoding.GetBytes([c], tmp);
        if (n != 2 || tmp[0] < 0xA1 || tmp[0] == 0xFF) return 0;
        if (ReferenceEquals(this, JisX0212))
        {
            // code page 20932 keeps JIS X 0212 as (lead | 0x80, trail & 0x7F); JIS X 0208 has both bytes high.
            if (tmp[1] is < 0x21 or > 0x7E) return 0;
            bytes[0] = (byte)(tmp[0] & 0x7F);
            bytes[1] = tmp[1];
            return 2;
        }
        if (tmp[1] is < 0xA1 or 0xFF) return 0;
        if (IsG0)
        {
            bytes[0] = (byte)(tmp[0] & 0x7F);
            bytes[1] = (byte)(tmp[1] & 0x7F);
        }
        else
        {
            bytes[0] = tmp[0];
            bytes[1] = tmp[1];
        }
        return 2;
    }

    /// <summary>
    /// Converts the bytes of a double-byte run as they appear in the value into the code page's form
    /// (JIS X 0208: both bytes | 0x80; JIS X 0212: lead | 0x80; G1 sets: unchanged).
    /// </summary>
    public void ToCodePageForm(ReadOnlySpan<byte> source, Span<byte> target)
    {
        if (Kind == CodeElementKind.DoubleByteG1)
        {
            source.CopyTo(target);
            return;
        }
        bool x0212 = ReferenceEquals(this, JisX0212);
        for (int i = 0; i < source.Length; i++)
            target[i] = x0212 && (i & 1) == 1 ? source[i] : (byte)(source[i] | 0x80);
    }

    /// <summary>The name, for messages.</summary>
    public override string ToString() => Name;

    private Encoding CreateEncoding()
    {
        Encoding baseEncoding = _codePage == 28591
            ? Encoding.Latin1
            : CodePagesEncodingProvider.Instance.GetEncoding(_codePage)
              ?? throw new NotSupportedException($"Code page {_codePage} is not available.");
        var e = (Encoding)baseEncoding.Clone();
        e.DecoderFallback = new DecoderReplacementFallback(Replacement.ToString());
        e.EncoderFallback = new EncoderReplacementFallback(string.Empty);
        return e;
    }

    /// <summary>Characters for bytes 0x80-0xFF: C1 controls for 0x80-0x9F, the code page above, undefined cells as U+FFFD.</summary>
    private char[] BuildUpperHalf()
    {
        var table = new char[128];
        Span<byte> one = stackalloc byte[1];
        Span<char> decoded = stackalloc char[4];
        for (int b = 0x80; b <= 0xFF; b++)
        {
            if (b < 0xA0)
            {
                table[b - 0x80] = (char)b;
                continue;
            }
            one[0] = (byte)b;
            int n = Encoding.GetChars(one, decoded);
            char c = n == 1 ? decoded[0] : Replacement;
            // code pages map undefined cells into the private use area
            table[b - 0x80] = c is >= '\uE000' and <= '\uF8FF' ? Replacement : c;
        }
        foreach (var (b, c) in _patches) table[b - 0x80] = c;
        return table;
    }

    private FrozenDictionary<char, byte> BuildReverse()
    {
        var table = _upperHalf!.Value;
        var map = new Dictionary<char, byte>();
        for (int i = 0; i < table.Length; i++)
            if (table[i] != Replacement) map.TryAdd(table[i], (byte)(0x80 + i));
        return map.ToFrozenDictionary();
    }
}
