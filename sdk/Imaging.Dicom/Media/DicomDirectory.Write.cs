using Imaging.Dicom.IO;

namespace Imaging.Dicom.Media;

public sealed partial class DicomDirectory
{
    private const string MediaStorageDirectoryStorage = "1.2.840.10008.1.3.10";

    /// <summary>
    /// How a DICOMDIR is written: explicit VR little endian (what the PS3.11 media application profiles require of it),
    /// with defined-length sequences and items so that every record's offset is fixed before it is written.
    /// </summary>
    private static readonly DicomWriteOptions WriteOptions = new()
    {
        TransferSyntax = DicomTransferSyntax.ExplicitVRLittleEndian,
        DefinedLengthSequences = true,
    };

    // PS3.3 F.5.1-F.5.4 keys copied from the instance: (tag, VR when absent, Type 1 = must be present and non-empty).
    private static readonly (DicomTag Tag, DicomVR VR, bool Type1)[] PatientKeys =
        [(DicomTag.PatientName, DicomVR.PN, false), (DicomTag.PatientID, DicomVR.LO, true)];

    private static readonly (DicomTag Tag, DicomVR VR, bool Type1)[] StudyKeys =
    [
        (DicomTag.StudyDate, DicomVR.DA, true), (DicomTag.StudyTime, DicomVR.TM, true), (DicomTag.AccessionNumber, DicomVR.SH, false),
        (DicomTag.StudyDescription, DicomVR.LO, false), (DicomTag.StudyInstanceUID, DicomVR.UI, true), (DicomTag.StudyID, DicomVR.SH, true),
    ];

    private static readonly (DicomTag Tag, DicomVR VR, bool Type1)[] SeriesKeys =
        [(DicomTag.Modality, DicomVR.CS, true), (DicomTag.SeriesInstanceUID, DicomVR.UI, true), (DicomTag.SeriesNumber, DicomVR.IS, true)];

    private static readonly (DicomTag Tag, DicomVR VR, bool Type1)[] ImageKeys = [(DicomTag.InstanceNumber, DicomVR.IS, true)];

    private HashSet<string>? _indexedInstances;
    private HashSet<string>? _indexedFileIds;

