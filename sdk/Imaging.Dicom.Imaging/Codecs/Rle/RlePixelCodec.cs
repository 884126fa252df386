using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Codecs.Rle;

/// <summary>The built-in RLE Lossless codec (PS3.5 §8.2.2, Annex G) as an <see cref="IPixelCodec"/>, over <see cref="RleCodec"/>.</summary>
internal sealed class RlePixelCodec : IPixelCodec
{
    public string Name => "rle (built in)";

    public IReadOnlyList<string> TransferSyntaxUids { get; } = [RleCodec.TransferSyntaxUid];

    public bool CanEncode => true;

    public byte[] Decode(ReadOnlySpan<byte> encoded, PixelFormat format, DicomTransferSyntax transferSyntax) =>
        RleCodec.DecodeFrame(encoded, Info(format));

    public byte[] Encode(ReadOnlySpan<byte> native, PixelFormat format, DicomTransferSyntax transferSyntax) =>
        RleCodec.EncodeFrame(native, Info(format));

    private static RleFrameInfo Info(PixelFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new RleFrameInfo(format.Rows, format.Columns, format.SamplesPerPixel, format.BitsAllocated, format.PlanarConfiguration);
    }
}
