namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// The Image Pixel Module attributes that describe how frames are stored (PS3.3 §C.7.6.3), plus Number of Frames
/// (PS3.3 §C.7.6.6) and which pixel data element holds them.
/// </summary>
/// <param name="Rows">(0028,0010) Rows.</param>
/// <param name="Columns">(0028,0011) Columns.</param>
/// <param name="SamplesPerPixel">(0028,0002) Samples per Pixel: 1 or 3.</param>
/// <param name="BitsAllocated">(0028,0100) Bits Allocated: 1, 8, 16, 32 or 64.</param>
/// <param name="BitsStored">(0028,0101) Bits Stored.</param>
/// <param name="HighBit">(0028,0102) High Bit.</param>
/// <param name="IsSigned">(0028,0103) Pixel Representation = 1 (two's complement).</param>
/// <param name="PhotometricInterpretation">(0028,0004) Photometric Interpretation, e.g. MONOCHROME2, RGB, YBR_FULL_422, PALETTE COLOR.</param>
/// <param name="PlanarConfiguration">(0028,0006) Planar Configuration: 0 = color-by-pixel, 1 = color-by-plane.</param>
/// <param name="NumberOfFrames">(0028,0008) Number of Frames, 1 when absent.</param>
/// <param name="PixelDataTag">The element holding the frames: Pixel Data (7FE0,0010), Float Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009).</param>
public sealed record PixelFormat(
    int Rows,
    int Columns,
    int SamplesPerPixel,
    int BitsAllocated,
    int BitsStored,
    int HighBit,
    bool IsSigned,
    string PhotometricInterpretation,
    int PlanarConfiguration,
    int NumberOfFrames,
    DicomTag PixelDataTag)
{
    /// <summary>Pixels in one frame, Rows × Columns.</summary>
    public long PixelCount => (long)Rows * Columns;

    /// <summary>
    /// Bytes of one native frame as stored (PS3.5 §8.1.1): 1-bit frames are packed, YBR_FULL_422 carries two chroma
    /// samples per two pixels (PS3.3 §C.7.6.3.1.2).
    /// </summary>
    public long NativeFrameLength => BitsAllocated == 1
        ? (PixelCount * SamplesPerPixel + 7) / 8
        : IsSubsampled422 ? PixelCount * 2 * BytesPerSample : PixelCount * SamplesPerPixel * BytesPerSample;

    /// <summary>Bytes one stored sample takes (Bits Allocated / 8; 0 for 1-bit samples, which are packed).</summary>
    public int BytesPerSample => BitsAllocated / 8;

    /// <summary>Samples in one decoded frame, Rows × Columns × Samples per Pixel.</summary>
    public long SampleCount => PixelCount * SamplesPerPixel;

    /// <summary>Whether native frames carry horizontally subsampled chroma (YBR_FULL_422, PS3.3 §C.7.6.3.1.2).</summary>
    public bool IsSubsampled422 => PhotometricInterpretation == "YBR_FULL_422" && SamplesPerPixel == 3;

    /// <summary>The element type of decoded samples (see <see cref="SampleType"/>).</summary>
    public SampleType SampleType => IsFloat
        ? (BitsAllocated == 64 ? SampleType.Float64 : SampleType.Float32)
        : BitsAllocated switch
        {
            1 => SampleType.UInt8,
            8 => IsSigned ? SampleType.Int8 : SampleType.UInt8,
            16 => IsSigned ? SampleType.Int16 : SampleType.UInt16,
            _ => IsSigned ? SampleType.Int32 : SampleType.UInt32,
        };

    /// <summary>Whether samples are floating point (Float or Double Float Pixel Data).</summary>
    public bool IsFloat => BitsAllocated >= 32 && PixelDataTag != DicomTag.PixelData;

    /// <summary>Reads the Image Pixel attributes from <paramref name="dataset"/>.</summary>
    /// <exception cref="DicomException">A required attribute is missing, or the values contradict each other; the message names it.</exception>
    public static PixelFormat FromDataset(DicomDataset dataset) => PixelFormatReader.Read(dataset);
}
