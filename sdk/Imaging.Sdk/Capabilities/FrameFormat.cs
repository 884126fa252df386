namespace Imaging.Sdk.Capabilities;

/// <summary>The Image Pixel Module attributes that describe one frame (PS3.3 C.7.6.3).</summary>
/// <param name="Rows">Rows (0028,0010).</param>
/// <param name="Columns">Columns (0028,0011).</param>
/// <param name="SamplesPerPixel">Samples per Pixel (0028,0002).</param>
/// <param name="BitsAllocated">Bits Allocated (0028,0100).</param>
/// <param name="BitsStored">Bits Stored (0028,0101).</param>
/// <param name="IsSigned">Pixel Representation (0028,0103) = 1.</param>
/// <param name="PhotometricInterpretation">Photometric Interpretation (0028,0004).</param>
/// <param name="PlanarConfiguration">Planar Configuration (0028,0006): 0 = interleaved, 1 = by plane.</param>
public sealed record FrameFormat(int Rows, int Columns, int SamplesPerPixel, int BitsAllocated, int BitsStored, bool IsSigned, string PhotometricInterpretation, int PlanarConfiguration = 0)
{
    /// <summary>The size of one native frame in bytes (1-bit data packed, PS3.5 §8.1.1).</summary>
    public long NativeFrameLength => BitsAllocated == 1
        ? ((long)Rows * Columns * SamplesPerPixel + 7) / 8
        : (long)Rows * Columns * SamplesPerPixel * (BitsAllocated / 8);
}
