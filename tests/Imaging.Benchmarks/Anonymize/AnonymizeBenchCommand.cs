using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Imaging.Benchmarks.Compare;
using Imaging.Sdk.Testing;

namespace Imaging.Benchmarks.Anonymize;

/// <summary>
/// `anonymize`: de-identify a CT series (default 300 slices of 512×512 int16 with rich headers: sequences, a private
/// block, long text; generated once with <see cref="SyntheticStudy"/>) with the PS3.15 basic profile — ours through
/// `imaging anonymize` (in-process <c>Program.Run</c>, and as a whole process), pydicom applying the same Table E.1-1
/// through <c>Dataset.walk</c> (Scripts/pydicom_anonymize.py) and dcmtk <c>dcmodify</c> erasing the table's X attributes
/// and all private data in place — in one run, lines taking turns, warm page cache; files/s from the median.
/// </summary>
internal static partial class AnonymizeBenchCommand
{
    public static int Run(string[] args, TextWriter log)
    {
        var inv = CultureInfo.InvariantCulture;
        int runs = 5, slices = 300, size = 512;
        string corpus = Path.Combine(Path.GetTempPath(), "imaging-bench-anonymize");
        string? table = null;
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--runs") runs = int.Parse(args[++i], inv);
            else if (args[i] == "--slices") slices = int.Parse(args[++i], inv);
            else if (args[i] == "--size") size = int.Parse(args[++i], inv);
            else if (args[i] == "--corpus") corpus = Path.GetFullPath(args[++i]);
            else if (args[i] == "--table") table = Path.GetFullPath(args[++i]);
        }
        table ??= FindTable();
        var paths = Corpus(corpus, slices, size, log);
        var input = Path.Combine(corpus, "CT");
        long bytes = paths.Sum(p => new FileInfo(p).Length);
        var list = Path.Combine(corpus, "files.txt");
        File.WriteAllLines(list, paths);
        var secretFile = Path.Combine(corpus, "secret.key");
        if (!File.Exists(secretFile)) File.WriteAllBytes(secretFile, RandomNumberGenerator.GetBytes(32));
        var secretHex = Convert.ToHexString(File.ReadAllBytes(secretFile));
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "pydicom_anonymize.py");
        var imagingDll = Path.Combine(AppContext.BaseDirectory, "imaging.dll");
        var scratch = Path.Combine(corpus, "scratch");
        var xTags = XTags(table);
        log.WriteLine($"load average before: {MachineInfo.LoadText()} on {Environment.ProcessorCount} processors; {paths.Count} files, {bytes / 1e6:F1} MB in {corpus}; {xTags.Count} X attributes for dcmodify");

        // Warm-up and checks: page cache, JIT, Python's imports; every tool must write every file.
        var check = Ours(input, Fresh(scratch, "us"), secretFile);
        log.WriteLine($"check: ours {check.Summary}");
        var py = Pydicom(script, table, list, Fresh(scratch, "py"), secretHex);
        log.WriteLine($"check: pydicom wrote {Directory.GetFiles(Path.Combine(scratch, "py")).Length} files, actions {py.Actions}");
        var dm = Dcmodify(xTags, CopyCorpus(paths, Fresh(scratch, "dcmodify")));
        log.WriteLine($"check: dcmodify exit {dm.ExitCode}");

        var us = new List<double>();
        var usOne = new List<double>();
        var usWhole = new List<double>();
        var pyIn = new List<double>();
        var pyWhole = new List<double>();
        var dcmodify = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            GC.Collect();
            us.Add(Ours(input, Fresh(scratch, "us"), secretFile).Seconds);
            usOne.Add(Ours(paths[0], Fresh(scratch, "us-one"), secretFile).Seconds);
            var whole = ProcessRun.Run("dotnet", [imagingDll, "anonymize", input, Fresh(scratch, "us-process"), "--secret-file", secretFile], discardStdout: true);
            if (whole.ExitCode != 0) throw new InvalidOperationException($"imaging anonymize (process) failed: {whole.Stderr}");
            usWhole.Add(whole.Seconds);
            var p = Pydicom(script, table, list, Fresh(scratch, "py"), secretHex);
            pyIn.Add(p.Seconds);
            pyWhole.Add(p.Whole);
            var copies = CopyCorpus(paths, Fresh(scratch, "dcmodify"));
            dcmodify.Add(Dcmodify(xTags, copies).Seconds);
        }
        Directory.Delete(scratch, recursive: true);

        double m(List<double> x) => TimingRow.Median(x);
        string fps(List<double> x) => (paths.Count / m(x)).ToString("F0", inv);
        var ms = (List<double> x) => x.Select(s => s * 1000).ToList();
        var lines = new List<string>
        {
            $"Anonymize (PS3.15 basic profile): {paths.Count} CT slices of {size}×{size} int16, rich headers ({bytes / 1e6:F1} MB), median of {runs} runs, warm page cache, load average after: {MachineInfo.LoadText()}",
            "",
            "| what | median ms | best ms | files/s (median) | note |",
            "|---|---:|---:|---:|---|",
            Row("us: `imaging anonymize` in-process (`Program.Run`)", ms(us), fps(us), $"plugin host start, read, de-identify, write by new UIDs; --jobs {Environment.ProcessorCount}"),
            Row("us: the same on one file (fixed cost: host start, checks)", ms(usOne), "-", "plugin host start, the request probe, one file"),
            Row("us: `imaging anonymize` whole process", ms(usWhole), fps(usWhole), "plus .NET start-up"),
            Row("pydicom `Dataset.walk` (timed in Python)", ms(pyIn), fps(pyIn), "same Table E.1-1, dcmread + walk + save_as, one thread"),
            Row("pydicom (whole process)", ms(pyWhole), fps(pyWhole), "plus interpreter start and imports"),
            Row("dcmtk `dcmodify -ea` X attributes + `-ep`, in place", ms(dcmodify), fps(dcmodify), $"{xTags.Count} erase options, all files in one process; no D/Z/U (less work)"),
            "",
            string.Create(inv, $"- us / pydicom files/s = **{m(pyIn) / m(us):F1}×** timed in Python (goal ≥ 5×); whole processes {m(pyWhole) / m(usWhole):F1}×"),
            string.Create(inv, $"- marginal: (300 − 1 files) / (us − us on one file) = {(paths.Count - 1) / (m(us) - m(usOne)):F0} files/s = **{(paths.Count - 1) / (m(us) - m(usOne)) / (paths.Count / m(pyIn)):F1}×** pydicom's in-Python files/s"),
            string.Create(inv, $"- us / dcmodify files/s = **{m(dcmodify) / m(us):F1}×** (dcmodify erases only; it neither replaces UIDs nor writes dummies)"),
        };
        foreach (var l in lines) log.WriteLine(l);
        return 0;
    }

    private static string Row(string what, List<double> ms, string filesPerSecond, string note) =>
        string.Create(CultureInfo.InvariantCulture, $"| {what} | {TimingRow.Median(ms):0} | {ms.Min():0} | {filesPerSecond} | {note} |");

    private sealed record OursResult(double Seconds, string Summary);

    private static OursResult Ours(string input, string output, string secretFile)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var sw = Stopwatch.StartNew();
        int code = Imaging.Cli.Program.Run(["anonymize", input, output, "--secret-file", secretFile], stdout, stderr);
        sw.Stop();
        if (code != 0) throw new InvalidOperationException($"imaging anonymize failed (exit {code}): {stderr}");
        return new OursResult(sw.Elapsed.TotalSeconds, stdout.ToString().Replace('\n', ' ').Trim());
    }

    private sealed record PyResult(double Seconds, double Whole, string Actions);

    private static PyResult Pydicom(string script, string table, string list, string output, string secretHex)
    {
        var r = ProcessRun.Run("/usr/bin/python3", [script, table, list, output, secretHex], discardStdout: false);
        if (r.ExitCode != 0) throw new InvalidOperationException($"pydicom_anonymize.py failed: {r.Stderr}");
        using var doc = JsonDocument.Parse(r.Stdout);
        return new PyResult(doc.RootElement.GetProperty("seconds").GetDouble(), r.Seconds, doc.RootElement.GetProperty("actions").ToString());
    }

    private static ProcessRun.Result Dcmodify(IReadOnlyList<string> xTags, IReadOnlyList<string> files)
    {
        var args = new List<string> { "-nb", "-imt", "-ie", "-ep" };
        foreach (var tag in xTags) { args.Add("-ea"); args.Add(tag); }
        args.AddRange(files);
        var r = ProcessRun.Run("dcmodify", args, discardStdout: true);
        if (r.ExitCode != 0) throw new InvalidOperationException($"dcmodify failed (exit {r.ExitCode}): {r.Stderr[..Math.Min(2000, r.Stderr.Length)]}");
        return r;
    }

    /// <summary>
    /// The exact tags whose basic-profile action is X, outside groups 0000 (command) and 0002 (meta), which dcmodify refuses
    /// to erase; patterns such as (50xx,xxxx) cannot be given to dcmodify.
    /// </summary>
    private static List<string> XTags(string table)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(table));
        return [.. doc.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("basicProfile").GetString() == "X" && ExactTag().IsMatch(r.GetProperty("tag").GetString()!)
                && !r.GetProperty("tag").GetString()!.StartsWith("(0000,", StringComparison.Ordinal) && !r.GetProperty("tag").GetString()!.StartsWith("(0002,", StringComparison.Ordinal))
            .Select(r => r.GetProperty("tag").GetString()!)];
    }

    [GeneratedRegex(@"^\([0-9A-F]{4},[0-9A-F]{4}\)$")]
    private static partial Regex ExactTag();

    /// <summary>shared/dicom-standard beside the repository (found from the current folder, the program, or this source file).</summary>
    private static string FindTable([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) continue;
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "dicom-standard", "confidentiality_profile_attributes.json"));
                if (File.Exists(path)) return path;
            }
        }
        throw new ArgumentException("confidentiality_profile_attributes.json not found; pass --table PATH");
    }

    private static string Fresh(string scratch, string name)
    {
        var path = Path.Combine(scratch, name);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        Directory.CreateDirectory(path);
        return path;
    }

    private static List<string> CopyCorpus(IReadOnlyList<string> paths, string folder)
    {
        var copies = new List<string>(paths.Count);
        foreach (var p in paths)
        {
            var copy = Path.Combine(folder, Path.GetFileName(p));
            File.Copy(p, copy);
            copies.Add(copy);
        }
        return copies;
    }

    private static List<string> Corpus(string folder, int slices, int size, TextWriter log)
    {
        var marker = Path.Combine(folder, ".anonymize-corpus.txt");
        string want = $"ct {slices} {size} rich explicit-le v1";
        var ct = Path.Combine(folder, "CT");
        if (!File.Exists(marker) || File.ReadAllText(marker, Encoding.UTF8) != want)
        {
            log.WriteLine($"generating {slices} slices of {size}×{size} with rich headers in {folder} …");
            if (Directory.Exists(ct)) Directory.Delete(ct, recursive: true);
            SyntheticStudy.WriteTo(folder, new SyntheticStudyOptions { CtSlices = slices, MrSlices = 0, Size = size, RichHeaders = true });
            File.WriteAllText(marker, want);
        }
        return [.. Directory.GetFiles(ct, "*.dcm").Order(StringComparer.Ordinal)];
    }
}
