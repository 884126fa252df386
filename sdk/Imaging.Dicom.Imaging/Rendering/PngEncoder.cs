using System.Buffers.Binary;
using System.IO.Compression;

namespace Imaging.Dicom.Imaging.Rendering;

/// <summary>
/// A small PNG encoder (ISO/IEC 15948:2004 / W3C PNG 2nd edition) using only the BCL: signature, IHDR, one IDAT
/// (zlib through <see cref="ZLibStream"/>), IEND, each chunk with our own CRC-32. Writes 8-bit gray (color type 0),
/// 8-bit RGB (color type 2) and 16-bit gray, non-interlaced. Filtering is adaptive per row (PNG spec §12.8): each row is
/// filtered with None, Sub, Up, Average and Paeth and the one with the smallest sum of absolute signed bytes is kept —
/// the heuristic libpng uses, which compresses medical images (smooth regions, flat backgrounds) far better than a
/// fixed filter at the cost of five passes per row.
/// </summary>
public static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes a rendered picture (gray or RGB, 8 bits).</summary>
    public static byte[] Encode(RenderedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Encode(image.Pixels, image.Width, image.Height, image.Channels);
    }

    /// <summary>Writes a rendered picture as PNG to <paramref name="destination"/>.</summary>
    public static void Encode(RenderedImage image, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        Write(destination, image.Pixels, image.Width, image.Height, image.Channels == 1 ? (byte)0 : (byte)2, 8, image.Channels);
    }

    /// <summary>Encodes 8-bit pixels: <paramref name="channels"/> 1 (gray) or 3 (RGB), row-major, color-by-pixel.</summary>
    /// <exception cref="ArgumentException">Channels not 1 or 3, or the pixel count does not match the size.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        if (channels is not (1 or 3)) throw new ArgumentException($"channels must be 1 (gray) or 3 (RGB), not {channels}.", nameof(channels));
        CheckSize(pixels.Length, width, height, channels);
        using var ms = new MemoryStream();
        Write(ms, pixels, width, height, channels == 1 ? (byte)0 : (byte)2, 8, channels);
        return ms.ToArray();
    }

    /// <summary>Encodes 16-bit gray pixels (color type 0, bit depth 16; samples stored big endian as PNG requires).</summary>
    /// <exception cref="ArgumentException">The pixel count does not match the size.</exception>
    public static byte[] EncodeGray16(ReadOnlySpan<ushort> pixels, int width, int height)
    {
        CheckSize(pixels.Length, width, height, 1);
        var bytes = new byte[pixels.Length * 2];
        for (int i = 0; i < pixels.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2 * i), pixels[i]);
        using var ms = new MemoryStream();
        Write(ms, bytes, width, height, 0, 16, 2);
        return ms.ToArray();
    }

    private static void CheckSize(long length, int width, int height, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (length != (long)width * height * channels)
            throw new ArgumentException($"{length} samples do not make {width} × {height} pixels of {channels} channel(s).");
    }

    /// <summary>Writes the PNG datastream; <paramref name="samples"/> are already in PNG byte order, <paramref name="bpp"/> bytes per pixel.</summary>
    private static void Write(Stream destination, ReadOnlySpan<byte> samples, int width, int height, byte colorType, byte bitDepth, int bpp)
    {
        destination.Write(Signature);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = bitDepth;
        ihdr[9] = colorType;
        ihdr[10] = 0; // compression method 0: deflate
        ihdr[11] = 0; // filter method 0: adaptive, five filter types
        ihdr[12] = 0; // no interlace
        WriteChunk(destination, "IHDR"u8, ihdr);
        WriteChunk(destination, "IDAT"u8, Compress(samples, width, height, bpp));
        WriteChunk(destination, "IEND"u8, []);
    }

    private static byte[] Compress(ReadOnlySpan<byte> samples, int width, int height, int bpp)
    {
        int stride = width * bpp;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var candidates = new byte[5][];
            for (int f = 0; f < 5; f++) candidates[f] = new byte[stride + 1];
            var zero = new byte[stride];
            for (int y = 0; y < height; y++)
            {
                var row = samples.Slice(y * stride, stride);
                var prior = y == 0 ? zero : samples.Slice((y - 1) * stride, stride);
                int best = 0;
                long bestScore = long.MaxValue;
                for (int f = 0; f < 5; f++)
                {
                    long score = Filter(f, row, prior, bpp, candidates[f]);
                    if (score < bestScore)
                    {
                        bestScore = score;
                        best = f;
                    }
                }
                zlib.Write(candidates[best]);
            }
        }
        return compressed.ToArray();
    }

    /// <summary>Filters one row with filter type <paramref name="type"/> (PNG §9.2) into <paramref name="output"/> (type byte first); returns the sum of absolute signed bytes.</summary>
    private static long Filter(int type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int bpp, Span<byte> output)
    {
        output[0] = (byte)type;
        long score = 0;
        for (int i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = prior[i], c = i >= bpp ? prior[i - bpp] : 0;
            int predictor = type switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => Paeth(a, b, c),
            };
            byte v = (byte)(row[i] - predictor);
            output[i + 1] = v;
            score += v < 128 ? v : 256 - v;
        }
        return score;
    }

    /// <summary>The Paeth predictor (PNG §9.4).</summary>
    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream destination, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        type.CopyTo(header[4..]);
        destination.Write(header);
        destination.Write(data);
        uint crc = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, type), data));
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, crc);
        destination.Write(trailer);
    }
}
