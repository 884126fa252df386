using System.Buffers;

namespace Imaging.Dicom.Text;

/// <summary>
/// Decodes a text value that contains ISO/IEC 2022 escape sequences (PS3.5 §6.1.2.5): escape sequences designate sets
/// into G0 (bytes 0x21-0x7E) or G1 (bytes 0x80-0xFF), and each delimiter of the VR makes the sets of value 1 active again.
/// </summary>
/// <remarks>
/// Lenient like pydicom: a recognized escape sequence is honored even when its term is missing from (0008,0005);
/// an unknown one is kept in the text as ESC and the characters that follow it; undecodable bytes become U+FFFD.
/// While a two-byte set is in G0 (JIS X 0208/0212), '^', '=' and '\' are read as halves of characters, not delimiters,
/// as dcmtk does for '^' and '='; the standard requires a return to ISO-IR 6 before any delimiter anyway.
/// </remarks>
internal static class Iso2022Decoder
{
    private const byte Esc = 0x1B;
    private const int StackChars = 256;

    /// <summary>Decodes <paramref name="bytes"/>, starting in (and returning to, at delimiters) the given G0/G1 sets.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, CodeElement initialG0, CodeElement initialG1, TextDelimiters delimiters)
    {
        char[]? rented = null;
        // every byte gives at most one character: single-byte sets one each, two-byte sets one per pair
        Span<char> chars = bytes.Length <= StackChars
            ? stackalloc char[StackChars]
            : (rented = ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            int n = DecodeInto(bytes, chars, initialG0, initialG1, delimiters);
            return new string(chars[..n]);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int DecodeInto(ReadOnlySpan<byte> bytes, Span<char> chars, CodeElement initialG0, CodeElement initialG1, TextDelimiters delimiters)
    {
        var g0 = initialG0;
        var g1 = initialG1;
        int n = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b == Esc)
            {
                var set = CodeElement.FromEscape(bytes[i..], out int length);
                if (set is null)
                {
                    chars[n++] = (char)Esc;
                    i++;
                }
                else
                {
                    if (set.IsG0) g0 = set;
                    else g1 = set;
                    i += length;
                }
                continue;
            }

            if (b < 0x80)
            {
                bool graphic = b is >= 0x21 and <= 0x7E;
                if (graphic && g0.IsDoubleByte)
                {
                    int end = i + 1;
                    while (end < bytes.Length && bytes[end] is >= 0x21 and <= 0x7E) end++;
                    n += DecodeDoubleByte(g0, bytes[i..end], chars[n..]);
                    i = end;
                    continue;
                }
                if (TextDelimiter.Is(b, delimiters))
                {
                    g0 = initialG0;
                    g1 = initialG1;
                    chars[n++] = (char)b;
                }
                else
                {
                    chars[n++] = graphic ? g0.DecodeByte(b) : (char)b;
                }
                i++;
                continue;
            }

            if (g1.Kind == CodeElementKind.DoubleByteG1)
            {
                int end = i + 1;
                while (end < bytes.Length && bytes[end] >= 0x80) end++;
                n += DecodeDoubleByte(g1, bytes[i..end], chars[n..]);
                i = end;
                continue;
            }
            chars[n++] = g1.DecodeByte(b);
            i++;
        }
        return n;
    }

    /// <summary>Decodes a run of bytes of a two-byte set through its code page, in chunks of whole pairs.</summary>
    private static int DecodeDoubleByte(CodeElement set, ReadOnlySpan<byte> run, Span<char> chars)
    {
        Span<byte> converted = stackalloc byte[256];
        int n = 0;
        while (!run.IsEmpty)
        {
            int take = Math.Min(run.Length, converted.Length);
            set.ToCodePageForm(run[..take], converted);
            n += set.Encoding.GetChars(converted[..take], chars[n..]);
            run = run[take..];
        }
        return n;
    }
}
