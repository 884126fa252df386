namespace Imaging.Dicom.Media;

/// <summary>
/// One directory record of a DICOMDIR: an item of (0004,1220) Directory Record Sequence (PS3.3 F.3.2.2) with its
/// place in the record hierarchy (PATIENT → STUDY → SERIES → IMAGE and the other record types of PS3.3 F.4, F.5).
/// </summary>
public sealed class DicomDirectoryRecord
{
    private readonly List<DicomDirectoryRecord> _children = [];
    private readonly DicomDirectory _owner;

    internal DicomDirectoryRecord(DicomDataset dataset, DicomDirectory owner, long? offset)
    {
        Dataset = dataset;
        _owner = owner;
        Offset = offset;
    }

    /// <summary>(0004,1430) Directory Record Type, e.g. "PATIENT", "STUDY", "SERIES", "IMAGE", "SR DOCUMENT" (PS3.3 F.3.2.2); empty when absent.</summary>
    public string RecordType =>
        Dataset.TryGetString(DicomTag.DirectoryRecordType, out var type) ? type.Trim() : "";

    /// <summary>The record item itself: the record's keys (PS3.3 F.5) and its link offsets.</summary>
    public DicomDataset Dataset { get; }

    /// <summary>The higher-level record this one belongs to; null for a record of the root directory entity.</summary>
    public DicomDirectoryRecord? Parent { get; internal set; }

    /// <summary>The records of the lower-level directory entity this record references through (0004,1420), in link order.</summary>
    public IReadOnlyList<DicomDirectoryRecord> Children => _children;

    internal List<DicomDirectoryRecord> ChildList => _children;

    /// <summary>
    /// The byte offset of the record's item tag from the first byte of the DICOMDIR file (preamble included) in the file
    /// it was read from or last saved to (PS3.3 F.3.2.1); null for a record not yet saved.
    /// </summary>
    public long? Offset { get; internal set; }

    /// <summary>(0004,1500) Referenced File ID: the components of the referenced file's path (PS3.10 §8.5), or null when the record references no file.</summary>
    public string[]? ReferencedFileId =>
        Dataset.TryGetElement(DicomTag.ReferencedFileID, out var e) && e.Length > 0
            ? [.. e.GetStrings().Select(c => c.Trim()).Where(c => c.Length > 0)]
            : null;

    /// <summary>
    /// The full path of the referenced file: <see cref="ReferencedFileId"/> under the DICOMDIR's folder, matched
    /// case-insensitively (and ignoring ISO 9660 ";1" version suffixes) when the exact name does not exist, as media
    /// written on other systems need. Null when the record references no file or the directory has no folder yet.
    /// The file system is consulted on each call.
    /// </summary>
    public string? ReferencedFilePath =>
        ReferencedFileId is { Length: > 0 } id && _owner.DirectoryPath is { } folder ? DicomFileId.Resolve(folder, id) : null;

    /// <summary>(0004,1511) Referenced SOP Instance UID in File, or null.</summary>
    public string? ReferencedSopInstanceUid => Text(DicomTag.ReferencedSOPInstanceUIDInFile);

    /// <summary>(0004,1510) Referenced SOP Class UID in File, or null.</summary>
    public string? ReferencedSopClassUid => Text(DicomTag.ReferencedSOPClassUIDInFile);

    /// <summary>(0004,1512) Referenced Transfer Syntax UID in File, or null.</summary>
    public string? ReferencedTransferSyntaxUid => Text(DicomTag.ReferencedTransferSyntaxUIDInFile);

    /// <summary>Every record below this one, depth first in link order (children before later siblings).</summary>
    public IEnumerable<DicomDirectoryRecord> Descendants()
    {
        var stack = new Stack<DicomDirectoryRecord>();
        for (int i = _children.Count - 1; i >= 0; i--) stack.Push(_children[i]);
        while (stack.Count > 0)
        {
            var r = stack.Pop();
            yield return r;
            for (int i = r._children.Count - 1; i >= 0; i--) stack.Push(r._children[i]);
        }
    }

    /// <summary>"TYPE" followed by the referenced file ID when there is one, e.g. "IMAGE 77654033\CR1\6154".</summary>
    public override string ToString() =>
        ReferencedFileId is { } id ? $"{RecordType} {string.Join('\\', id)}" : RecordType;

    private string? Text(DicomTag tag) =>
        Dataset.TryGetString(tag, out var s) && s.Length > 0 ? s : null;
}
