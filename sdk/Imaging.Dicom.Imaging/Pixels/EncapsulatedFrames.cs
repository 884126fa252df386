using Imaging.Dicom.Imaging.Codecs;
using Imaging.Dicom.IO;

namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// The frames of encapsulated pixel data (PS3.5 §A.4): each frame's fragments found through the Extended or Basic
/// Offset Table (or one fragment per frame), joined and decoded by the transfer syntax's codec.
/// </summary>
internal sealed class EncapsulatedFrames
{
    /// <summary>Encapsulated Uncompressed Explicit VR Little Endian: each frame's fragments hold its native bytes (PS3.5 §A.4.11).</summary>
    private const string EncapsulatedUncompressed = "1.2.840.10008.1.2.1.98";

    private readonly DicomDataset _dataset;
    private readonly DicomFragmentSequence _fragments;
    private readonly PixelFormat _format;
    private readonly DicomTransferSyntax _transferSyntax;
    private readonly PixelCodecRegistry _codecs;
    private readonly Lazy<IReadOnlyList<IReadOnlyList<DicomBuffer>>> _frames;

    public EncapsulatedFrames(DicomDataset dataset, DicomFragmentSequence fragments, PixelFormat format, DicomTransferSyntax transferSyntax, PixelCodecRegistry codecs)
    {
        _dataset = dataset;
        _fragments = fragments;
        _format = format;
        _transferSyntax = transferSyntax;
        _codecs = codecs;
        _frames = new Lazy<IReadOnlyList<IReadOnlyList<DicomBuffer>>>(FindFrames);
    }

    /// <summary>Frame <paramref name="index"/>'s native bytes (PS3.5 §8.1.1 layout), as the codec returns them.</summary>
    /// <exception cref="DicomException">No codec is registered for the transfer syntax, or the codec fails; the message names both and the frame.</exception>
    public byte[] Decode(int index)
    {
        var encoded = Join(_frames.Value[index]);
        if (_transferSyntax.Uid == EncapsulatedUncompressed && !_codecs.TryGetCodec(_transferSyntax.Uid, out _))
            return Check(encoded.ToArray(), index, "the fragments");
        if (!_codecs.TryGetCodec(_transferSyntax.Uid, out var codec))
            throw new DicomException(
                $"pixel data: no codec for {_transferSyntax.Name} [{_transferSyntax.Uid}] is registered, so frame {index + 1} of {_format.NumberOfFrames} cannot be decoded; install a codec plugin for it (built in: RLE Lossless).");
        byte[] decoded;
        try
        {
            decoded = codec.Decode(encoded.Span, _format, _transferSyntax);
        }
        catch (DicomException e)
        {
            throw new DicomException($"pixel data: {codec.Name} could not decode frame {index + 1} of {_format.NumberOfFrames} ({_transferSyntax.Name} [{_transferSyntax.Uid}]): {e.Message}", e);
        }
        return Check(decoded, index, codec.Name);
    }

    /// <summary>Whether a decoded frame of <paramref name="length"/> bytes carries YBR_FULL_422 pairs rather than full chroma.</summary>
    public bool IsSubsampled(long length, int index) => _format.IsSubsampled422 && length < FullLength;

    private long FullLength => _format.BitsAllocated == 1 ? (_format.SampleCount + 7) / 8 : _format.SampleCount * _format.BytesPerSample;

    private byte[] Check(byte[] decoded, int index, string source)
    {
        long full = FullLength;
        if (decoded.Length >= full || (_format.IsSubsampled422 && decoded.Length >= _format.NativeFrameLength)) return decoded;
        throw new DicomException(
            $"pixel data: {source} gave {decoded.Length} bytes for frame {index + 1} of {_format.NumberOfFrames} ({_transferSyntax.Name} [{_transferSyntax.Uid}]); {_format.Rows}×{_format.Columns}×{_format.SamplesPerPixel} samples of {_format.BitsAllocated} bits need {full}.");
    }

    private IReadOnlyList<IReadOnlyList<DicomBuffer>> FindFrames()
    {
        IReadOnlyList<ulong>? extended = _dataset.TryGetValues<ulong>(DicomTag.ExtendedOffsetTable, out var table) ? table : null;
        return _fragments.GetFrameFragments(_format.NumberOfFrames, extended);
    }

    private static ReadOnlyMemory<byte> Join(IReadOnlyList<DicomBuffer> fragments)
    {
        if (fragments.Count == 1) return fragments[0].Memory;
        long length = fragments.Sum(f => f.Length);
        if (length > Array.MaxLength) throw new DicomException($"pixel data: a frame of {length} encoded bytes is too large for one array.");
        var joined = new byte[length];
        int at = 0;
        foreach (var fragment in fragments)
        {
            fragment.Memory.Span.CopyTo(joined.AsSpan(at));
            at += (int)fragment.Length;
        }
        return joined;
    }
}
