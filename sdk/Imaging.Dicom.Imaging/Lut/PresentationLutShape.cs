namespace Imaging.Dicom.Imaging.Lut;

/// <summary>(2050,0020) Presentation LUT Shape (PS3.3 §C.11.6.1): how VOI output becomes P-Values.</summary>
public enum PresentationLutShape
{
    /// <summary>IDENTITY: the VOI output is used as is (MONOCHROME2, color).</summary>
    Identity,

    /// <summary>INVERSE: the VOI output is inverted (MONOCHROME1: low values are bright).</summary>
    Inverse,
}