    /// <summary>Creates an empty DICOMDIR (PS3.3 F.3) with a new Media Storage SOP Instance UID.</summary>
    /// <param name="fileSetId">(0004,1130) File-set ID: up to 16 characters from A-Z, 0-9, _ and space; null or empty for none.</param>
    /// <exception cref="ArgumentException">The File-set ID is too long or holds other characters.</exception>
    public static DicomDirectory Create(string? fileSetId = null)
    {
        fileSetId ??= "";
        if (fileSetId.Length > 16 || fileSetId.Any(c => !DicomFileId.IsAllowed(c) && c != ' '))
            throw new ArgumentException($"'{fileSetId}' is not a valid File-set ID: at most 16 characters from A-Z, 0-9, _ and space (PS3.3 F.3.2.1, PS3.10 §8.5).", nameof(fileSetId));
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomVR.CS, DicomTag.FileSetID, fileSetId);
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomVR.UI, DicomTag.MediaStorageSOPClassUID, MediaStorageDirectoryStorage);
        meta.AddOrUpdate(DicomVR.UI, DicomTag.MediaStorageSOPInstanceUID, DicomUid.Generate().Value);
        return new DicomDirectory(new DicomFile(ds, meta), null);
    }

    /// <summary>
    /// Indexes an instance stored at <paramref name="relativePath"/> (relative to the DICOMDIR's folder; the caller
    /// writes the file there): finds or adds its PATIENT (by Patient ID), STUDY (by Study Instance UID) and SERIES
    /// (by Series Instance UID) records and adds an IMAGE record, each with the keys of PS3.3 F.5 copied from the data set.
    /// </summary>
    /// <returns>The new IMAGE record.</returns>
    /// <exception cref="ArgumentException">The path is not a valid File ID (PS3.10 §8.5), or the path or SOP instance is already indexed.</exception>
    /// <exception cref="DicomException">The data set lacks a key PS3.3 F.5 requires (Type 1) in a record to be added; the message lists them.</exception>
    public DicomDirectoryRecord AddFile(DicomFile file, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(file);
        var fileId = DicomFileId.Parse(relativePath, nameof(relativePath));
        var ds = file.Dataset;
        var missing = new List<string>();
        var sopClass = TextOf(ds, DicomTag.SOPClassUID) ?? TextOf(file.FileMetaInfo, DicomTag.MediaStorageSOPClassUID);
        var sopInstance = TextOf(ds, DicomTag.SOPInstanceUID) ?? TextOf(file.FileMetaInfo, DicomTag.MediaStorageSOPInstanceUID);
        if (sopClass is null) missing.Add("SOPClassUID (0008,0016)");
        if (sopInstance is null) missing.Add("SOPInstanceUID (0008,0018)");

        var patientId = TextOf(ds, DicomTag.PatientID);
        var studyUid = TextOf(ds, DicomTag.StudyInstanceUID);
        var seriesUid = TextOf(ds, DicomTag.SeriesInstanceUID);
        var patient = patientId is null ? null : Patients.FirstOrDefault(p => TextOf(p.Dataset, DicomTag.PatientID) == patientId);
        var study = studyUid is null ? null : patient?.Children.FirstOrDefault(s => s.RecordType == RecordTypes.Study && TextOf(s.Dataset, DicomTag.StudyInstanceUID) == studyUid);
        var series = seriesUid is null ? null : study?.Children.FirstOrDefault(s => s.RecordType == RecordTypes.Series && TextOf(s.Dataset, DicomTag.SeriesInstanceUID) == seriesUid);
        if (patient is null) Missing(ds, PatientKeys, RecordTypes.Patient, missing);
        if (study is null) Missing(ds, StudyKeys, RecordTypes.Study, missing);
        if (series is null) Missing(ds, SeriesKeys, RecordTypes.Series, missing);
        Missing(ds, ImageKeys, RecordTypes.Image, missing);
        if (missing.Count > 0)
            throw new DicomException($"'{relativePath}' cannot be added to the DICOMDIR: its data set lacks {string.Join(", ", missing)}, required (Type 1) by PS3.3 F.5.");

        var joinedId = string.Join('\\', fileId);
        EnsureIndexes();
        if (_indexedFileIds!.Contains(joinedId))
            throw new ArgumentException($"the DICOMDIR already has a record for the file '{joinedId}'.", nameof(relativePath));
        if (_indexedInstances!.Contains(sopInstance!))
            throw new ArgumentException($"the DICOMDIR already has a record for SOP instance {sopInstance}.", nameof(file));

        patient ??= NewRecord(RecordTypes.Patient, ds, PatientKeys, null);
        study ??= NewRecord(RecordTypes.Study, ds, StudyKeys, patient);
        series ??= NewRecord(RecordTypes.Series, ds, SeriesKeys, study);
        var image = NewRecord(RecordTypes.Image, ds, ImageKeys, series);
        var rec = image.Dataset;
        rec.AddOrUpdate(DicomVR.CS, DicomTag.ReferencedFileID, fileId);
        rec.AddOrUpdate(DicomVR.UI, DicomTag.ReferencedSOPClassUIDInFile, sopClass!);
        rec.AddOrUpdate(DicomVR.UI, DicomTag.ReferencedSOPInstanceUIDInFile, sopInstance!);
        rec.AddOrUpdate(DicomVR.UI, DicomTag.ReferencedTransferSyntaxUIDInFile, file.TransferSyntax.Uid);
        _indexedFileIds.Add(joinedId);
        _indexedInstances.Add(sopInstance!);
        return image;
    }

    /// <summary>
    /// Saves the DICOMDIR atomically (see <see cref="DicomFile.Save(string, DicomWriteOptions?)"/>) in explicit VR little
    /// endian with Media Storage SOP Class 1.2.840.10008.1.3.10, the records depth first with every link offset computed
    /// (PS3.3 F.3.2.1). The folder of <paramref name="path"/> becomes <see cref="DirectoryPath"/>.
    /// </summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var (file, records, offsets) = Prepare();
        file.Save(full, WriteOptions);
        Commit(file, records, offsets);
        DirectoryPath = Path.GetDirectoryName(full);
    }

    /// <summary>Writes the DICOMDIR to a stream; record offsets count from the stream's current position.</summary>
    public void Save(Stream stream)
    {
        var (file, records, offsets) = Prepare();
        file.Save(stream, WriteOptions);
        Commit(file, records, offsets);
    }

    /// <summary>Saves the DICOMDIR atomically without blocking the caller.</summary>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default) =>
        Task.Run(() => Save(path), cancellationToken);

    /// <summary>Builds the file to write: the records depth first, link offsets measured on a first encoding and then filled in.</summary>
    private (DicomFile File, List<DicomDirectoryRecord> Records, long[] Offsets) Prepare()
    {
        var records = AllRecords.ToList();
        var ds = new DicomDataset(Dataset.Where(i => i.Tag != DicomTag.DirectoryRecordSequence && !i.Tag.IsGroupLength));
        if (!ds.Contains(DicomTag.FileSetID)) ds.Add(new DicomElement(DicomTag.FileSetID, DicomVR.CS, DicomBuffer.Empty));
        ds.AddOrUpdate(DicomVR.US, DicomTag.FileSetConsistencyFlag, (ushort)0);
        ds.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, 0u);
        ds.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, 0u);
        foreach (var r in records)
        {
            var rec = r.Dataset;
            rec.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfTheNextDirectoryRecord, 0u);
            if (!rec.Contains(DicomTag.RecordInUseFlag)) rec.AddOrUpdate(DicomVR.US, DicomTag.RecordInUseFlag, (ushort)0xFFFF);
            rec.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfReferencedLowerLevelDirectoryEntity, 0u);
        }
        ds.AddOrUpdate(new DicomSequence(DicomTag.DirectoryRecordSequence, records.Select(r => r.Dataset)));

        var meta = new DicomDataset(File.FileMetaInfo.Where(i => i.Tag.Group == 0x0002 && !i.Tag.IsGroupLength));
        meta.AddOrUpdate(DicomVR.UI, DicomTag.MediaStorageSOPClassUID, MediaStorageDirectoryStorage);
        if (TextOf(meta, DicomTag.MediaStorageSOPInstanceUID) is null)
            meta.AddOrUpdate(DicomVR.UI, DicomTag.MediaStorageSOPInstanceUID, DicomUid.Generate().Value);
        var file = new DicomFile(ds, meta);

        // Every offset element is a 4-byte UL, so filling them in does not move anything measured here.
        var offsets = MeasureItemOffsets(file, records.Count);
        var index = new Dictionary<DicomDirectoryRecord, int>(records.Count);
        for (int i = 0; i < records.Count; i++) index[records[i]] = i;
        long OffsetOf(DicomDirectoryRecord? r) => r is null ? 0 : offsets[index[r]];
        if (_roots.Count > 0)
        {
            ds.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, Offset32(OffsetOf(_roots[0])));
            ds.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, Offset32(OffsetOf(_roots[^1])));
        }
        foreach (var level in records.Select(r => r.Children).Prepend(_roots))
        {
            for (int i = 0; i < level.Count; i++)
                level[i].Dataset.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfTheNextDirectoryRecord, Offset32(OffsetOf(i + 1 < level.Count ? level[i + 1] : null)));
        }
        foreach (var r in records)
        {
            r.Dataset.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfReferencedLowerLevelDirectoryEntity,
                Offset32(OffsetOf(r.Children.Count > 0 ? r.Children[0] : null)));
        }
        return (file, records, offsets);
    }

    /// <summary>Encodes the file once and reads it back to learn where each record's item tag lands.</summary>
    private static long[] MeasureItemOffsets(DicomFile file, int count)
    {
        using var buffer = new MemoryStream();
        file.Save(buffer, WriteOptions);
        buffer.Position = 0;
        var items = DicomFile.Open(buffer).Dataset.GetSequence(DicomTag.DirectoryRecordSequence);
        if (items.Count != count || items.Any(i => i.SourceOffset is null))
            throw new InvalidOperationException($"the DICOMDIR's {count} records read back as {items.Count}; offsets cannot be computed.");
        return [.. items.Select(i => i.SourceOffset!.Value)];
    }

    private void Commit(DicomFile file, List<DicomDirectoryRecord> records, long[] offsets)
    {
        File = file;
        for (int i = 0; i < records.Count; i++) records[i].Offset = offsets[i];
    }

    private DicomDirectoryRecord NewRecord(string type, DicomDataset source, (DicomTag Tag, DicomVR VR, bool Type1)[] keys, DicomDirectoryRecord? parent)
    {
        var rec = new DicomDataset();
        rec.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfTheNextDirectoryRecord, 0u);
        rec.AddOrUpdate(DicomVR.US, DicomTag.RecordInUseFlag, (ushort)0xFFFF);
        rec.AddOrUpdate(DicomVR.UL, DicomTag.OffsetOfReferencedLowerLevelDirectoryEntity, 0u);
        rec.AddOrUpdate(DicomVR.CS, DicomTag.DirectoryRecordType, type);
        bool needsCharacterSet = false;
        foreach (var (tag, vr, _) in keys)
        {
            if (source.TryGetElement(tag, out var e))
            {
                rec.AddOrUpdate(e);
                needsCharacterSet |= e.VR.UsesSpecificCharacterSet && e.Length > 0;
            }
            else rec.AddOrUpdate(new DicomElement(tag, vr, DicomBuffer.Empty));
        }
        // PS3.3 F.3.2.2: Specific Character Set is Type 1C, needed when a key uses another repertoire than the default.
        if (needsCharacterSet && source.TryGetElement(DicomTag.SpecificCharacterSet, out var cs) && cs.Length > 0) rec.AddOrUpdate(cs);
        var record = new DicomDirectoryRecord(rec, this, null) { Parent = parent };
        (parent?.ChildList ?? _roots).Add(record);
        return record;
    }

    private void EnsureIndexes()
    {
        if (_indexedFileIds is not null && _indexedInstances is not null) return;
        _indexedFileIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        _indexedInstances = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in AllRecords)
        {
            if (r.ReferencedFileId is { Length: > 0 } id) _indexedFileIds.Add(string.Join('\\', id));
            if (r.ReferencedSopInstanceUid is { } uid) _indexedInstances.Add(uid);
        }
    }

    private static void Missing(DicomDataset ds, (DicomTag Tag, DicomVR VR, bool Type1)[] keys, string recordType, List<string> missing)
    {
        foreach (var (tag, _, type1) in keys)
            if (type1 && TextOf(ds, tag) is null) missing.Add($"{Keyword(tag)} {tag} for the {recordType} record");
    }

    private static string Keyword(DicomTag tag) => DicomDictionary.Standard.Lookup(tag)?.Keyword ?? "";

    private static string? TextOf(DicomDataset ds, DicomTag tag) =>
        ds.TryGetString(tag, out var s) && s.Trim() is { Length: > 0 } t ? t : null;

    private static uint Offset32(long offset) =>
        offset <= uint.MaxValue ? (uint)offset : throw new DicomException($"the DICOMDIR is larger than 4 GiB; record offset {offset} does not fit in (0004,1400) UL (PS3.3 F.3.2.2).");
}
