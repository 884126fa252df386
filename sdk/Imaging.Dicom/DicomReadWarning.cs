namespace Imaging.Dicom;

/// <summary>
/// Something irregular that lenient reading accepted (odd length, missing meta, wrong group length, trailing bytes):
/// where it was and what was done about it. With <see cref="IO.FileReadOptions.Strict"/> it is an error instead.
/// </summary>
/// <param name="Offset">The byte offset in the file or stream.</param>
/// <param name="Tag">The tag concerned, when there is one.</param>
/// <param name="Message">What was irregular and how it was read.</param>
public sealed record DicomReadWarning(long Offset, DicomTag? Tag, string Message)
{
    /// <summary>"offset N, tag (gggg,eeee): message".</summary>
    public override string ToString() => Tag is null ? $"offset {Offset}: {Message}" : $"offset {Offset}, tag {Tag}: {Message}";
}
