using Imaging.Dicom;
using Imaging.Dicom.Imaging.Codecs;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.IO;
using Imaging.Host.Tests.Infrastructure;

namespace Imaging.Host.Tests.Pixels;

/// <summary>Codec plugins fill the pixel layer's codec registry: PixelData decodes their transfer syntaxes through them, the built-ins stay.</summary>
public sealed class CodecRegistryTests
{
    private static readonly ushort[] Values = [0, 1, 2, 1000, 4095, 65535];

    /// <summary>A 2×3 16-bit frame stored as a toy JPEG 2000 Lossless fragment (marker + native bytes).</summary>
    private static DicomDataset ToyEncapsulated()
    {
        var native = new byte[Values.Length * 2];
        for (int i = 0; i < Values.Length; i++) BitConverter.TryWriteBytes(native.AsSpan(2 * i), Values[i]);
        byte[] fragment = [.. "TOY!"u8.ToArray(), .. native];
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.Rows, (ushort)2);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)3);
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)16);
        ds.AddOrUpdate(DicomTag.BitsStored, (ushort)16);
        ds.AddOrUpdate(DicomTag.HighBit, (ushort)15);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)0);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.Add(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.FromMemory(fragment)]));
        return ds;
    }

    [Fact]
    public void CreateCodecRegistry_CodecPlugin_DecodesItsTransferSyntax()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Codec));

        var registry = host.Host.CreateCodecRegistry();
        var frame = PixelData.Open(ToyEncapsulated(), DicomTransferSyntax.JPEG2000Lossless, registry).GetFrame(0);

        Assert.Equal(Values, frame.GetSamples<ushort>().ToArray());
        Assert.True(registry.TryGetCodec(DicomTransferSyntax.JPEG2000Lossless.Uid, out var codec));
        Assert.Contains("fixture.codec", codec.Name, StringComparison.Ordinal);
        Assert.True(registry.TryGetCodec("1.2.840.10008.1.2.5", out _), "the built-in RLE codec stays in a registry with plugins");
    }

    [Fact]
    public void PixelData_NoCodecPlugin_ErrorNamesTheTransferSyntax()
    {
        var pixels = PixelData.Open(ToyEncapsulated(), DicomTransferSyntax.JPEG2000Lossless, PixelCodecRegistry.Default);

        var e = Assert.ThrowsAny<DicomException>(() => pixels.GetFrame(0));

        Assert.Contains(DicomTransferSyntax.JPEG2000Lossless.Uid, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCodecRegistry_CorruptFrame_DicomExceptionNamesCodecAndPlugin()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Codec));
        var ds = ToyEncapsulated();
        ds.Remove(DicomTag.PixelData);
        ds.Add(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.FromMemory(new byte[16])]));

        var pixels = PixelData.Open(ds, DicomTransferSyntax.JPEG2000Lossless, host.Host.CreateCodecRegistry());
        var e = Assert.ThrowsAny<DicomException>(() => pixels.GetFrame(0));

        Assert.Contains("toy (plugin fixture.codec)", e.Message, StringComparison.Ordinal);
        Assert.Contains("TOY! marker", e.Message, StringComparison.Ordinal);
    }
}
