using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Codecs;

/// <summary>
/// Decodes (and optionally encodes) single frames of encapsulated transfer syntaxes (PS3.5 §8.2, Annex A.4). The
/// built-in RLE codec is one; the host adapts codec plugins (the SDK's <c>ICodec</c>) to this interface.
/// </summary>
public interface IPixelCodec
{
    /// <summary>A short name for messages, e.g. "rle (built in)".</summary>
    string Name { get; }

    /// <summary>The transfer syntax UIDs this codec handles.</summary>
    IReadOnlyList<string> TransferSyntaxUids { get; }

    /// <summary>Whether <see cref="Encode"/> is implemented.</summary>
    bool CanEncode { get; }

    /// <summary>Decodes one frame (its fragments joined) to native bytes (PS3.5 §8.1.1 layout for <paramref name="format"/>).</summary>
    byte[] Decode(ReadOnlySpan<byte> encoded, PixelFormat format, DicomTransferSyntax transferSyntax);

    /// <summary>Encodes one native frame.</summary>
    byte[] Encode(ReadOnlySpan<byte> native, PixelFormat format, DicomTransferSyntax transferSyntax);
}
