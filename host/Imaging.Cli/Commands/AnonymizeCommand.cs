using System.CommandLine;
using Imaging.Cli.Anonymize;
using Imaging.Cli.Collection;
using Imaging.Cli.Plugins;
using Imaging.Sdk.Capabilities;
using Spectre.Console;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging anonymize IN OUT`: de-identifies a DICOM file or folder (recursively) into a new folder through the host's
/// anonymizer capability (PS3.15 Annex E, profile <c>basic</c> by default, plugin imaging.anonymizer).
/// <list type="bullet">
/// <item>OUT must be new or empty and neither inside IN nor holding it. Outputs are named
/// <c>OUT/StudyUID/SeriesUID/SOPInstanceUID.dcm</c> from the anonymized data set: input names never reach OUT.</item>
/// <item>Pseudonyms are keyed by <c>--secret-file</c>; without it a random secret is used (with a warning), so two runs
/// give different UIDs, IDs and date shifts, like MATLAB's <c>dicomanon</c>.</item>
/// <item>Files run in parallel (<c>--jobs</c>); each output is written to a hidden temporary file and renamed into place,
/// never over an existing file. Ctrl+C removes the temporary files; outputs completed before it stay, and no report
/// or map is written.</item>
/// <item>Exit 0 when every file was written, 1 when some were skipped (unreadable, not DICOM, refused by the
/// anonymizer, e.g. burned-in annotation), 2 for bad arguments or no anonymizer, 130 when cancelled.</item>
/// <item><c>--map-out</c> and <c>--report</c> hold original identifiers (PHI): they are refused inside OUT and never overwrite.</item>
/// </list>
/// </summary>
internal static class AnonymizeCommand
{
    private const int ProgressThreshold = 2;

    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("IN") { Description = "A DICOM file, or a folder searched recursively (hidden files skipped)." };
        var output = new Argument<string>("OUT") { Description = "A new (or empty) folder for the anonymized files, named by their new Study/Series/SOP Instance UIDs." };
        var profile = new Option<string>("--profile") { Description = "The de-identification profile (PS3.15 Annex E).", DefaultValueFactory = _ => "basic" };
        var options = new Option<string[]>("--option") { Description = "A profile option (repeatable), e.g. retain-uids, retain-device-identity, retain-patient-characteristics.", Arity = ArgumentArity.ZeroOrMore };
        var secretFile = new Option<string>("--secret-file") { Description = "A file whose bytes key the pseudonyms: the same secret gives the same UIDs, IDs and date shift on every run. Without it a random secret is used." };
        var mapIn = new Option<string>("--map") { Description = "A CSV mapping table (header PatientID,Pseudonym, one patient a line; like dicomanon's update argument): listed patients get that Patient ID." };
        var mapOut = new Option<string>("--map-out") { Description = "Write a CSV of original → replacement Patient ID and Study/Series/SOP Instance UIDs (holds PHI; never overwrites; not inside OUT)." };
        var shiftDays = new Option<int?>("--date-shift-days") { Description = "Shift every date by this many days (keeps intervals)." };
        var shiftFromSecret = new Option<bool>("--date-shift-from-secret") { Description = "Shift dates by a per-patient number of days derived from the secret." };
        var allowBurnedIn = new Option<bool>("--allow-burned-in") { Description = "Anonymize images that may carry burned-in text (Burned In Annotation YES, US/SC/XA) instead of refusing them." };
        var report = new Option<string>("--report") { Description = "Write a JSON report: per input file its output and action counts, or why it was skipped (holds input paths; never overwrites; not inside OUT)." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files anonymized at once (default: the number of processors).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var anonymizerName = new Option<string>("--anonymizer") { Description = "The anonymizer capability to use by name, when several plugins offer the profile." };
        var paths = HostFactory.PluginPathOption();
        var cmd = new Command("anonymize", "De-identify DICOM files (PS3.15 Annex E) into a new folder, in parallel, with a summary per action code.")
        {
            input, output, profile, options, secretFile, mapIn, mapOut, shiftDays, shiftFromSecret, allowBurnedIn, report, jobs, anonymizerName, paths,
        };
        cmd.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            var request = new Arguments(source, target, parse.GetValue(profile)!, parse.GetValue(options) ?? [], parse.GetValue(secretFile), parse.GetValue(mapIn),
                parse.GetValue(mapOut), parse.GetValue(shiftDays), parse.GetValue(shiftFromSecret), parse.GetValue(allowBurnedIn), parse.GetValue(report),
                parse.GetValue(jobs), parse.GetValue(anonymizerName), parse.GetValue(paths) ?? []);
            try
            {
                return await RunAsync(request, stdout, stderr, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                OutputLayout.RemoveTemporaryFiles(target);
                int kept = Directory.Exists(target) ? Directory.EnumerateFiles(target, "*.dcm", SearchOption.AllDirectories).Count() : 0;
                stderr.WriteLine($"imaging: cancelled; {kept} file{(kept == 1 ? "" : "s")} anonymized before it stay in {target} (no report or map written)");
                return 130;
            }
            catch (Exception ex)
            {
                OutputLayout.RemoveTemporaryFiles(target);
                return Failure.Report(ex, source, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }

    private sealed record Arguments(string Input, string Output, string Profile, string[] Options, string? SecretFile, string? Map, string? MapOut,
        int? ShiftDays, bool ShiftFromSecret, bool AllowBurnedIn, string? Report, int Jobs, string? Anonymizer, string[] PluginPaths);

    private static async Task<int> RunAsync(Arguments a, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (Check(a) is { } problem)
        {
            stderr.WriteLine($"imaging: {problem}");
            return Program.BadInput;
        }
        var secret = SecretSource.Read(a.SecretFile, out var secretProblem);
        if (secret is null)
        {
            stderr.WriteLine($"imaging: {secretProblem}");
            return Program.BadInput;
        }
        var inputs = Inputs(a.Input, out var unreadableFolders);
        if (inputs.Count == 0 && unreadableFolders.Count == 0)
        {
            stderr.WriteLine($"imaging: {a.Input}: no files to anonymize");
            return Program.BadInput;
        }

        using var host = HostFactory.Start(a.PluginPaths);
        var anonymizer = AnonymizerChoice.Find(host.GetRegistry<IAnonymizer>(), a.Profile, a.Anonymizer, out var choiceProblem);
        if (anonymizer is null)
        {
            stderr.WriteLine($"imaging: anonymize: {choiceProblem}");
            return Program.BadInput;
        }
        if (a.SecretFile is null)
            stderr.WriteLine("imaging: warning: no --secret-file, so a random secret keys the pseudonyms: UIDs, IDs and date shifts of this run cannot be reproduced or matched by a later run");
        var request = new AnonymizationRequest(a.Profile) { Options = a.Options, Settings = Settings(a, secret) };
        if (await AnonymizerChoice.RequestProblemAsync(anonymizer, request, ct).ConfigureAwait(false) is { } requestProblem)
        {
            stderr.WriteLine($"imaging: anonymize: {requestProblem}");
            return Program.BadInput;
        }

        Directory.CreateDirectory(a.Output);
        var map = new PseudonymMap();
        var run = new AnonymizeRun(anonymizer, request, Path.GetFullPath(a.Output), map);
        var results = new List<FileResult>(unreadableFolders);
        results.AddRange(await WithProgressAsync(inputs.Count, stderr, done => run.RunAsync(inputs, a.Jobs, done, ct)).ConfigureAwait(false));
        results.Sort((x, y) => string.CompareOrdinal(x.Input, y.Input));

        foreach (var skipped in results.Where(r => !r.Written))
            stderr.WriteLine($"imaging: {Shown(a.Input, skipped.Input)}: skipped: {skipped.SkipReason}");
        if (!a.AllowBurnedIn && results.Any(r => r.SkipReason?.Contains("burned-in", StringComparison.OrdinalIgnoreCase) == true))
            stderr.WriteLine("imaging: some images were refused for possible burned-in text; check their pixels, then rerun those with --allow-burned-in");
        foreach (var inconsistent in map.Inconsistent())
            stderr.WriteLine($"imaging: warning: the anonymizer gave {inconsistent} more than one replacement");
        if (a.MapOut is not null) map.Write(a.MapOut);
        if (a.Report is not null) RunReport.WriteJson(a.Report, a.Input, a.Output, anonymizer.Name, a.Profile, a.Options, results);
        RunReport.WriteSummary(a.Output, results, anonymizer.Name, a.Profile, stdout);
        return results.All(r => r.Written) ? 0 : 1;
    }

    /// <summary>The argument problems found before anything is read or loaded, or null.</summary>
    private static string? Check(Arguments a)
    {
        if (AnonymizePaths.Problem(a.Input, a.Output) is { } problem) return problem;
        if (a.Jobs < 1) return $"--jobs {a.Jobs}: at least 1";
        if (a.ShiftDays is not null && a.ShiftFromSecret) return "--date-shift-days and --date-shift-from-secret: give one or the other";
        if (a.Map is not null && !File.Exists(a.Map)) return $"{a.Map}: no such mapping table";
        foreach (var (name, path) in new[] { ("--map-out", a.MapOut), ("--report", a.Report) })
        {
            if (path is null) continue;
            if (File.Exists(path) || Directory.Exists(path)) return $"{path}: already exists; {name} never overwrites";
            if (AnonymizePaths.IsInside(AnonymizePaths.Real(path), AnonymizePaths.Real(a.Output)))
                return $"{path}: {name} holds original identifiers; write it outside OUT, which is meant to hold de-identified data only";
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is null || !Directory.Exists(folder)) return $"{path}: no such folder for {name}";
        }
        return null;
    }

    /// <summary>
    /// AnonymizationRequest.Settings with the keys the imaging.anonymizer plugin reads. The secret goes as hex, which the
    /// plugin reads unambiguously (it tries hex before base64).
    /// </summary>
    private static Dictionary<string, string> Settings(Arguments a, byte[] secret)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["secret"] = Convert.ToHexString(secret) };
        if (a.Map is not null) settings["map"] = Path.GetFullPath(a.Map);
        if (a.ShiftDays is { } days) settings["date-shift-days"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (a.ShiftFromSecret) settings["date-shift-from-secret"] = "true";
        if (a.AllowBurnedIn) settings["allow-burned-in"] = "true";
        return settings;
    }

    private static List<AnonymizeRun.Input> Inputs(string source, out List<FileResult> unreadableFolders)
    {
        unreadableFolders = [];
        if (File.Exists(source)) return [new AnonymizeRun.Input(source, Path.GetFileName(source))];
        var walk = FolderWalker.Walk(source);
        foreach (var problem in walk.Problems)
            unreadableFolders.Add(FileResult.Skipped(Path.GetRelativePath(source, problem.Path), "unreadable: " + problem.Reason));
        return [.. walk.Files.Select(f => new AnonymizeRun.Input(f, Path.GetRelativePath(source, f)))];
    }

    private static string Shown(string source, string relative) => File.Exists(source) ? source : Path.Join(source, relative);

    private static async Task<IReadOnlyList<FileResult>> WithProgressAsync(int count, TextWriter stderr, Func<Action?, Task<IReadOnlyList<FileResult>>> work)
    {
        if (!Terminal.IsStderr(stderr) || count < ProgressThreshold) return await work(null).ConfigureAwait(false);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        IReadOnlyList<FileResult> results = [];
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Anonymizing {count} files", maxValue: count);
                results = await work(() => task.Increment(1)).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return results;
    }
}
