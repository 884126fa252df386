using System.Diagnostics;

namespace Imaging.Fuzz;

/// <summary>Settings of a <see cref="MutationEngine"/> run.</summary>
internal sealed record MutationSettings(
    IReadOnlyList<string> CorpusPaths,
    string OutputDir,
    int Seed = 1,
    long? Iterations = null,
    double? Seconds = null,
    double HangSeconds = 10);

/// <summary>
/// The self-contained fuzzer: needs no AFL, no clang, nothing but this program. Deterministic for a seed.
/// Loads the corpus, then loops: pick a queue entry, mutate it (<see cref="Mutator"/>), run the target, keep the
/// input when it reaches new coverage (only when Imaging.Dicom.dll was instrumented by <c>sharpfuzz</c>; otherwise
/// it mutates the seeds blindly), save crashes under <c>crashes/</c> once per signature. A watchdog thread saves
/// the current input under <c>hangs/</c> and ends the process when one input runs longer than the hang limit.
/// </summary>
internal sealed class MutationEngine(MutationSettings settings, TextWriter log)
{
    private readonly DicomFileTarget _target = new();
    private readonly List<CorpusEntry> _queue = [];
    private readonly Dictionary<string, int> _signatures = [];
    private long _executions;
    private byte[] _current = [];
    private long _startedTicks;

    /// <summary>Runs until the iteration or time limit; returns the number of distinct crash signatures.</summary>
    public int Run()
    {
        var seeds = LoadCorpus();
        if (seeds.Count == 0) throw new InvalidOperationException("the corpus is empty: " + string.Join(", ", settings.CorpusPaths));
        using var coverage = new CoverageMap();
        var clock = Stopwatch.StartNew();
        using var watchdog = StartWatchdog(clock);

        foreach (var seed in seeds)
        {
            Execute(seed.Data, coverage, out _);
            _queue.Add(seed);
        }
        bool guided = coverage.Seen > 0;
        log.WriteLine($"[mutate] {seeds.Count} seeds, coverage {(guided ? $"guided ({coverage.Seen} edges from the seeds)" : "NOT available (Imaging.Dicom.dll not instrumented): blind mutation")}, seed {settings.Seed}");

        var rng = new Random(settings.Seed);
        var lastReport = clock.Elapsed;
        long iteration = 0;
        while (!Done(iteration, clock))
        {
            iteration++;
            var parent = _queue[PickParent(rng)];
            var child = Mutator.Mutate(parent, _queue, rng);
            if (Execute(child, coverage, out bool crashed) && guided && !crashed && child.Length > 0)
            {
                _queue.Add(new CorpusEntry(child, $"q{_queue.Count:D6}"));
                Findings.Save(Path.Combine(settings.OutputDir, "queue"), child, "cov", $"from {parent.Name}");
            }
            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = clock.Elapsed;
                Status(clock, coverage);
            }
        }
        Status(clock, coverage);
        log.WriteLine($"[mutate] done: {_executions} executions in {clock.Elapsed.TotalSeconds:F0} s, {_signatures.Count} distinct crash signature(s)");
        foreach (var (signature, count) in _signatures) log.WriteLine($"  {count,6} × {signature}");
        return _signatures.Count;
    }

    private bool Done(long iteration, Stopwatch clock) =>
        (settings.Iterations is { } n && iteration >= n) || (settings.Seconds is { } s && clock.Elapsed.TotalSeconds >= s)
        || (settings.Iterations is null && settings.Seconds is null && iteration >= 100_000);

    /// <summary>
    /// Favours recent queue entries (they carry the newest coverage) and small ones (of two picks, the shorter: small
    /// inputs run fast, as AFL favours fast entries).
    /// </summary>
    private int PickParent(Random rng)
    {
        int n = _queue.Count;
        int a = rng.Next(3) == 0 ? rng.Next(Math.Max(0, n - 64), n) : rng.Next(n);
        int b = rng.Next(n);
        return _queue[a].Data.Length <= _queue[b].Data.Length ? a : b;
    }

    /// <summary>Runs one input; true when it reached new coverage.</summary>
    private bool Execute(byte[] input, CoverageMap coverage, out bool crashed)
    {
        Volatile.Write(ref _current, input);
        Interlocked.Exchange(ref _startedTicks, Stopwatch.GetTimestamp());
        coverage.Reset();
        var ex = Findings.Check(_target, input);
        Interlocked.Exchange(ref _startedTicks, 0);
        _executions++;
        crashed = ex is not null;
        if (ex is not null)
        {
            var signature = Findings.Signature(ex);
            _signatures.TryGetValue(signature, out int seen);
            _signatures[signature] = seen + 1;
            if (seen == 0)
            {
                var path = Findings.Save(Path.Combine(settings.OutputDir, "crashes"), input, "crash", Findings.Report(ex, input));
                log.WriteLine($"[mutate] NEW CRASH after {_executions} executions: {signature}\n         saved {path}");
            }
        }
        return coverage.Merge();
    }

    private void Status(Stopwatch clock, CoverageMap coverage) =>
        log.WriteLine($"[mutate] {clock.Elapsed:hh\\:mm\\:ss} execs {_executions} ({_executions / Math.Max(1, clock.Elapsed.TotalSeconds):F0}/s) queue {_queue.Count} edges {coverage.Seen} crashes {_signatures.Count}");

    private Timer StartWatchdog(Stopwatch clock) => new(_ =>
    {
        long started = Interlocked.Read(ref _startedTicks);
        if (started == 0) return;
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (seconds < settings.HangSeconds) return;
        var input = Volatile.Read(ref _current);
        var path = Findings.Save(Path.Combine(settings.OutputDir, "hangs"), input, "hang", $"one input ran {seconds:F1} s (limit {settings.HangSeconds} s) after {_executions} executions, {clock.Elapsed} into the run\n");
        log.WriteLine($"[mutate] HANG: an input ran {seconds:F1} s; saved {path}; stopping");
        log.Flush();
        Environment.Exit(3);
    }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    private List<CorpusEntry> LoadCorpus()
    {
        var files = new List<string>();
        foreach (var p in settings.CorpusPaths)
        {
            if (File.Exists(p)) files.Add(p);
            else if (Directory.Exists(p)) files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories));
        }
        files.Sort(StringComparer.Ordinal);
        return [.. files
            .Select(f => new CorpusEntry(File.ReadAllBytes(f), Path.GetFileName(f)))
            .Where(e => e.Data.Length is > 0 and <= Mutator.MaxInputLength)];
    }
}
