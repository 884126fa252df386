using Imaging.Dicom.Imaging.Codecs;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.IO;
using static Imaging.Dicom.Imaging.Tests.Pixels.TestImages;

namespace Imaging.Dicom.Imaging.Tests.Pixels;

public sealed class PixelCodecRegistryTests
{
    private const string Jpeg2000 = "1.2.840.10008.1.2.4.90";

    /// <summary>A pretend plugin codec: every decoded sample is <see cref="Fill"/>.</summary>
    private sealed class FillCodec(byte fill, params string[] uids) : IPixelCodec
    {
        public byte Fill => fill;
        public string Name => $"fill {fill}";
        public IReadOnlyList<string> TransferSyntaxUids => uids;
        public bool CanEncode => false;
        public byte[] Decode(ReadOnlySpan<byte> encoded, PixelFormat format, DicomTransferSyntax transferSyntax) =>
            Enumerable.Repeat(fill, (int)format.NativeFrameLength).ToArray();
        public byte[] Encode(ReadOnlySpan<byte> native, PixelFormat format, DicomTransferSyntax transferSyntax) => throw new NotSupportedException();
    }

    [Fact]
    public void Default_BuiltIns_OnlyRle()
    {
        Assert.True(PixelCodecRegistry.Default.TryGetCodec(DicomTransferSyntax.RLELossless.Uid, out var rle));
        Assert.True(rle.CanEncode);
        Assert.False(PixelCodecRegistry.Default.TryGetCodec(Jpeg2000, out _));
        Assert.Single(PixelCodecRegistry.Default.Codecs);
    }

    [Fact]
    public void Register_OnDefault_InvalidOperation() =>
        Assert.Throws<InvalidOperationException>(() => PixelCodecRegistry.Default.Register(new FillCodec(1, Jpeg2000)));

    [Fact]
    public void Register_NewRegistry_LatestWinsAndDefaultUnchanged()
    {
        var registry = new PixelCodecRegistry();
        registry.Register(new FillCodec(1, Jpeg2000));
        registry.Register(new FillCodec(2, Jpeg2000, DicomTransferSyntax.RLELossless.Uid));
        Assert.True(registry.TryGetCodec(Jpeg2000, out var codec));
        Assert.Equal("fill 2", codec.Name);
        Assert.True(registry.TryGetCodec(DicomTransferSyntax.RLELossless.Uid, out var rle));
        Assert.Equal("fill 2", rle.Name);
        Assert.Equal(3, registry.Codecs.Count);
        Assert.Single(PixelCodecRegistry.Default.Codecs);
    }

    [Fact]
    public void GetFrame_PluginCodecRegistered_UsedForItsTransferSyntax()
    {
        var dataset = Image(2, 2, [0]);
        dataset.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.FromMemory(new byte[] { 1, 2 })]));
        var registry = new PixelCodecRegistry();
        registry.Register(new FillCodec(7, Jpeg2000));
        var frame = PixelData.Open(dataset, DicomTransferSyntax.JPEG2000Lossless, registry).GetFrame(0);
        Assert.Equal(new byte[] { 7, 7, 7, 7 }, frame.GetSamples<byte>().ToArray());
    }

    [Fact]
    public void GetFrame_CodecReturnsTooFewBytes_MessageNamesCodecAndFrame()
    {
        var dataset = Image(2, 2, [0], frames: 1);
        dataset.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.FromMemory(new byte[] { 1, 2 })]));
        dataset.AddOrUpdate(DicomTag.BitsAllocated, (ushort)16);
        dataset.AddOrUpdate(DicomTag.BitsStored, (ushort)16);
        dataset.AddOrUpdate(DicomTag.HighBit, (ushort)15);
        var registry = new PixelCodecRegistry();
        registry.Register(new ShortCodec());
        var e = Assert.Throws<DicomException>(() => PixelData.Open(dataset, DicomTransferSyntax.JPEG2000Lossless, registry).GetFrame(0));
        Assert.Contains("short codec gave 3 bytes for frame 1", e.Message);
    }

    private sealed class ShortCodec : IPixelCodec
    {
        public string Name => "short codec";
        public IReadOnlyList<string> TransferSyntaxUids => [Jpeg2000];
        public bool CanEncode => false;
        public byte[] Decode(ReadOnlySpan<byte> encoded, PixelFormat format, DicomTransferSyntax transferSyntax) => new byte[3];
        public byte[] Encode(ReadOnlySpan<byte> native, PixelFormat format, DicomTransferSyntax transferSyntax) => throw new NotSupportedException();
    }
}
