using System.CommandLine;
using Imaging.Cli.Collection;
using Spectre.Console;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging collection DIR`: like MATLAB's dicomCollection, one row per series found under a folder tree (headers only,
/// read in parallel), with the files that are not DICOM or could not be read listed apart with the reason.
/// </summary>
internal static class CollectionCommand
{
    /// <summary>Above this many files a progress bar is shown (on a terminal's stderr only).</summary>
    private const int ProgressThreshold = 200;

    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("DIR") { Description = "The folder to scan (sub-folders included; hidden ones skipped)." };
        var format = new Option<string>("--format", "-f") { Description = "table (for people), json or csv (for machines).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to this file (atomically) instead of stdout." };
        var cmd = new Command("collection", "Summarise the DICOM files under a folder: one row per series (patient, study, modality, instances, frames, size, transfer syntax).")
        {
            dir, format, output,
        };
        cmd.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetValue(dir)!;
            var outPath = parse.GetValue(output);
            bool isVerbose = parse.GetValue(verbose);
            try
            {
                if (!Directory.Exists(root))
                {
                    stderr.WriteLine(File.Exists(root) ? $"imaging: {root}: not a directory" : $"imaging: {root}: no such directory");
                    return Program.BadInput;
                }
                var collection = await Scan(root, stderr, cancellationToken).ConfigureAwait(false);
                var kind = parse.GetValue(format)!;
                if (outPath is not null)
                {
                    AtomicFile.WriteText(outPath, w => Write(collection, kind, w, rich: false));
                    stderr.WriteLine($"imaging: wrote {collection.Summary()} to {outPath}");
                }
                else
                {
                    Write(collection, kind, stdout, rich: Terminal.IsStdout(stdout));
                }
                if (kind == "csv" || outPath is not null)
                {
                    foreach (var u in collection.Unreadable) stderr.WriteLine($"imaging: unreadable: {u.Path}: {u.Reason}");
                }
                if (isVerbose)
                {
                    foreach (var u in collection.Unreadable.Where(u => u.Exception is not null)) stderr.WriteLine($"{u.Path}: {u.Exception}");
                }
                return 0;
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

    private static async Task<DicomCollection> Scan(string root, TextWriter stderr, CancellationToken cancellationToken)
    {
        var walk = FolderWalker.Walk(root, cancellationToken);
        if (!Terminal.IsStderr(stderr) || walk.Files.Count < ProgressThreshold)
            return await CollectionScanner.ReadAsync(root, walk, null, cancellationToken).ConfigureAwait(false);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        DicomCollection? result = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Reading {walk.Files.Count} headers", maxValue: walk.Files.Count);
                result = await CollectionScanner.ReadAsync(root, walk, () => task.Increment(1), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    private static void Write(DicomCollection collection, string format, TextWriter writer, bool rich)
    {
        switch (format)
        {
            case "json": JsonReport.Write(collection, writer); break;
            case "csv": CsvReport.Write(collection, writer); break;
            default:
                if (rich) TableReport.WriteRich(collection, writer);
                else TableReport.WritePlain(collection, writer);
                break;
        }
    }
}
