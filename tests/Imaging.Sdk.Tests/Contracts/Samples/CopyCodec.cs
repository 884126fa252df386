using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Tests.Contracts.Samples;

/// <summary>
/// A codec for Encapsulated Uncompressed Explicit VR Little Endian (PS3.5 §A.4.11): a frame's fragment is its native
/// bytes. Well behaved unless given <see cref="Flaws"/>; <paramref name="canEncode"/> false makes it decode-only.
/// </summary>
public sealed class CopyCodec(Flaws flaws = Flaws.None, bool canEncode = true) : ICodec
{
    public string Name => "copy";

    public string Description => "Encapsulated uncompressed frames: copies bytes.";

    public IReadOnlyList<DicomTransferSyntax> TransferSyntaxes { get; } = [DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian];

    public bool CanEncode => canEncode;

    public ValueTask<byte[]> DecodeFrameAsync(ReadOnlyMemory<byte> encoded, FrameFormat format, DicomTransferSyntax transferSyntax, CancellationToken cancellationToken = default)
    {
        if (!flaws.HasFlag(Flaws.IgnoresCancellation)) cancellationToken.ThrowIfCancellationRequested();
        if (flaws.HasFlag(Flaws.RawExceptionOnBadInput)) _ = encoded.Span[0];
        if (encoded.Length != format.NativeFrameLength)
            throw new InvalidInputException($"The frame holds {encoded.Length} bytes; {format.Rows}x{format.Columns} needs {format.NativeFrameLength}.");
        return ValueTask.FromResult(encoded.ToArray());
    }

    public ValueTask<byte[]> EncodeFrameAsync(ReadOnlyMemory<byte> pixels, FrameFormat format, DicomTransferSyntax transferSyntax, CancellationToken cancellationToken = default)
    {
        if (!canEncode) throw new NotSupportedException("This copy codec only decodes.");
        if (!flaws.HasFlag(Flaws.IgnoresCancellation)) cancellationToken.ThrowIfCancellationRequested();
        if (pixels.Length != format.NativeFrameLength)
            throw new InvalidInputException($"The pixels hold {pixels.Length} bytes; {format.Rows}x{format.Columns} needs {format.NativeFrameLength}.");
        return ValueTask.FromResult(pixels.ToArray());
    }
}
