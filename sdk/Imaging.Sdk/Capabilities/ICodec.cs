using Imaging.Dicom;

namespace Imaging.Sdk.Capabilities;

/// <summary>
/// Codec capability: decodes (and optionally encodes) single frames of one or more encapsulated transfer syntaxes
/// (PS3.5 §8.2, Annex A.4). The pixel codec registry fills itself from these.
/// </summary>
/// <remarks>A codec works on one frame at a time, so it takes no progress reporter: callers report progress per frame.</remarks>
public interface ICodec : ICapability
{
    /// <summary>The transfer syntaxes this codec handles.</summary>
    IReadOnlyList<DicomTransferSyntax> TransferSyntaxes { get; }

    /// <summary>Whether <see cref="EncodeFrameAsync"/> is implemented.</summary>
    bool CanEncode { get; }

    /// <summary>Decodes one frame (its fragments joined) to native pixels laid out as PS3.5 §8.1.1 describes for <paramref name="format"/>.</summary>
    /// <exception cref="InvalidInputException">The frame is corrupt or the format unsupported.</exception>
    ValueTask<byte[]> DecodeFrameAsync(ReadOnlyMemory<byte> encoded, FrameFormat format, DicomTransferSyntax transferSyntax, CancellationToken cancellationToken = default);

    /// <summary>Encodes one native frame.</summary>
    /// <exception cref="NotSupportedException">The codec does not encode (<see cref="CanEncode"/> is false).</exception>
    /// <exception cref="InvalidInputException">The pixels do not match <paramref name="format"/>.</exception>
    ValueTask<byte[]> EncodeFrameAsync(ReadOnlyMemory<byte> pixels, FrameFormat format, DicomTransferSyntax transferSyntax, CancellationToken cancellationToken = default);
}
