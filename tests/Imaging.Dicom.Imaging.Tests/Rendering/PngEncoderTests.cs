using System.Buffers.Binary;
using Imaging.Dicom.Imaging.Rendering;

namespace Imaging.Dicom.Imaging.Tests.Rendering;

/// <summary>The PNG encoder, decoded by an independent reader (<see cref="PngOracle"/>), and its CRC-32 against known values.</summary>
public sealed class PngEncoderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "imaging-png-tests", Guid.NewGuid().ToString("N"));

    public PngEncoderTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>Noise, gradients and flat areas, so every filter type gets chosen somewhere.</summary>
    private static byte[] Pattern(int width, int height, int channels, int seed)
    {
        var rng = new Random(seed);
        var p = new byte[width * height * channels];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < channels; c++)
                {
                    int i = (y * width + x) * channels + c;
                    p[i] = (y % 4) switch
                    {
                        0 => (byte)rng.Next(256),
                        1 => (byte)(x * 3 + c * 40),
                        2 => (byte)(y * 5 + x),
                        _ => 77,
                    };
                }
        return p;
    }

    private string Save(byte[] png, string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, png);
        return path;
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(37, 23, 1)]
    [InlineData(1, 9, 3)]
    [InlineData(64, 41, 3)]
    public void Encode_EightBit_DecodesToSamePixels(int width, int height, int channels)
    {
        var pixels = Pattern(width, height, channels, width * height);
        var decoded = PngOracle.Decode(Save(PngEncoder.Encode(pixels, width, height, channels), "p.png"));
        Assert.Equal((width, height, 8, channels == 1 ? 0 : 2), (decoded.Width, decoded.Height, decoded.BitDepth, decoded.ColorType));
        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, decoded.Chunks);
        Assert.Equal(pixels, decoded.Samples);
    }

    [Fact]
    public void EncodeGray16_Ramp_DecodesToSameBigEndianSamples()
    {
        var values = Enumerable.Range(0, 50 * 30).Select(i => (ushort)(i * 43 % 65536)).ToArray();
        var decoded = PngOracle.Decode(Save(PngEncoder.EncodeGray16(values, 50, 30), "g16.png"));
        Assert.Equal((50, 30, 16, 0), (decoded.Width, decoded.Height, decoded.BitDepth, decoded.ColorType));
        var back = Enumerable.Range(0, values.Length).Select(i => BinaryPrimitives.ReadUInt16BigEndian(decoded.Samples.AsSpan(2 * i))).ToArray();
        Assert.Equal(values, back);
    }

    [Fact]
    public void Encode_RenderedImage_WritesSignatureAndIhdrFirst()
    {
        var png = new RenderedImage(3, 2, 1, [1, 2, 3, 4, 5, 6]).ToPng();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8)));
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        Assert.Equal((3, 2), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        Assert.Equal("IEND"u8.ToArray(), png[^8..^4]);
        Assert.Equal(0xAE426082u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(png.Length - 4))); // CRC of "IEND", PNG §5.6
    }

    [Fact]
    public void Encode_FlatImage_CompressesSmall()
    {
        var png = PngEncoder.Encode(new byte[512 * 512], 512, 512, 1);
        Assert.True(png.Length < 2000, $"{png.Length} bytes for a flat 512×512 image");
    }

    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("123456789", 0xCBF43926u)] // the CRC-32 check value (ISO 3309)
    [InlineData("IEND", 0xAE426082u)]
    public void Crc32_KnownInputs_KnownValues(string text, uint expected) =>
        Assert.Equal(expected, Crc32.Compute(System.Text.Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Encode_WrongPixelCount_Throws() =>
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[10], 3, 3, 1));
}
