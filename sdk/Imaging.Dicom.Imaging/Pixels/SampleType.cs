namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// The .NET element type that holds one decoded sample, chosen from Bits Allocated, Pixel Representation and the pixel
/// data element (PS3.3 §C.7.6.3.1; Float Pixel Data and Double Float Pixel Data, PS3.3 §C.7.6.24). Matches the dtype
/// pydicom's <c>pixel_array</c> uses, so values compare one to one.
/// </summary>
public enum SampleType
{
    /// <summary>Unsigned 8-bit (<see cref="byte"/>): Bits Allocated 1 (unpacked, one byte per pixel) or 8, unsigned.</summary>
    UInt8,
    /// <summary>Signed 8-bit (<see cref="sbyte"/>).</summary>
    Int8,
    /// <summary>Unsigned 16-bit (<see cref="ushort"/>).</summary>
    UInt16,
    /// <summary>Signed 16-bit (<see cref="short"/>).</summary>
    Int16,
    /// <summary>Unsigned 32-bit (<see cref="uint"/>).</summary>
    UInt32,
    /// <summary>Signed 32-bit (<see cref="int"/>).</summary>
    Int32,
    /// <summary>32-bit IEEE float (<see cref="float"/>), Float Pixel Data (7FE0,0008).</summary>
    Float32,
    /// <summary>64-bit IEEE float (<see cref="double"/>), Double Float Pixel Data (7FE0,0009).</summary>
    Float64,
}
