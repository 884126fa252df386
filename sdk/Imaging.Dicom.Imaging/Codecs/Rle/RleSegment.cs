using Imaging.Dicom;

namespace Imaging.Dicom.Imaging.Codecs.Rle;

/// <summary>
/// One RLE segment: the PackBits-style byte runs of PS3.5 §G.3.1 (encoder) and §G.3.2 (decoder). A header byte n in
/// 0..127 is followed by n + 1 literal bytes; n in -127..-1 by one byte repeated -n + 1 times; -128 is a no-op.
/// </summary>
internal static class RleSegment
{
    private const int MaxRun = 128;

    /// <summary>
    /// Decodes <paramref name="segment"/> into exactly <paramref name="output"/>.Length bytes. Bytes after the output
    /// is full (padding to an even length, PS3.5 Annex G, or a trailing no-op) are ignored, and so is the part of a
    /// last run that would overflow it (leniently, as pydicom and GDCM do for non-conformant padding).
    /// </summary>
    /// <param name="segment">The segment's bytes, from its offset to the next segment's offset (or the frame's end).</param>
    /// <param name="output">Receives the decoded bytes (Rows × Columns of them).</param>
    /// <param name="segmentNumber">1-based, for messages.</param>
    /// <param name="segmentOffset">The segment's offset in the frame, for messages.</param>
    /// <exception cref="DicomFormatException">The segment ends before it decodes to the expected length.</exception>
    public static void Decode(ReadOnlySpan<byte> segment, Span<byte> output, int segmentNumber, long segmentOffset)
    {
        int pos = 0, written = 0;
        while (written < output.Length)
        {
            if (pos >= segment.Length)
                throw Truncated(segmentNumber, segmentOffset + pos, $"decodes to {written} bytes, {output.Length} expected");
            int n = (sbyte)segment[pos++];
            if (n >= 0)
            {
                int count = n + 1;
                if (pos + count > segment.Length)
                    throw Truncated(segmentNumber, segmentOffset + pos - 1, $"a literal run of {count} bytes has only {segment.Length - pos} left");
                segment.Slice(pos, Math.Min(count, output.Length - written)).CopyTo(output[written..]);
                pos += count;
                written += count;
            }
            else if (n != -128)
            {
                int count = -n + 1;
                if (pos >= segment.Length)
                    throw Truncated(segmentNumber, segmentOffset + pos - 1, "a replicate run has no byte to repeat");
                output.Slice(written, Math.Min(count, output.Length - written)).Fill(segment[pos++]);
                written += count;
            }
        }
    }

    /// <summary>
    /// Encodes <paramref name="bytes"/> (one byte plane, Rows × Columns) row by row, so that no run crosses a row
    /// (PS3.5 §G.3.1), and pads the segment to an even length with a zero byte.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> bytes, int columns, MemoryStream output)
    {
        long start = output.Position;
        for (int rowStart = 0; rowStart < bytes.Length; rowStart += columns)
            EncodeRow(bytes.Slice(rowStart, columns), output);
        if (((output.Position - start) & 1) != 0) output.WriteByte(0);
    }

    private static void EncodeRow(ReadOnlySpan<byte> row, Stream output)
    {
        int literalStart = 0, i = 0;
        while (i < row.Length)
        {
            int run = 1;
            while (i + run < row.Length && run < MaxRun && row[i + run] == row[i]) run++;
            // A replicate run of 3+ always pays; one of 2 pays only where no literal run is open.
            if (run >= 3 || (run == 2 && i == literalStart))
            {
                WriteLiterals(row[literalStart..i], output);
                output.WriteByte((byte)(sbyte)(1 - run));
                output.WriteByte(row[i]);
                i += run;
                literalStart = i;
            }
            else i += run;
        }
        WriteLiterals(row[literalStart..], output);
    }

    private static void WriteLiterals(ReadOnlySpan<byte> literals, Stream output)
    {
        while (literals.Length > 0)
        {
            int count = Math.Min(MaxRun, literals.Length);
            output.WriteByte((byte)(count - 1));
            output.Write(literals[..count]);
            literals = literals[count..];
        }
    }

    private static DicomFormatException Truncated(int segment, long offset, string detail) =>
        new($"RLE segment {segment} is truncated: {detail} (PS3.5 §G.3.2).", offset: offset, tag: DicomTag.PixelData);
}
