using Imaging.Dicom;

namespace Imaging.Dicom.Imaging.Codecs.Rle;

/// <summary>
/// The Image Pixel attributes (PS3.3 §C.7.6.3) that an RLE Lossless frame needs: the frame's size, its samples and
/// their width, and the layout of the native (decoded) frame, PS3.5 §8.1.1 and Annex G.
/// </summary>
/// <param name="Rows">(0028,0010) Rows, at least 1.</param>
/// <param name="Columns">(0028,0011) Columns, at least 1.</param>
/// <param name="SamplesPerPixel">(0028,0002) Samples per Pixel, 1 or 3.</param>
/// <param name="BitsAllocated">(0028,0100) Bits Allocated: 8, 16, 32 or 64 (one RLE segment per byte, PS3.5 §G.2).</param>
/// <param name="PlanarConfiguration">
/// (0028,0006) Planar Configuration of the native frame: 0 = color-by-pixel (R1 G1 B1 R2 ...), 1 = color-by-plane.
/// RLE segments are always per plane; this only decides how the decoded bytes are laid out. Ignored for one sample.
/// </param>
public sealed record RleFrameInfo(int Rows, int Columns, int SamplesPerPixel, int BitsAllocated, int PlanarConfiguration = 0)
{
    /// <summary>The most segments an RLE header can describe (PS3.5 §G.5: 15 offsets in a 64-byte header).</summary>
    public const int MaxSegments = 15;

    /// <summary>Bytes per sample, Bits Allocated / 8.</summary>
    public int BytesPerSample => BitsAllocated / 8;

    /// <summary>Pixels per frame, Rows × Columns; each RLE segment decodes to this many bytes (PS3.5 §G.2).</summary>
    public long PixelCount => (long)Rows * Columns;

    /// <summary>The number of RLE segments a frame holds: Samples per Pixel × Bits Allocated / 8 (PS3.5 §G.2).</summary>
    public int SegmentCount => SamplesPerPixel * BytesPerSample;

    /// <summary>The length in bytes of one native frame, little endian (PS3.5 §8.1.1).</summary>
    public long FrameLength => PixelCount * SegmentCount;

    /// <summary>
    /// Reads Rows, Columns, Samples per Pixel, Bits Allocated and Planar Configuration (0 when absent) from a data set.
    /// </summary>
    /// <exception cref="DicomException">A required attribute is missing or not a number.</exception>
    public static RleFrameInfo FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        int Required(DicomTag tag, string name) =>
            dataset.TryGetValue<int>(tag, 0, out var v) ? v : throw new DicomException($"RLE: the data set has no {name} {tag}.");
        var info = new RleFrameInfo(
            Required(DicomTag.Rows, "Rows"),
            Required(DicomTag.Columns, "Columns"),
            dataset.GetValueOrDefault(DicomTag.SamplesPerPixel, 0, 1),
            Required(DicomTag.BitsAllocated, "Bits Allocated"),
            dataset.GetValueOrDefault(DicomTag.PlanarConfiguration, 0, 0));
        return info;
    }

    /// <summary>Throws when these attributes cannot describe an RLE frame.</summary>
    /// <exception cref="DicomException">Names the attribute whose value RLE Lossless cannot carry.</exception>
    internal void Validate()
    {
        if (Rows < 1 || Columns < 1) throw new DicomException($"RLE: Rows {Rows} and Columns {Columns} must both be at least 1.");
        if (SamplesPerPixel is not (1 or 3)) throw new DicomException($"RLE: Samples per Pixel {SamplesPerPixel} is not supported (1 or 3).");
        if (BitsAllocated is not (8 or 16 or 32 or 64)) throw new DicomException($"RLE: Bits Allocated {BitsAllocated} is not supported (8, 16, 32 or 64; PS3.5 §G.2 splits samples into bytes).");
        if (PlanarConfiguration is not (0 or 1)) throw new DicomException($"RLE: Planar Configuration {PlanarConfiguration} must be 0 or 1.");
        if (SegmentCount > MaxSegments) throw new DicomException($"RLE: {SamplesPerPixel} samples of {BitsAllocated} bits need {SegmentCount} segments; PS3.5 §G.5 allows at most {MaxSegments}.");
        if (FrameLength > Array.MaxLength) throw new DicomException($"RLE: a frame of {FrameLength} bytes is too large for one array.");
    }
}
