using Imaging.Dicom.IO;

namespace Imaging.Dicom.Media;

/// <summary>
/// A DICOMDIR: the Basic Directory IOD (PS3.3 Annex F) that indexes a file-set on media (PS3.10 §8), as the file
/// plus its tree of directory records (PATIENT → STUDY → SERIES → IMAGE, other record types kept where they are).
/// Open one with <see cref="Open(string, FileReadOptions?)"/>; make one with <see cref="Create"/>,
/// <see cref="AddFile"/> and <see cref="Save(string)"/>.
/// </summary>
public sealed partial class DicomDirectory
{
    private readonly List<DicomDirectoryRecord> _roots = [];
    private readonly List<DicomReadWarning> _warnings = [];

    private DicomDirectory(DicomFile file, string? directoryPath)
    {
        File = file;
        DirectoryPath = directoryPath;
    }

    /// <summary>
    /// The DICOMDIR file as read or last saved. Its Directory Record Sequence is rewritten by
    /// <see cref="Save(string)"/>; between changes and a save, <see cref="RootRecords"/> is the current hierarchy.
    /// </summary>
    public DicomFile File { get; private set; }

    /// <summary>The DICOMDIR's data set (<see cref="File"/>'s).</summary>
    public DicomDataset Dataset => File.Dataset;

    /// <summary>(0004,1130) File-set ID (PS3.3 F.3.2.1); empty when the file-set has none.</summary>
    public string FileSetId => Dataset.TryGetString(DicomTag.FileSetID, out var id) ? id.Trim() : "";

    /// <summary>The folder the records' File IDs are relative to (the DICOMDIR's folder); null until the directory is opened from or saved to a path.</summary>
    public string? DirectoryPath { get; private set; }

    /// <summary>The records of the root directory entity, in link order: usually PATIENT records (PS3.3 F.4).</summary>
    public IReadOnlyList<DicomDirectoryRecord> RootRecords => _roots;

    /// <summary>The PATIENT records of the root directory entity.</summary>
    public IEnumerable<DicomDirectoryRecord> Patients => _roots.Where(r => r.RecordType == RecordTypes.Patient);

    /// <summary>Every record in the hierarchy, depth first in link order.</summary>
    public IEnumerable<DicomDirectoryRecord> AllRecords => _roots.SelectMany(r => r.Descendants().Prepend(r));

    /// <summary>Every IMAGE record in the hierarchy, depth first in link order.</summary>
    public IEnumerable<DicomDirectoryRecord> AllImages => AllRecords.Where(r => r.RecordType == RecordTypes.Image);

    /// <summary>What lenient reading accepted: the file's warnings, then broken or cyclic record links and unlinked records.</summary>
    public IReadOnlyList<DicomReadWarning> Warnings => _warnings;

    /// <summary>
    /// Opens a DICOMDIR and links its records (PS3.3 F.3.2.1). Broken or cyclic offsets do not fail: the hierarchy is
    /// rebuilt from sequence order with a warning (or, with <see cref="FileReadOptions.Strict"/>, a <see cref="DicomFormatException"/>).
    /// </summary>
    /// <exception cref="DicomFormatException">The file is not DICOM, or is DICOM but not a DICOMDIR.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static DicomDirectory Open(string path, FileReadOptions? options = null)
    {
        var full = Path.GetFullPath(path);
        var file = DicomFile.Open(full, options);
        return FromFile(file, Path.GetDirectoryName(full), baseOffset: 0, options);
    }

    /// <summary>
    /// Reads a DICOMDIR from a stream, starting at its current position (record offsets count from there).
    /// <paramref name="directoryPath"/> is the folder its File IDs are relative to, if known.
    /// </summary>
    /// <exception cref="DicomFormatException">The input is not DICOM, or is DICOM but not a DICOMDIR.</exception>
    public static DicomDirectory Open(Stream stream, string? directoryPath = null, FileReadOptions? options = null)
    {
        long start = stream.CanSeek ? stream.Position : 0;
        var file = DicomFile.Open(stream, options);
        return FromFile(file, directoryPath is null ? null : Path.GetFullPath(directoryPath), start, options);
    }

    /// <summary>Opens a DICOMDIR without blocking the caller.</summary>
    public static Task<DicomDirectory> OpenAsync(string path, FileReadOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Open(path, options), cancellationToken);

    private static DicomDirectory FromFile(DicomFile file, string? directoryPath, long baseOffset, FileReadOptions? options)
    {
        var ds = file.Dataset;
        bool directoryClass = file.FileMetaInfo.TryGetString(DicomTag.MediaStorageSOPClassUID, out var sopClass) && sopClass == MediaStorageDirectoryStorage;
        if (!ds.Contains(DicomTag.DirectoryRecordSequence) && !directoryClass)
            throw new DicomFormatException("not a DICOMDIR: no Directory Record Sequence (0004,1220) and the Media Storage SOP Class is not 1.2.840.10008.1.3.10 (PS3.3 F.3)",
                file.FilePath, null, DicomTag.DirectoryRecordSequence);
        var dir = new DicomDirectory(file, directoryPath);
        dir._warnings.AddRange(file.Warnings);
        bool strict = options?.Strict ?? false;
        if (!directoryClass)
            dir.Warn(strict, file.FilePath, DicomTag.MediaStorageSOPClassUID, "the Media Storage SOP Class UID is not Media Storage Directory Storage (1.2.840.10008.1.3.10)");
        if (ds.Contains(DicomTag.DirectoryRecordSequence) && ds[DicomTag.DirectoryRecordSequence] is not DicomSequence)
            dir.Warn(strict, file.FilePath, DicomTag.DirectoryRecordSequence, "the Directory Record Sequence is not a sequence; no records were read");
        dir._roots.AddRange(new DirectoryRecordLinker(dir, file.FilePath, strict, dir._warnings).Link(ds, baseOffset));
        return dir;
    }

    private void Warn(bool strict, string? path, DicomTag tag, string message)
    {
        if (strict) throw new DicomFormatException(message, path, null, tag);
        _warnings.Add(new DicomReadWarning(0, tag, message));
    }

    /// <summary>"DICOMDIR 'ID', N patients, M images".</summary>
    public override string ToString() => $"DICOMDIR '{FileSetId}', {Patients.Count()} patients, {AllImages.Count()} images";

    /// <summary>The record types this class builds and recognizes (PS3.3 F.5).</summary>
    internal static class RecordTypes
    {
        public const string Patient = "PATIENT";
        public const string Study = "STUDY";
        public const string Series = "SERIES";
        public const string Image = "IMAGE";
    }
}
