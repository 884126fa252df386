namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>How much a <see cref="VolumeFinding"/> matters for the built volume.</summary>
public enum VolumeFindingSeverity
{
    /// <summary>Worth knowing; the volume is exact (e.g. the series was split into several volumes).</summary>
    Info,
    /// <summary>The volume was built but its geometry is approximate or data was left out (irregular spacing, missing slices).</summary>
    Warning,
    /// <summary>The stack cannot be built as asked (e.g. irregular spacing with <see cref="VolumeReadOptions.RefuseIrregularSpacing"/>).</summary>
    Error,
}
