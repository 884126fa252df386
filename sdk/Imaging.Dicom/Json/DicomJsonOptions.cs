using Imaging.Dicom.IO;

namespace Imaging.Dicom.Json;

/// <summary>How <see cref="DicomJson"/> writes and reads the DICOM JSON Model (PS3.18 Annex F).</summary>
public sealed record DicomJsonOptions
{
    /// <summary>The defaults: compact output, every binary value inline, BulkDataURI values read as empty.</summary>
    public static DicomJsonOptions Default { get; } = new();

    /// <summary>Indent the JSON for people to read (whitespace is not significant in PS3.18 §F.2).</summary>
    public bool WriteIndented { get; init; }

    /// <summary>
    /// Binary values (OB, OD, OF, OL, OV, OW, UN and encapsulated pixel data) longer than this many bytes are offered
    /// to <see cref="BulkDataUri"/>; null offers every one. Ignored when <see cref="BulkDataUri"/> is null.
    /// </summary>
    public long? BulkDataThreshold { get; init; }

    /// <summary>
    /// Gives the "BulkDataURI" (PS3.18 §F.2.6) of a binary value: called with the tag and the element (or
    /// <see cref="DicomFragmentSequence"/>); a null answer writes the value inline as "InlineBinary" (PS3.18 §F.2.7).
    /// </summary>
    public Func<DicomTag, DicomItem, string?>? BulkDataUri { get; init; }

    /// <summary>
    /// Reading: fetches the value behind a "BulkDataURI" (PS3.18 §F.2.6), called with the tag, the VR and the URI.
    /// When null, or when it answers null, the element is read with an empty value (as pydicom does without a handler).
    /// </summary>
    public Func<DicomTag, DicomVR, string, DicomBuffer?>? BulkDataResolver { get; init; }
}
