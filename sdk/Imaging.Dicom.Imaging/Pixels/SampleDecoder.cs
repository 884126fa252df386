using System.Numerics;
using System.Runtime.InteropServices;

namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// Turns one frame's native bytes (PS3.5 §8.1.1, little endian) into decoded samples: 1-bit samples unpacked (least
/// significant bit first, PS3.5 Annex D), YBR_FULL_422 chroma repeated for both pixels of a pair (PS3.3 §C.7.6.3.1.2),
/// color-by-plane interleaved, and integer samples masked to Bits Stored and sign-extended (PS3.5 §8.1.1).
/// </summary>
internal static class SampleDecoder
{
    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/> (the bytes of SampleCount samples).</summary>
    /// <param name="source">The frame as stored; for 1-bit data it starts at the byte holding the frame's first bit.</param>
    /// <param name="bitOffset">For 1-bit data, the bit of <paramref name="source"/>[0] (0–7) where the frame starts.</param>
    /// <param name="subsampled">Whether <paramref name="source"/> holds YBR_FULL_422 pairs (native data) rather than full chroma.</param>
    /// <param name="format">The frame's format.</param>
    /// <param name="frameIndex">The frame's index, for messages.</param>
    /// <param name="destination">Receives the samples' bytes.</param>
    public static void Decode(ReadOnlySpan<byte> source, int bitOffset, bool subsampled, PixelFormat format, int frameIndex, Span<byte> destination)
    {
        long samples = format.SampleCount;
        if (format.BitsAllocated == 1)
        {
            UnpackBits(source, bitOffset, destination[..(int)samples]);
            if (format.SamplesPerPixel > 1 && format.PlanarConfiguration == 1)
                Interleave(destination.ToArray(), destination, format, 1);
            return;
        }
        int size = format.BytesPerSample;
        if (subsampled)
        {
            if (format.PixelCount % 2 != 0)
                throw new DicomException($"pixel data: frame {frameIndex + 1} is YBR_FULL_422 with an odd number of pixels ({format.Rows}×{format.Columns}); chroma is shared by pairs of pixels (PS3.3 §C.7.6.3.1.2).");
            Expand422(source, destination, size);
        }
        else if (format.SamplesPerPixel > 1 && format.PlanarConfiguration == 1)
        {
            Interleave(source, destination, format, size);
        }
        else
        {
            source[..(int)(samples * size)].CopyTo(destination);
        }
        if (!format.IsFloat && format.BitsStored < format.BitsAllocated)
            FixUnusedBits(destination[..(int)(samples * size)], format);
    }

    /// <summary>Bit i of the frame is bit (bitOffset + i) % 8 of byte (bitOffset + i) / 8 (PS3.5 Annex D).</summary>
    private static void UnpackBits(ReadOnlySpan<byte> source, int bitOffset, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            int bit = bitOffset + i;
            destination[i] = (byte)((source[bit >> 3] >> (bit & 7)) & 1);
        }
    }

    // Y1 Y2 Cb Cr → Y1 Cb Cr Y2 Cb Cr, as pydicom's numpy handler expands native YBR_FULL_422.
    private static void Expand422(ReadOnlySpan<byte> source, Span<byte> destination, int size)
    {
        int pairs = destination.Length / (6 * size);
        for (int p = 0; p < pairs; p++)
        {
            var s = source.Slice(p * 4 * size, 4 * size);
            var d = destination.Slice(p * 6 * size, 6 * size);
            s[..size].CopyTo(d);                              // Y1
            s.Slice(2 * size, 2 * size).CopyTo(d[size..]);    // Cb Cr
            s.Slice(size, size).CopyTo(d[(3 * size)..]);      // Y2
            s.Slice(2 * size, 2 * size).CopyTo(d[(4 * size)..]);
        }
    }

    private static void Interleave(ReadOnlySpan<byte> planes, Span<byte> destination, PixelFormat format, int size)
    {
        int pixels = (int)format.PixelCount, spp = format.SamplesPerPixel;
        for (int s = 0; s < spp; s++)
        {
            var plane = planes.Slice(s * pixels * size, pixels * size);
            if (size == 1)
                for (int p = 0, d = s; p < pixels; p++, d += spp) destination[d] = plane[p];
            else
                for (int p = 0; p < pixels; p++) plane.Slice(p * size, size).CopyTo(destination[((p * spp + s) * size)..]);
        }
    }

    /// <summary>
    /// Keeps bits HighBit − BitsStored + 1 … HighBit of each sample, shifted down to bit 0, and sign-extends them when
    /// signed: a left shift that drops the bits above High Bit, then an arithmetic (signed) or logical right shift.
    /// </summary>
    public static void FixUnusedBits(Span<byte> samples, PixelFormat format)
    {
        int left = format.BitsAllocated - 1 - format.HighBit, right = format.BitsAllocated - format.BitsStored;
        switch (format.BitsAllocated, format.IsSigned)
        {
            case (8, false): Shift(MemoryMarshal.Cast<byte, byte>(samples), left, right, false); break;
            case (8, true): Shift(MemoryMarshal.Cast<byte, sbyte>(samples), left, right, true); break;
            case (16, false): Shift(MemoryMarshal.Cast<byte, ushort>(samples), left, right, false); break;
            case (16, true): Shift(MemoryMarshal.Cast<byte, short>(samples), left, right, true); break;
            case (32, false): Shift(MemoryMarshal.Cast<byte, uint>(samples), left, right, false); break;
            case (32, true): Shift(MemoryMarshal.Cast<byte, int>(samples), left, right, true); break;
        }
    }

    private static void Shift<T>(Span<T> values, int left, int right, bool arithmetic) where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
        {
            var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            for (int v = 0; v < vectors.Length; v++)
            {
                var x = vectors[v] << left;
                vectors[v] = arithmetic ? x >> right : x >>> right;
            }
            i = vectors.Length * Vector<T>.Count;
        }
        for (; i < values.Length; i++)
        {
            var x = values[i] << left;
            values[i] = arithmetic ? x >> right : x >>> right;
        }
    }
}
