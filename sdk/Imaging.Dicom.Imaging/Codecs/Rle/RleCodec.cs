using System.Buffers;
using System.Buffers.Binary;
using Imaging.Dicom;
using Imaging.Dicom.IO;

namespace Imaging.Dicom.Imaging.Codecs.Rle;

/// <summary>
/// RLE Lossless, transfer syntax 1.2.840.10008.1.2.5 (PS3.5 §8.2.2 and Annex G), managed: decodes and encodes frames
/// between the RLE form (a 64-byte header of segment count and offsets, then one PackBits-style segment per byte of
/// each sample, most significant byte first) and the native form of PS3.5 §8.1.1 (little endian samples, laid out
/// as <see cref="RleFrameInfo.PlanarConfiguration"/> says).
/// </summary>
public static class RleCodec
{
    /// <summary>The RLE Lossless transfer syntax UID.</summary>
    public const string TransferSyntaxUid = "1.2.840.10008.1.2.5";

    private const int HeaderLength = 64;

    /// <summary>Decodes one RLE frame (its fragments concatenated) to native pixel bytes (PS3.5 §G.4, §G.5).</summary>
    /// <param name="encoded">The frame: RLE header, then its segments.</param>
    /// <param name="info">The frame's Image Pixel attributes.</param>
    /// <returns><see cref="RleFrameInfo.FrameLength"/> bytes in the native layout.</returns>
    /// <exception cref="DicomFormatException">
    /// The header is short, counts a different number of segments than <paramref name="info"/> needs, has an offset
    /// out of range or out of order, or a segment is truncated; the message says which, at what offset in the frame.
    /// </exception>
    /// <exception cref="DicomException"><paramref name="info"/> describes pixels RLE cannot carry.</exception>
    public static byte[] DecodeFrame(ReadOnlySpan<byte> encoded, RleFrameInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.Validate();
        var offsets = ReadHeader(encoded, info);
        int planeLength = (int)info.PixelCount;
        var output = new byte[info.FrameLength];
        var plane = ArrayPool<byte>.Shared.Rent(planeLength);
        try
        {
            for (int segment = 0; segment < offsets.Length; segment++)
            {
                long start = offsets[segment];
                long end = segment + 1 < offsets.Length ? offsets[segment + 1] : encoded.Length;
                RleSegment.Decode(encoded[(int)start..(int)end], plane.AsSpan(0, planeLength), segment + 1, start);
                Scatter(plane.AsSpan(0, planeLength), output, segment, info);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plane);
        }
        return output;
    }

