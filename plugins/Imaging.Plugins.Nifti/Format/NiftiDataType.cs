namespace Imaging.Plugins.Nifti.Format;

/// <summary>The NIfTI <c>datatype</c> codes (nifti1.h, <c>NIFTI_TYPE_*</c>; the same codes in NIfTI-2).</summary>
internal enum NiftiDataType : short
{
    /// <summary>Unknown or not set.</summary>
    Unknown = 0,
    /// <summary>Unsigned 8-bit (DT_UINT8).</summary>
    UInt8 = 2,
    /// <summary>Signed 16-bit (DT_INT16).</summary>
    Int16 = 4,
    /// <summary>Signed 32-bit (DT_INT32).</summary>
    Int32 = 8,
    /// <summary>32-bit float (DT_FLOAT32).</summary>
    Float32 = 16,
    /// <summary>Two 32-bit floats (DT_COMPLEX64); not supported.</summary>
    Complex64 = 32,
    /// <summary>64-bit float (DT_FLOAT64).</summary>
    Float64 = 64,
    /// <summary>Three 8-bit samples (DT_RGB24); not supported.</summary>
    Rgb24 = 128,
    /// <summary>Signed 8-bit (DT_INT8).</summary>
    Int8 = 256,
    /// <summary>Unsigned 16-bit (DT_UINT16).</summary>
    UInt16 = 512,
    /// <summary>Unsigned 32-bit (DT_UINT32).</summary>
    UInt32 = 768,
    /// <summary>Signed 64-bit (DT_INT64), read as 64-bit float.</summary>
    Int64 = 1024,
    /// <summary>Unsigned 64-bit (DT_UINT64), read as 64-bit float.</summary>
    UInt64 = 1280,
}
