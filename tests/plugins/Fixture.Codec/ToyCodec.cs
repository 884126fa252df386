using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Fixture.Codec;

/// <summary>
/// Pretends to handle JPEG 2000 Lossless: an "encoded" frame is the marker <c>TOY!</c> followed by the native bytes.
/// Anything without the marker is refused with <see cref="InvalidInputException"/>, as a real codec refuses a corrupt frame.
/// </summary>
public sealed class ToyCodec : ICodec
{
    /// <summary>The 4-byte marker that starts every toy frame.</summary>
    public static ReadOnlySpan<byte> Marker => "TOY!"u8;

    /// <inheritdoc />
    public string Name => "toy";

    /// <inheritdoc />
    public string Description => "Toy JPEG 2000 Lossless codec (marker + native bytes), for tests.";

    /// <inheritdoc />
    public IReadOnlyList<DicomTransferSyntax> TransferSyntaxes { get; } = [DicomTransferSyntax.JPEG2000Lossless];

    /// <inheritdoc />
    public bool CanEncode => true;

    /// <inheritdoc />
    public ValueTask<byte[]> DecodeFrameAsync(ReadOnlyMemory<byte> encoded, FrameFormat format, DicomTransferSyntax transferSyntax, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var span = encoded.Span;
        if (span.Length < Marker.Length || !span[..Marker.Length].SequenceEqual(Marker))
            throw new InvalidInputException("not a toy frame: the TOY! marker is missing");
        var native = span[Marker.Length..];
        if (native.Length < format.NativeFrameLength)
            throw new InvalidInputException($"the toy frame holds {native.Length} bytes, not {format.NativeFrameLength}");
        return ValueTask.FromResult(native[..(int)format.NativeFrameLength].ToArray());
    }

    /// <inheritdoc />
    public ValueTask<byte[]> EncodeFrameAsync(ReadOnlyMemory<byte> pixels, FrameFormat format, DicomTransferSyntax transferSyntax, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (pixels.Length != format.NativeFrameLength)
            throw new InvalidInputException($"a native frame is {format.NativeFrameLength} bytes, not {pixels.Length}");
        var result = new byte[Marker.Length + pixels.Length + ((Marker.Length + pixels.Length) & 1)];
        Marker.CopyTo(result);
        pixels.Span.CopyTo(result.AsSpan(Marker.Length));
        return ValueTask.FromResult(result);
    }
}
