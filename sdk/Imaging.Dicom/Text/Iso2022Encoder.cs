using System.Buffers;

namespace Imaging.Dicom.Text;

/// <summary>
/// Encodes text with the sets of (0008,0005), emitting ISO/IEC 2022 escape sequences only where the set in G0 or G1
/// has to change (PS3.5 §6.1.2.5.3): each character is written with the set already in place when it holds the character,
/// else with the first declared set that does, in the order of the terms. Before every delimiter of the VR and at the end
/// of the value, G0 returns to the set of value 1 (ESC ( B, or ESC ( J for ISO 2022 IR 13); after a delimiter both G0 and
/// G1 are those of value 1 again, so a two-byte G1 set is designated anew in each component (PS3.5 Annexes H, I, K).
/// </summary>
/// <remarks>
/// pydicom's encode_string/_encode_string_parts gives the same bytes for the examples of the standard; it differs where it
/// adds escape sequences that change nothing (e.g. ESC ( B at the start of a value), and for ISO 2022 IR 58 text with
/// line breaks, where it designates GB 2312 only once although CR/LF end the designation. Characters no set holds become '?'.
/// </remarks>
internal static class Iso2022Encoder
{
    /// <summary>Encodes <paramref name="text"/>; <paramref name="candidates"/> are the declared sets in the order of the terms.</summary>
    public static byte[] Encode(
        string text, CodeElement initialG0, CodeElement initialG1, IReadOnlyList<CodeElement> candidates, TextDelimiters delimiters)
    {
        var output = new ByteSink(text.Length * 2 + 8);
        try
        {
            var g0 = initialG0;
            var g1 = initialG1;
            var asciiG0 = initialG0.Kind == CodeElementKind.Ascii ? initialG0 : CodeElement.Ascii;
            Span<byte> encoded = stackalloc byte[4];
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    bool delimiter = TextDelimiter.Is(c, delimiters);
                    var target = delimiter ? initialG0 : asciiG0;
                    if (g0.Kind != CodeElementKind.Ascii || (delimiter && g0 != initialG0))
                    {
                        output.Append(target.Escape.Span);
                        g0 = target;
                    }
                    output.Append((byte)c);
                    if (delimiter) g1 = initialG1;
                    continue;
                }

                var set = Find(c, g0, g1, candidates, encoded, out int length);
                if (set is null)
                {
                    // one '?' per character, also for a surrogate pair
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                    if (g0.Kind != CodeElementKind.Ascii)
                    {
                        output.Append(asciiG0.Escape.Span);
                        g0 = asciiG0;
                    }
                    output.Append((byte)'?');
                    continue;
                }
                if (set.IsG0 && set != g0)
                {
                    output.Append(set.Escape.Span);
                    g0 = set;
                }
                else if (!set.IsG0 && set != g1)
                {
                    output.Append(set.Escape.Span);
                    g1 = set;
                }
                output.Append(encoded[..length]);
            }
            if (g0 != initialG0) output.Append(initialG0.Escape.Span);
            return output.ToArray();
        }
        finally
        {
            output.Dispose();
        }
    }

    private static CodeElement? Find(char c, CodeElement g0, CodeElement g1, IReadOnlyList<CodeElement> candidates, Span<byte> encoded, out int length)
    {
        length = g1.TryEncode(c, encoded);
        if (length > 0) return g1;
        if (g0.Kind != CodeElementKind.Ascii)
        {
            length = g0.TryEncode(c, encoded);
            if (length > 0) return g0;
        }
        for (int k = 0; k < candidates.Count; k++)
        {
            var set = candidates[k];
            if (set == g0 || set == g1) continue;
            length = set.TryEncode(c, encoded);
            if (length > 0) return set;
        }
        length = 0;
        return null;
    }

    /// <summary>A growable byte buffer on <see cref="ArrayPool{T}"/>.</summary>
    private struct ByteSink(int capacity) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        private int _length;

        public void Append(byte b)
        {
            if (_length == _buffer.Length) Grow(1);
            _buffer[_length++] = b;
        }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (_length + bytes.Length > _buffer.Length) Grow(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public readonly byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        private void Grow(int needed)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }
}