    /// <summary>Encodes one native frame as RLE: header, then one segment per sample byte, each padded to an even length (PS3.5 §G.3, §G.5).</summary>
    /// <param name="native">The frame in the native layout, <see cref="RleFrameInfo.FrameLength"/> bytes.</param>
    /// <param name="info">The frame's Image Pixel attributes.</param>
    /// <returns>The encoded frame, an even number of bytes, ready to be one fragment.</returns>
    /// <exception cref="ArgumentException"><paramref name="native"/> is not one frame long.</exception>
    /// <exception cref="DicomException"><paramref name="info"/> describes pixels RLE cannot carry.</exception>
    public static byte[] EncodeFrame(ReadOnlySpan<byte> native, RleFrameInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.Validate();
        if (native.Length != info.FrameLength)
            throw new ArgumentException($"a native frame of {info.Rows}×{info.Columns}×{info.SamplesPerPixel} samples of {info.BitsAllocated} bits is {info.FrameLength} bytes, not {native.Length}.", nameof(native));
        int planeLength = (int)info.PixelCount;
        using var output = new MemoryStream(Math.Max(HeaderLength * 2, native.Length / 2));
        output.Write(new byte[HeaderLength]);
        Span<byte> header = stackalloc byte[HeaderLength];
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)info.SegmentCount);
        var plane = ArrayPool<byte>.Shared.Rent(planeLength);
        try
        {
            for (int segment = 0; segment < info.SegmentCount; segment++)
            {
                if (output.Length > uint.MaxValue) throw new DicomException("RLE: the encoded frame is longer than a 32-bit segment offset can address.");
                BinaryPrimitives.WriteUInt32LittleEndian(header[(4 + 4 * segment)..], (uint)output.Position);
                Gather(native, plane.AsSpan(0, planeLength), segment, info);
                RleSegment.Encode(plane.AsSpan(0, planeLength), info.Columns, output);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plane);
        }
        var result = output.ToArray();
        header.CopyTo(result);
        return result;
    }

    /// <summary>
    /// Decodes every frame of a data set's encapsulated Pixel Data (7FE0,0010): frames are found through the Extended
    /// or Basic Offset Table (PS3.5 §A.4) or one fragment per frame, and each frame's fragments are joined before decoding.
    /// </summary>
    /// <param name="dataset">A data set read with the RLE Lossless transfer syntax.</param>
    /// <returns>One native frame per (0028,0008) Number of Frames (1 when absent).</returns>
    /// <exception cref="DicomException">The Pixel Data is missing or not encapsulated, or the frames cannot be found.</exception>
    /// <exception cref="DicomFormatException">A frame is malformed (see <see cref="DecodeFrame"/>); the message names the frame.</exception>
    public static IReadOnlyList<byte[]> DecodeFrames(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var info = RleFrameInfo.FromDataset(dataset);
        if (dataset[DicomTag.PixelData] is not DicomFragmentSequence fragments)
            throw new DicomException(dataset.Contains(DicomTag.PixelData)
                ? "RLE: the Pixel Data (7FE0,0010) is native, not encapsulated (PS3.5 §A.4)."
                : "RLE: the data set has no Pixel Data (7FE0,0010).");
        int frameCount = dataset.TryGetValue<int>(DicomTag.NumberOfFrames, 0, out var n) && n > 0 ? n : 1;
        IReadOnlyList<ulong>? extended = dataset.TryGetValues<ulong>(DicomTag.ExtendedOffsetTable, out var eot) ? eot : null;
        var frames = fragments.GetFrameFragments(frameCount, extended);
        var decoded = new byte[frames.Count][];
        for (int f = 0; f < frames.Count; f++)
        {
            var encoded = Join(frames[f]).Span;
            try
            {
                decoded[f] = DecodeFrame(encoded, info);
            }
            catch (DicomFormatException e)
            {
                throw new DicomFormatException($"frame {f + 1} of {frames.Count}: {e.Problem}", e.FilePath, e.Offset, e.Tag, e);
            }
        }
        return decoded;
    }

    /// <summary>
    /// Wraps encoded frames as encapsulated Pixel Data (PS3.5 §A.4): one fragment per frame and a Basic Offset Table
    /// (the offset of each frame's item from the first), for a data set saved as RLE Lossless.
    /// </summary>
    /// <param name="encodedFrames">Frames from <see cref="EncodeFrame"/>.</param>
    /// <exception cref="DicomException">The frames are too large for a 32-bit Basic Offset Table.</exception>
    public static DicomFragmentSequence Encapsulate(IReadOnlyList<byte[]> encodedFrames)
    {
        ArgumentNullException.ThrowIfNull(encodedFrames);
        var table = new byte[encodedFrames.Count * 4];
        ulong position = 0;
        for (int f = 0; f < encodedFrames.Count; f++)
        {
            if (position > uint.MaxValue) throw new DicomException("RLE: the frames exceed what a Basic Offset Table can address; use an Extended Offset Table.");
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(f * 4), (uint)position);
            position += 8 + (ulong)encodedFrames[f].Length;
        }
        return new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.FromMemory(table), encodedFrames.Select(f => DicomBuffer.FromMemory(f)));
    }

    private static uint[] ReadHeader(ReadOnlySpan<byte> encoded, RleFrameInfo info)
    {
        if (encoded.Length < HeaderLength)
            throw Malformed($"the frame is {encoded.Length} bytes, shorter than the {HeaderLength}-byte RLE header (PS3.5 §G.5).", 0);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(encoded);
        if (count is 0 or > RleFrameInfo.MaxSegments)
            throw Malformed($"the RLE header counts {count} segments; 1 to {RleFrameInfo.MaxSegments} are allowed (PS3.5 §G.5).", 0);
        if (count != info.SegmentCount)
            throw Malformed($"the RLE header counts {count} segments, but {info.SamplesPerPixel} sample(s) of {info.BitsAllocated} bits need {info.SegmentCount} (PS3.5 §G.2).", 0);
        var offsets = new uint[count];
        for (int i = 0; i < count; i++)
        {
            uint offset = BinaryPrimitives.ReadUInt32LittleEndian(encoded[(4 + 4 * i)..]);
            uint previous = i == 0 ? HeaderLength : offsets[i - 1];
            if (offset < previous || offset >= encoded.Length)
                throw Malformed($"the offset of segment {i + 1} is {offset}, outside {previous}..{encoded.Length - 1} (header length to frame end, in order; PS3.5 §G.5).", 4 + 4 * i);
            offsets[i] = offset;
        }
        return offsets;
    }

    // Segment s holds byte (s % bytesPerSample) of sample (s / bytesPerSample), counting from the most significant byte
    // (PS3.5 §G.2); natively that byte sits at little-endian position bytesPerSample - 1 - that.
    private static void Scatter(ReadOnlySpan<byte> plane, Span<byte> native, int segment, RleFrameInfo info)
    {
        Place(info, segment, out int start, out int step);
        if (step == 1) plane.CopyTo(native[start..]);
        else for (int p = 0, i = start; p < plane.Length; p++, i += step) native[i] = plane[p];
    }

    private static void Gather(ReadOnlySpan<byte> native, Span<byte> plane, int segment, RleFrameInfo info)
    {
        Place(info, segment, out int start, out int step);
        if (step == 1) native.Slice(start, plane.Length).CopyTo(plane);
        else for (int p = 0, i = start; p < plane.Length; p++, i += step) plane[p] = native[i];
    }

    private static void Place(RleFrameInfo info, int segment, out int start, out int step)
    {
        int bps = info.BytesPerSample;
        int sample = segment / bps;
        int littleEndianByte = bps - 1 - segment % bps;
        if (info.SamplesPerPixel == 1 || info.PlanarConfiguration == 0)
        {
            start = sample * bps + littleEndianByte;
            step = info.SamplesPerPixel * bps;
        }
        else
        {
            start = (int)(sample * info.PixelCount * bps) + littleEndianByte;
            step = bps;
        }
    }

    private static ReadOnlyMemory<byte> Join(IReadOnlyList<DicomBuffer> fragments)
    {
        if (fragments.Count == 1) return fragments[0].Memory;
        long length = fragments.Sum(f => f.Length);
        if (length > Array.MaxLength) throw new DicomException($"RLE: a frame of {length} encoded bytes is too large for one array.");
        var joined = new byte[length];
        int at = 0;
        foreach (var fragment in fragments)
        {
            fragment.Memory.Span.CopyTo(joined.AsSpan(at));
            at += (int)fragment.Length;
        }
        return joined;
    }

    private static DicomFormatException Malformed(string problem, long offset) => new(problem, offset: offset, tag: DicomTag.PixelData);
}
