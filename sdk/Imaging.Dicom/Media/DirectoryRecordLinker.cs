namespace Imaging.Dicom.Media;

/// <summary>
/// Builds the record hierarchy of a DICOMDIR from its byte-offset links (PS3.3 F.3.2.1, F.3.2.2): (0004,1200) names
/// the first root record, (0004,1400) the next record of the same entity, (0004,1420) the first record of the
/// lower-level entity; each is the offset of an item tag from the first byte of the file, 0 meaning none.
/// Lenient: when a link names no record or a record twice (a cycle), the hierarchy is rebuilt from the order of the
/// Directory Record Sequence instead, with a warning; every record is visited at most once, so it always ends.
/// </summary>
internal sealed class DirectoryRecordLinker(DicomDirectory owner, string? path, bool strict, List<DicomReadWarning> warnings)
{
    private static readonly HashSet<string> RootTypes =
        new(["PATIENT", "HANGING PROTOCOL", "PALETTE", "IMPLANT", "IMPLANT ASSY", "IMPLANT GROUP", "TOPIC"], StringComparer.Ordinal);

    /// <summary>The root records of <paramref name="dicomdir"/>; item offsets are taken relative to <paramref name="baseOffset"/> (where the file began in its stream).</summary>
    public List<DicomDirectoryRecord> Link(DicomDataset dicomdir, long baseOffset)
    {
        if (!dicomdir.TryGetSequence(DicomTag.DirectoryRecordSequence, out var sequence) || sequence.Count == 0) return [];
        var records = sequence.Select(d => new DicomDirectoryRecord(d, owner, d.SourceOffset - baseOffset)).ToList();

        var byOffset = new Dictionary<long, DicomDirectoryRecord>(records.Count);
        foreach (var r in records)
            if (r.Offset is { } o) byOffset.TryAdd(o, r);
        if (byOffset.Count != records.Count)
            return Fallback(records, null, "the records' byte offsets are unknown (deflated or unseekable input)");

        if (!TryOffset(dicomdir, DicomTag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, out var first))
            return Fallback(records, DicomTag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, "the offset of the first root record is missing");

        var roots = new List<DicomDirectoryRecord>();
        var visited = new HashSet<DicomDirectoryRecord>();
        if (TryLink(first, byOffset, roots, visited, out var problem, out var tag))
        {
            if (visited.Count < records.Count)
                Warn(records.First(r => !visited.Contains(r)).Offset ?? 0, DicomTag.DirectoryRecordSequence,
                    $"{records.Count - visited.Count} of {records.Count} directory records are not linked from the root directory entity and were left out");
            return roots;
        }
        foreach (var r in records)
        {
            r.Parent = null;
            r.ChildList.Clear();
        }
        return Fallback(records, tag, problem);
    }

    private static bool TryLink(long first, Dictionary<long, DicomDirectoryRecord> byOffset, List<DicomDirectoryRecord> roots,
        HashSet<DicomDirectoryRecord> visited, out string problem, out DicomTag tag)
    {
        var pending = new Queue<DicomDirectoryRecord>();
        if (first == 0)
        {
            (problem, tag) = ("the offset of the first root record is 0 but the Directory Record Sequence has records", DicomTag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity);
            return false;
        }
        if (!Chain(first, null, roots, byOffset, visited, pending, DicomTag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, out problem, out tag))
            return false;
        while (pending.Count > 0)
        {
            var r = pending.Dequeue();
            if (!TryOffset(r.Dataset, DicomTag.OffsetOfReferencedLowerLevelDirectoryEntity, out var lower) || lower == 0) continue;
            if (!Chain(lower, r, r.ChildList, byOffset, visited, pending, DicomTag.OffsetOfReferencedLowerLevelDirectoryEntity, out problem, out tag))
                return false;
        }
        return true;
    }

    /// <summary>Follows one entity's chain of next-record offsets from <paramref name="offset"/>.</summary>
    private static bool Chain(long offset, DicomDirectoryRecord? parent, List<DicomDirectoryRecord> into, Dictionary<long, DicomDirectoryRecord> byOffset,
        HashSet<DicomDirectoryRecord> visited, Queue<DicomDirectoryRecord> pending, DicomTag linkTag, out string problem, out DicomTag tag)
    {
        (problem, tag) = ("", linkTag);
        string from = parent is null ? "the root directory entity" : $"the {parent.RecordType} record at offset {parent.Offset}";
        while (offset != 0)
        {
            if (!byOffset.TryGetValue(offset, out var r))
            {
                problem = $"a link in {from} points to offset {offset}, where no directory record starts";
                return false;
            }
            if (!visited.Add(r))
            {
                problem = $"a link in {from} points to the record at offset {offset} a second time (a cycle)";
                return false;
            }
            r.Parent = parent;
            into.Add(r);
            pending.Enqueue(r);
            tag = DicomTag.OffsetOfTheNextDirectoryRecord;
            if (!TryOffset(r.Dataset, DicomTag.OffsetOfTheNextDirectoryRecord, out offset)) offset = 0;
        }
        return true;
    }

    /// <summary>Rebuilds the hierarchy from sequence order: PATIENT, STUDY and SERIES open levels; other records go under the innermost open one.</summary>
    private List<DicomDirectoryRecord> Fallback(List<DicomDirectoryRecord> records, DicomTag? tag, string problem)
    {
        Warn(records[0].Offset ?? 0, tag, $"{problem}; the record hierarchy was rebuilt from the order of the Directory Record Sequence");
        var roots = new List<DicomDirectoryRecord>();
        DicomDirectoryRecord? patient = null, study = null, series = null;
        foreach (var r in records)
        {
            var type = r.RecordType;
            DicomDirectoryRecord? parent;
            switch (type)
            {
                case "STUDY":
                    parent = patient;
                    study = r;
                    series = null;
                    break;
                case "SERIES":
                    parent = study ?? patient;
                    series = r;
                    break;
                default:
                    if (RootTypes.Contains(type))
                    {
                        parent = null;
                        patient = type == "PATIENT" ? r : null;
                        study = series = null;
                    }
                    else parent = series ?? study ?? patient;
                    break;
            }
            r.Parent = parent;
            (parent?.ChildList ?? roots).Add(r);
        }
        return roots;
    }

    private void Warn(long offset, DicomTag? tag, string message)
    {
        if (strict) throw new DicomFormatException(message, path, offset, tag);
        warnings.Add(new DicomReadWarning(offset, tag, message));
    }

    /// <summary>An offset element's value (UL; some writers use other binary VRs or UN); false when absent or empty.</summary>
    private static bool TryOffset(DicomDataset ds, DicomTag tag, out long offset)
    {
        offset = 0;
        if (!ds.TryGetElement(tag, out var e) || e.Length < 4) return false;
        offset = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(e.Buffer.Memory.Span);
        return true;
    }
}
