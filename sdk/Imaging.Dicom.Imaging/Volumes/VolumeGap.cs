namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>A gap between two consecutive slices of a stack that is not the nominal spacing.</summary>
/// <param name="AfterSlice">Index (in the sorted stack) of the slice before the gap.</param>
/// <param name="Gap">The distance along the slice normal, mm.</param>
/// <param name="MissingSlices">How many slices of the nominal spacing fit in the gap (gap ≈ (n + 1) × spacing), or 0 when the gap is not a whole multiple.</param>
public sealed record VolumeGap(int AfterSlice, double Gap, int MissingSlices);
