namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>What a <see cref="VolumeFinding"/> is about.</summary>
public enum VolumeFindingKind
{
    /// <summary>Slice gaps differ from the nominal spacing by more than the tolerance (PS3.3 §C.7.6.2.1.1 positions).</summary>
    IrregularSpacing,
    /// <summary>A gap is about an integer multiple (≥ 2) of the nominal spacing: slices are missing there.</summary>
    MissingSlices,
    /// <summary>Slices are stepped along a direction that is not the plane normal (gantry tilt; Gantry/Detector Tilt (0018,1120)).</summary>
    GantryTilt,
    /// <summary>The input holds slices of more than one Image Orientation (Patient); each orientation is its own stack.</summary>
    MixedOrientations,
    /// <summary>The input holds slices of different Rows/Columns or pixel formats; each is its own stack.</summary>
    MixedFormats,
    /// <summary>The input holds more than one Series Instance UID; each is its own stack.</summary>
    MixedSeries,
    /// <summary>Several slices share a position: the series holds several volumes (4-D), split into stacks.</summary>
    MultipleVolumes,
    /// <summary>Slices of one stack have different Pixel Spacing; the first slice's is used.</summary>
    MixedPixelSpacing,
    /// <summary>Slices carry no usable Image Position/Orientation (Patient); they are stacked in Instance Number order.</summary>
    MissingGeometry,
    /// <summary>Modality values did not fit 16-bit integers after Rescale Slope/Intercept, so the volume was loaded as float32.</summary>
    ValueRange,
    /// <summary>A file could not be read as DICOM image; it was left out.</summary>
    UnreadableFile,
}
