using Imaging.Dicom.IO;

namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// Slices frames out of native (uncompressed) pixel data (PS3.5 §8.1.1): frame n starts at byte n × frame length, or
/// for 1-bit data at bit n × Rows × Columns × Samples (frames are not byte aligned, PS3.5 §8.1.1 Note). Bytes past the
/// last frame (padding) are ignored. Big endian data is returned little endian, sample by sample.
/// </summary>
internal sealed class NativeFrameReader
{
    private readonly DicomElement _element;
    private readonly PixelFormat _format;
    private readonly int _readerSwap;
    private readonly int _sampleSwap;

    public NativeFrameReader(DicomElement element, PixelFormat format, DicomTransferSyntax transferSyntax)
    {
        _element = element;
        _format = format;
        // The reader swapped big endian values per unit of the element's VR (2 for OW, 4 for OF, 1 for OB). Samples of
        // 16 bits and more are big endian numbers of Bits Allocated each (pydicom reads 32-bit OW as '>u4'), so that
        // swap is undone and one per sample done instead. 1- and 8-bit samples in OW are packed in 16-bit words
        // (PS3.5 §8.1.1, Annex D), which the reader's word swap already put in pixel order (as pydicom 3 and dcmtk
        // read them; pydicom 2.3 keeps the file's byte order there).
        _readerSwap = transferSyntax.IsBigEndian && element.VR.Kind == DicomVRKind.Binary ? element.VR.UnitSize : 1;
        _sampleSwap = transferSyntax.IsBigEndian && format.BytesPerSample > 1 ? format.BytesPerSample : _readerSwap;
    }

    /// <summary>Whether the stored bytes need a copy and a byte swap before they are little endian samples.</summary>
    private bool NeedsSwap => _readerSwap != _sampleSwap;

    /// <summary>
    /// The frame's bytes (little endian; for 1-bit data from the byte holding its first bit, whose position in that
    /// byte is <paramref name="bitOffset"/>), without copying when the element is in memory and needs no swap.
    /// </summary>
    public ReadOnlySpan<byte> GetFrame(int index, out int bitOffset)
    {
        (long start, long length, bitOffset) = Locate(index);
        long available = _element.Length;
        if (start + length > available)
            throw new DicomException(
                $"pixel data: frame {index + 1} of {_format.NumberOfFrames} is truncated: it needs bytes {start}..{start + length - 1} of {Describe()}, which holds {available} bytes ({_format.Rows}×{_format.Columns}×{_format.SamplesPerPixel} samples of {_format.BitsAllocated} bits a frame).");
        if (!NeedsSwap && available <= Array.MaxLength)
        {
            return _element.Buffer.Memory.Span.Slice((int)start, (int)length);
        }
        // Take whole units of the reader's swap around the frame, so the swap can be undone on them.
        long alignedStart = start - start % _readerSwap;
        long alignedEnd = Math.Min(available, (start + length + _readerSwap - 1) / _readerSwap * _readerSwap);
        var bytes = Read(alignedStart, alignedEnd - alignedStart);
        if (NeedsSwap)
        {
            Swap(bytes, _readerSwap);
            var frame = bytes.AsSpan((int)(start - alignedStart), (int)length);
            Swap(frame, _sampleSwap);
            return frame;
        }
        return bytes.AsSpan((int)(start - alignedStart), (int)length);
    }

    private (long Start, long Length, int BitOffset) Locate(int index)
    {
        if (_format.BitsAllocated == 1)
        {
            long bitStart = index * _format.SampleCount;
            long startByte = bitStart / 8;
            int bitOffset = (int)(bitStart % 8);
            return (startByte, (bitOffset + _format.SampleCount + 7) / 8, bitOffset);
        }
        long frameLength = _format.NativeFrameLength;
        return (index * frameLength, frameLength, 0);
    }

    private byte[] Read(long start, long length)
    {
        if (length > Array.MaxLength) throw new DicomException($"pixel data: a frame of {length} bytes is too large for one array.");
        var bytes = new byte[length];
        if (_element.Length <= Array.MaxLength)
        {
            _element.Buffer.Memory.Span.Slice((int)start, (int)length).CopyTo(bytes);
            return bytes;
        }
        using var stream = _element.Buffer.OpenRead();
        if (stream.CanSeek) stream.Seek(start, SeekOrigin.Begin);
        else for (long skipped = 0; skipped < start;) skipped += stream.Read(new byte[(int)Math.Min(1 << 20, start - skipped)]);
        stream.ReadExactly(bytes);
        return bytes;
    }

    private string Describe() =>
        _format.PixelDataTag == DicomTag.PixelData ? "Pixel Data (7FE0,0010)"
        : _format.PixelDataTag == DicomTag.FloatPixelData ? "Float Pixel Data (7FE0,0008)" : "Double Float Pixel Data (7FE0,0009)";

    private static void Swap(Span<byte> bytes, int unit)
    {
        if (unit <= 1) return;
        for (int i = 0; i + unit <= bytes.Length; i += unit) bytes.Slice(i, unit).Reverse();
    }
}
