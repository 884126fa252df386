using System.Globalization;
using System.Text;
using Imaging.Benchmarks.Corpus;

namespace Imaging.Benchmarks.Compare;

/// <summary>
/// The comparison as markdown: per corpus a table of files/s and MB/s (best and median of the timed runs), the ratios,
/// and a plain verdict against each goal of the speed issue — "NOT MET" when a goal is missed.
/// </summary>
internal static class Report
{
    public const string Cat = "cat (I/O floor)";
    public const string RawSingle = "read all bytes, 1 thread";
    public const string RawParallel = "read all bytes, parallel";
    public const string UsParallel = "us, parallel";
    public const string UsSingle = "us, 1 thread";
    public const string UsCli = "us, `imaging collection` process";
    public const string PydicomInner = "pydicom (timed in Python)";
    public const string PydicomWhole = "pydicom (whole process)";
    public const string DcmdumpLoadAll = "dcmdump +M";
    public const string DcmdumpLoadShort = "dcmdump -M";
    public const string DcmdumpStopBefore = "dcmdump -M +sb PixelData";

    /// <summary>The goals of the speed issue.</summary>
    public const double PydicomFactorGoal = 5.0;
    public const double CatFactorGoal = 2.0;

    public static string Markdown(IReadOnlyList<(BenchCorpus Corpus, IReadOnlyList<Contender> Contenders)> results,
        CompareOptions options, string parser, string loadBefore, string loadAfter, double? busyBefore)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv($"## Headers-only parse: us vs pydicom vs dcmdump vs cat ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)"));
        sb.AppendLine();
        foreach (var line in MachineInfo.Describe(options.CorpusRoot)) sb.AppendLine(line);
        sb.AppendLine(Inv($"- load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}"));
        if (busyBefore is { } busy && busy > Environment.ProcessorCount / 2.0)
            sb.AppendLine(Inv($"- **warning: the machine was busy before the run (1-minute load {busy:F2} on {Environment.ProcessorCount} processors) — every line is slowed and noisy; re-run on a quiet machine for firm numbers.**"));
        sb.AppendLine($"- our parser: {parser}");
        sb.AppendLine(Inv($"- method: one untimed warm-up run per line (warms the page cache), then {options.Runs} timed runs, lines taking turns each round; files/s and MB/s from the best run, median shown too. MB/s = corpus bytes (whole files) / time, for every line, even those that read only the headers."));
        sb.AppendLine();
        foreach (var (corpus, contenders) in results)
        {
            var lines = contenders.SelectMany(c => c.Lines).ToList();
            sb.AppendLine(Inv($"### {corpus.Description}: {corpus.Files.Count} files, {corpus.TotalBytes / 1e6:F1} MB ({corpus.MeanFileBytes / 1024:F1} KiB/file)"));
            sb.AppendLine();
            sb.AppendLine("| reader | best s | median s | files/s | MB/s | alloc/file | how |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---|");
            foreach (var l in lines)
            {
                if (!l.Ok)
                {
                    sb.AppendLine($"| {l.Name} | – | – | – | – | – | FAILED: {l.Error} |");
                    continue;
                }
                var alloc = l.AllocatedBytesPerFile is { } a ? Bytes(a) : "";
                sb.AppendLine(Inv($"| {l.Name} | {l.Best:F4} | {l.Median:F4} | {corpus.Files.Count / l.Best:N0} | {corpus.TotalBytes / 1e6 / l.Best:N1} | {alloc} | {l.Note} |"));
            }
            sb.AppendLine();
            foreach (var v in Verdicts(corpus, lines)) sb.AppendLine(v);
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static IEnumerable<string> Verdicts(BenchCorpus corpus, IReadOnlyList<Measurement> lines)
    {
        Measurement? Get(string name) => lines.FirstOrDefault(l => l.Name == name && l.Ok);
        var us = Get(UsParallel);
        var one = Get(UsSingle);
        var py = Get(PydicomInner);
        var pyWhole = Get(PydicomWhole);
        var cat = Get(Cat);
        var dcm = new[] { Get(DcmdumpLoadAll), Get(DcmdumpLoadShort), Get(DcmdumpStopBefore) }.Where(d => d is not null).MinBy(d => d!.Best);
        if (us is null)
        {
            yield return "- **our parse did not run**; no verdict.";
            yield break;
        }
        if (py is not null)
        {
            double r = py.Best / us.Best;
            yield return Inv($"- us/pydicom = **{r:F1}×** files/s (goal ≥ {PydicomFactorGoal:F0}×): **{(r >= PydicomFactorGoal ? "met" : "NOT MET")}**")
                + (pyWhole is not null ? Inv($"; against pydicom's whole process {pyWhole.Best / us.Best:F1}×") : "")
                + (one is not null ? Inv($"; single-threaded us/pydicom = {py.Best / one.Best:F1}×") : "");
        }
        else yield return "- us/pydicom: pydicom did not run, **no verdict**";
        if (dcm is not null)
        {
            double r = dcm.Best / us.Best;
            yield return Inv($"- us/dcmdump = **{r:F1}×** files/s against the fastest dcmdump variant ({dcm.Name}) (goal ≥ 1×): **{(r >= 1 ? "met" : "NOT MET")}**")
                + (one is not null ? Inv($"; single-threaded {dcm.Best / one.Best:F1}×") : "");
        }
        else yield return "- us/dcmdump: dcmdump did not run, **no verdict**";
        if (cat is not null)
        {
            double r = us.Best / cat.Best;
            yield return Inv($"- us time / cat time = **{r:F2}×** (goal ≤ {CatFactorGoal:F0}×): **{(r <= CatFactorGoal ? "met" : "NOT MET")}**")
                + (one is not null ? Inv($"; single-threaded {one.Best / cat.Best:F2}×") : "");
        }
        else yield return "- us/cat: cat did not run, **no verdict**";
        if (Get(RawParallel) is { } rawParallel && Get(RawSingle) is { } rawOne)
        {
            yield return Inv($"- against the stricter in-process floor (read every byte into a reused buffer): us time / floor time = {us.Best / rawParallel.Best:F2}× parallel vs parallel")
                + (one is not null ? Inv($", {one.Best / rawOne.Best:F2}× on one thread") : "");
        }
        if (one?.AllocatedBytesPerFile is { } alloc)
            yield return Inv($"- allocated per file (one thread, whole parse incl. the CLI's summary): {Bytes(alloc)} for files of {corpus.MeanFileBytes / 1024:F1} KiB on average");
    }

    private static string Bytes(double b) => b >= 1024 * 1024 ? Inv($"{b / 1024 / 1024:F2} MiB") : Inv($"{b / 1024:F1} KiB");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
