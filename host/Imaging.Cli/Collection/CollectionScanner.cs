namespace Imaging.Cli.Collection;

/// <summary>
/// Builds a <see cref="DicomCollection"/> (MATLAB's dicomCollection): walks a folder tree, reads every file's header in
/// parallel (one reader per processor), and groups the instances by study and series (PS3.3 C.7.2.1, C.7.3.1).
/// The rows come out in a fixed order whatever the order the reads finish in: patient, study date, study, series number, series.
/// </summary>
internal static class CollectionScanner
{
    /// <summary>Scans <paramref name="root"/>; <paramref name="fileDone"/> is called (from any thread) after each file.</summary>
    public static Task<DicomCollection> ScanAsync(string root, Action? fileDone = null, CancellationToken cancellationToken = default) =>
        ReadAsync(root, FolderWalker.Walk(root, cancellationToken), fileDone, cancellationToken);

    /// <summary>Reads the headers of the files a walk found, in parallel, and groups them.</summary>
    public static async Task<DicomCollection> ReadAsync(string root, FolderWalker.Result walk, Action? fileDone = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new FileOutcome[walk.Files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, walk.Files.Count), parallel, (i, _) =>
        {
            outcomes[i] = HeaderReader.Read(walk.Files[i]);
            fileDone?.Invoke();
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        var instances = outcomes.Where(o => o.Instance is not null).Select(o => o.Instance!).ToList();
        var unreadable = walk.Problems.Concat(outcomes.Where(o => o.Problem is not null).Select(o => o.Problem!))
            .OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        var dicomDirs = walk.Files.Where((_, i) => outcomes[i].IsDirectory).ToList();
        return new DicomCollection(root, walk.Files.Count, Group(instances), unreadable, dicomDirs);
    }

    /// <summary>One row per (study, series); the first instance by path gives the patient and series attributes.</summary>
    public static IReadOnlyList<SeriesRow> Group(IEnumerable<InstanceSummary> instances) =>
        instances
            .OrderBy(i => i.Path, StringComparer.Ordinal)
            .GroupBy(i => (i.StudyInstanceUid, i.SeriesInstanceUid))
            .Select(Row)
            .OrderBy(r => r.PatientId, StringComparer.Ordinal)
            .ThenBy(r => r.PatientName, StringComparer.Ordinal)
            .ThenBy(r => r.StudyDate, StringComparer.Ordinal)
            .ThenBy(r => r.StudyInstanceUid, StringComparer.Ordinal)
            .ThenBy(r => r.SeriesNumber ?? int.MaxValue)
            .ThenBy(r => r.SeriesInstanceUid, StringComparer.Ordinal)
            .ToList();

    private static SeriesRow Row(IEnumerable<InstanceSummary> group)
    {
        var list = group.ToList();
        var first = list[0];
        var sizes = list.Where(i => i.Rows > 0 || i.Columns > 0).Select(i => $"{i.Rows}x{i.Columns}").Distinct().ToList();
        var syntaxes = list.Select(i => new TransferSyntaxRef(i.TransferSyntaxUid, i.TransferSyntaxName)).Distinct().ToList();
        return new SeriesRow(
            first.PatientId,
            first.PatientName,
            first.StudyInstanceUid,
            first.StudyDate,
            first.SeriesInstanceUid,
            first.SeriesNumber,
            first.Modality,
            first.SeriesDescription,
            list.Count,
            list.Sum(i => (long)i.Frames),
            sizes,
            syntaxes,
            list.Select(i => i.Path).ToList());
    }
}
