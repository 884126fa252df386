using System.CommandLine;
using Imaging.Cli.Collection;
using Imaging.Cli.PhiScan;
using Spectre.Console;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging phi-scan DIR [--source ORIGINAL_DIR] [--format table|json] [--out report.json] [--date-range FROM:TO]`: the
/// residual-PHI report of issue 7 — scans every file under DIR (after PS3.15 Annex E de-identification) for anything that
/// still looks like PHI (rules: <see cref="PhiRule"/>). Exit 0 when clean, 1 when anything is found (unreadable files
/// included), 2 for bad arguments.
/// </summary>
internal static class PhiScanCommand
{
    /// <summary>Above this many files a progress bar is shown (on a terminal's stderr only).</summary>
    private const int ProgressThreshold = 200;

    /// <summary>Builds the command.</summary>
    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("DIR") { Description = "The de-identified folder to scan (sub-folders included; hidden ones skipped)." };
        var source = new Option<string?>("--source", "-s") { Description = "The original (identified) folder: its names, IDs, UIDs and dates are looked for in DIR." };
        var format = new Option<string>("--format", "-f") { Description = "table (for people) or json (for machines).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--out", "-o") { Description = "Also write the JSON report to this file (atomically)." };
        var dateRange = new Option<string?>("--date-range") { Description = "FROM:TO (YYYYMMDD, inclusive, either end may be empty): dates outside are reported." };
        var cmd = new Command("phi-scan", "Report anything under a de-identified folder that still looks like PHI (names, IDs, original UIDs and dates, free text, private tags, overlays). Exit 1 when anything is found.")
        {
            dir, source, format, output, dateRange,
        };
        cmd.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetValue(dir)!;
            var sourceRoot = parse.GetValue(source);
            var outPath = parse.GetValue(output);
            bool isVerbose = parse.GetValue(verbose);
            try
            {
                if (!Directory.Exists(root))
                {
                    stderr.WriteLine(File.Exists(root) ? $"imaging: {root}: not a directory" : $"imaging: {root}: no such directory");
                    return Program.BadInput;
                }
                if (sourceRoot is not null && !Directory.Exists(sourceRoot))
                {
                    stderr.WriteLine($"imaging: --source {sourceRoot}: no such directory");
                    return Program.BadInput;
                }
                DateWindow? window = null;
                if (parse.GetValue(dateRange) is { } rangeText && !DateWindow.TryParse(rangeText, out window, out var error))
                {
                    stderr.WriteLine($"imaging: {error}");
                    return Program.BadInput;
                }
                SourceIdentifiers? identifiers = null;
                if (sourceRoot is not null)
                {
                    identifiers = await PhiScanner.CollectSourceAsync(sourceRoot, cancellationToken).ConfigureAwait(false);
                    foreach (var u in identifiers.Unreadable) stderr.WriteLine($"imaging: --source: unreadable, ignored: {u}");
                    if (identifiers.Count == 0) stderr.WriteLine($"imaging: warning: no identifiers found under {sourceRoot}");
                }
                var report = await Scan(root, identifiers, window, sourceRoot, stderr, cancellationToken).ConfigureAwait(false);
                if (report.FilesScanned == 0) stderr.WriteLine($"imaging: warning: no files under {root}");
                if (outPath is not null)
                {
                    AtomicFile.WriteText(outPath, w => PhiReportWriter.WriteJson(report, w));
                    stderr.WriteLine($"imaging: wrote the report to {outPath}");
                }
                if (parse.GetValue(format) == "json") PhiReportWriter.WriteJson(report, stdout);
                else PhiReportWriter.WriteTable(report, stdout);
                return report.IsClean ? 0 : 1;
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("imaging: cancelled");
                return 130;
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, outPath ?? root, isVerbose, stderr);
            }
        });
        return cmd;
    }

    private static async Task<PhiReport> Scan(string root, SourceIdentifiers? source, DateWindow? window, string? sourceRoot, TextWriter stderr, CancellationToken ct)
    {
        var walk = FolderWalker.Walk(root, ct, includeHidden: true);
        if (!Terminal.IsStderr(stderr) || walk.Files.Count < ProgressThreshold)
            return await PhiScanner.ScanAsync(root, walk, source, window, sourceRoot, null, ct).ConfigureAwait(false);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        PhiReport? result = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Scanning {walk.Files.Count} files", maxValue: walk.Files.Count);
                result = await PhiScanner.ScanAsync(root, walk, source, window, sourceRoot, () => task.Increment(1), ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }
}
