namespace Imaging.Dicom.IO;

/// <summary>How <see cref="DicomFile.Open(string, FileReadOptions?)"/> reads a file: what to skip, what to defer, how strict to be.</summary>
public sealed record FileReadOptions
{
    /// <summary>The defaults: read everything, leniently, with the standard dictionary.</summary>
    public static FileReadOptions Default { get; } = new();

    /// <summary>Stop before (7FE0,0010) Pixel Data (and Float/Double Float Pixel Data) at the top level; their values are neither read nor kept.</summary>
    public bool StopBeforePixelData { get; init; }

    /// <summary>
    /// Values longer than this many bytes are not read; they are read from the file when first touched
    /// (the file must stay where it is, or the stream open and seekable). Null reads every value at once.
    /// Values longer than 2 GiB − 1 are always deferred when the input is seekable.
    /// </summary>
    public long? DeferValuesLongerThan { get; init; }

    /// <summary>The dictionary used for implicit VR and for UN values whose VR the dictionary knows. Defaults to the standard dictionary.</summary>
    public DicomDictionary? Dictionary { get; init; }

    /// <summary>Fail on the first irregularity instead of reading leniently with a warning.</summary>
    public bool Strict { get; init; }

    /// <summary>Read input that does not look like DICOM (no preamble, no meta, implausible first tag) instead of rejecting it.</summary>
    public bool Force { get; init; }

    /// <summary>Re-interpret explicit VR UN values whose VR the dictionary knows (PS3.5 §6.2.2), like pydicom. Default true.</summary>
    public bool ReplaceUnknownVR { get; init; } = true;

    /// <summary>Stop reading at the first top-level element whose tag is at least this one (the element is not read).</summary>
    public DicomTag? StopAtTag { get; init; }
}
