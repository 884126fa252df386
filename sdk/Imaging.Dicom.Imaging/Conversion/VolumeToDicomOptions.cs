namespace Imaging.Dicom.Imaging.Conversion;

/// <summary>
/// What <see cref="VolumeToDicom"/> puts in the images besides the volume: identity, series and SOP class. UIDs left null
/// are generated (2.25 UUID-derived, PS3.5 §B.2); pass the ones of an existing study or frame of reference to join it.
/// </summary>
public sealed record VolumeToDicomOptions
{
    /// <summary>
    /// Modality (0008,0060). <c>CT</c> gives CT Image Storage (PS3.3 A.3), <c>MR</c> MR Image Storage (PS3.3 A.4); any
    /// other value gives Secondary Capture Image Storage (PS3.3 A.8.1) with the Image Plane module attributes added.
    /// </summary>
    public string Modality { get; init; } = "OT";

    /// <summary>Patient's Name (0010,0010).</summary>
    public string PatientName { get; init; } = "";

    /// <summary>Patient ID (0010,0020).</summary>
    public string PatientId { get; init; } = "";

    /// <summary>Study Instance UID (0020,000D); generated when null.</summary>
    public string? StudyInstanceUid { get; init; }

    /// <summary>Series Instance UID (0020,000E); generated when null.</summary>
    public string? SeriesInstanceUid { get; init; }

    /// <summary>Frame of Reference UID (0020,0052); generated when null.</summary>
    public string? FrameOfReferenceUid { get; init; }

    /// <summary>Series Description (0008,103E).</summary>
    public string SeriesDescription { get; init; } = "Converted volume";

    /// <summary>Series Number (0020,0011).</summary>
    public int SeriesNumber { get; init; } = 1;

    /// <summary>The date and time written as Study/Series/Content Date and Time; now when null.</summary>
    public DateTimeOffset? DateTime { get; init; }
}
