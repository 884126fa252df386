using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Imaging.Sdk.Testing;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging sample DIR`: writes a synthetic phantom study (a CT and an MR series with real geometry, PS3.3 C.7.6.2) as
/// Part 10 files, for demos and tests. It writes over a previous sample, but not into a folder holding other files unless --force.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("DIR") { Description = "The folder to write into (created if missing): DIR/CT/IMG0001.dcm, DIR/MR/..." };
        var ct = Count("--ct", "Slices in the CT series (0 for none).", 24);
        var mr = Count("--mr", "Slices in the MR series (0 for none).", 12);
        var size = new Option<int>("--size") { Description = "Rows and columns of every slice (8 to 2048).", DefaultValueFactory = _ => 128 };
        size.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 8 or > 2048) r.AddError("--size must be between 8 and 2048.");
        });
        var rich = new Option<bool>("--rich") { Description = "Rich headers as scanners write them (sequences, private tags, long text)." };
        var force = new Option<bool>("--force") { Description = "Write even when DIR holds files that are not a previous sample (they are left alone)." };
        var cmd = new Command("sample", "Write a synthetic CT + MR phantom study with known geometry.") { dir, ct, mr, size, rich, force };
        cmd.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            try
            {
                if (File.Exists(folder))
                {
                    stderr.WriteLine($"imaging: {folder}: is a file, not a directory");
                    return Program.BadInput;
                }
                var options = new SyntheticStudyOptions
                {
                    CtSlices = parse.GetValue(ct),
                    MrSlices = parse.GetValue(mr),
                    Size = parse.GetValue(size),
                    RichHeaders = parse.GetValue(rich),
                };
                if (options.CtSlices + options.MrSlices == 0)
                {
                    stderr.WriteLine("imaging: nothing to write: --ct and --mr are both 0");
                    return Program.BadInput;
                }
                if (Directory.Exists(folder) && !PrepareFolder(folder, parse.GetValue(force), stderr)) return Program.BadInput;

                var clock = Stopwatch.StartNew();
                var paths = SyntheticStudy.WriteTo(folder, options);
                clock.Stop();
                Report(folder, options, paths, clock.Elapsed, stdout);
                return 0;
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, folder, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }

    private static Option<int> Count(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 10_000) r.AddError($"{name} must be between 0 and 10000.");
        });
        return option;
    }

    /// <summary>
    /// Removes a previous sample's files (so a smaller sample does not leave stale slices in its series) once it is sure
    /// the folder holds nothing else, or --force says to write anyway. False (and a message) when it refuses.
    /// </summary>
    private static bool PrepareFolder(string folder, bool force, TextWriter stderr)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        var others = files.Where(f => !SyntheticStudy.IsWrittenFile(folder, f)).Order(StringComparer.Ordinal).ToList();
        if (others.Count > 0 && !force)
        {
            stderr.WriteLine($"imaging: {folder} is not empty: it holds {others.Count} file{(others.Count == 1 ? "" : "s")} that {(others.Count == 1 ? "is" : "are")} not from `imaging sample` (e.g. {others[0]}); use --force to write anyway");
            return false;
        }
        foreach (var f in files.Where(f => SyntheticStudy.IsWrittenFile(folder, f))) File.Delete(f);
        foreach (var sub in new[] { "CT", "MR" })
        {
            var path = Path.Combine(folder, sub);
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any()) Directory.Delete(path);
        }
        return true;
    }

    private static void Report(string folder, SyntheticStudyOptions options, IReadOnlyList<string> paths, TimeSpan elapsed, TextWriter stdout)
    {
        long bytes = paths.Sum(p => new FileInfo(p).Length);
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"Wrote a synthetic study to {folder}: {paths.Count} files, {bytes / 1048576.0:0.0} MB in {elapsed.TotalSeconds:0.00} s"));
        foreach (var group in paths.GroupBy(p => Path.GetDirectoryName(p) ?? folder))
        {
            var modality = Path.GetFileName(group.Key);
            stdout.WriteLine(string.Create(inv, $"  {modality}  {group.Key}  {group.Count()} slices of {options.Size}x{options.Size}, {SyntheticStudy.PixelSpacing} mm pixels, {SyntheticStudy.SliceSpacing} mm apart"));
        }
        stdout.WriteLine($"  patient {options.PatientName} ({options.PatientId}), {(options.RichHeaders ? "rich" : "plain")} headers, {options.TransferSyntax.Name}");
    }
}
