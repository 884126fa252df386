using Imaging.Cli.Collection;
using Imaging.Dicom;
using Imaging.Dicom.IO;

namespace Imaging.Cli.PhiScan;

/// <summary>
/// Scans every file under a folder for residual PHI (issue 7, after PS3.15 Annex E de-identification), in parallel (one
/// reader per processor). Whole files are read, leniently, with values longer than 64 KiB (Pixel Data, big overlays)
/// left on disk. A file that is not DICOM, cannot be opened or ends early is a finding of its own ("unreadable"); what
/// could be read of a cut file is still scanned. Hidden files and folders are skipped, like `imaging collection`.
/// </summary>
internal static class PhiScanner
{
    private static readonly FileReadOptions ReadOptions = new() { DeferValuesLongerThan = 64 * 1024 };

    /// <summary>Reads the identifiers of the originals under <paramref name="sourceRoot"/> (--source).</summary>
    public static async Task<SourceIdentifiers> CollectSourceAsync(string sourceRoot, CancellationToken cancellationToken)
    {
        var walk = FolderWalker.Walk(sourceRoot, cancellationToken, includeHidden: true);
        var datasets = new DicomDataset?[walk.Files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        var source = new SourceIdentifiers();
        await Parallel.ForEachAsync(Enumerable.Range(0, walk.Files.Count), parallel, (i, _) =>
        {
            try
            {
                datasets[i] = DicomFile.Open(walk.Files[i], ReadOptions with { StopBeforePixelData = true }).Dataset;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                datasets[i] = null;
            }
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        for (int i = 0; i < datasets.Length; i++)
        {
            if (datasets[i] is { } ds) source.Add(ds);
            else source.Unreadable.Add(walk.Files[i]);
        }
        return source;
    }

    /// <summary>Scans <paramref name="root"/>; <paramref name="fileDone"/> is called (from any thread) after each file.</summary>
    public static async Task<PhiReport> ScanAsync(string root, SourceIdentifiers? source, DateWindow? dates, string? sourceRoot,
        Action? fileDone, CancellationToken cancellationToken)
    {
        var walk = FolderWalker.Walk(root, cancellationToken, includeHidden: true);
        return await ScanAsync(root, walk, source, dates, sourceRoot, fileDone, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scans the files a walk found.</summary>
    public static async Task<PhiReport> ScanAsync(string root, FolderWalker.Result walk, SourceIdentifiers? source, DateWindow? dates,
        string? sourceRoot, Action? fileDone, CancellationToken cancellationToken)
    {
        var inspector = new DatasetInspector(source, dates);
        var perFile = new List<PhiFinding>[walk.Files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, walk.Files.Count), parallel, (i, _) =>
        {
            perFile[i] = ScanFile(root, walk.Files[i], inspector);
            fileDone?.Invoke();
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        var findings = walk.Problems
            .Select(p => Unreadable(Relative(root, p.Path), p.Reason))
            .Concat(perFile.SelectMany(f => f))
            .OrderBy(f => f.File, StringComparer.Ordinal) // stable: keeps each file's findings in element order
            .ToList();
        return new PhiReport(root, sourceRoot, walk.Files.Count, findings);
    }

    private static List<PhiFinding> ScanFile(string root, string path, DatasetInspector inspector)
    {
        var relative = Relative(root, path);
        var findings = new List<PhiFinding>();
        DicomFile file;
        try
        {
            file = DicomFile.Open(path, ReadOptions);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            findings.Add(Unreadable(relative, HeaderReader.Reason(ex, path)));
            return findings;
        }
        if (file.IsPartial)
        {
            var warning = file.Warnings.FirstOrDefault(w => w.Message.Contains("input ends", StringComparison.Ordinal));
            findings.Add(Unreadable(relative, "truncated" + (warning is null ? "" : ": " + warning.Message.ReplaceLineEndings(" "))));
        }
        try
        {
            inspector.Inspect(file, relative, findings);
        }
        catch (Exception ex) when (ex is DicomException or IOException or UnauthorizedAccessException)
        {
            findings.Add(Unreadable(relative, HeaderReader.Reason(ex, path)));
        }
        return findings;
    }

    private static PhiFinding Unreadable(string relative, string reason) =>
        new(relative, "", "", "", "", PhiRule.Unreadable, "", reason);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
