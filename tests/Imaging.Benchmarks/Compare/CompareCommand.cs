using System.Diagnostics;
using System.Text.Json;
using Imaging.Benchmarks.Corpus;
using Imaging.Dicom;

namespace Imaging.Benchmarks.Compare;

/// <summary>
/// `compare`: headers-only parse of whole corpora by us (in-process, parallel as `imaging collection` does, and on one
/// thread), pydicom, dcmdump and cat (the I/O floor), all in one run. Every line gets one untimed warm-up run (which
/// also warms the page cache) and then <see cref="CompareOptions.Runs"/> timed runs; the lines take turns round by round
/// so a change in machine load hits them all alike.
/// </summary>
internal static class CompareCommand
{
    public static int Run(CompareOptions options, TextWriter log)
    {
        // The 1-minute load before we start is other people's work; once running, our own processes add to it.
        var busyBefore = MachineInfo.Load()?.One;
        var loadBefore = MachineInfo.LoadText();
        log.WriteLine($"load average before: {loadBefore} on {Environment.ProcessorCount} processors");
        Directory.CreateDirectory(options.CorpusRoot);
        var corpora = new List<BenchCorpus>();
        if (options.Only is null or "header-rich") corpora.Add(BenchCorpus.HeaderRich(options.CorpusRoot, options.Files, log));
        if (options.Only is null or "ct-512") corpora.Add(BenchCorpus.CtSeries(options.CorpusRoot, options.CtSlices, log));

        var parse = HeaderParse.Create();
        log.WriteLine($"our parser: {parse.Source}");
        var results = new List<(BenchCorpus Corpus, IReadOnlyList<Contender> Contenders)>();
        foreach (var corpus in corpora)
        {
            Validate(corpus, log);
            var contenders = Contenders(corpus, parse, log).ToList();
            Measure(corpus, contenders, options.Runs, log);
            results.Add((corpus, contenders));
        }
        var loadAfter = MachineInfo.LoadText();
        log.WriteLine($"load average after: {loadAfter}");

        var markdown = Report.Markdown(results, options, parse.Source, loadBefore, loadAfter, busyBefore);
        var outPath = options.Out ?? Path.Combine(options.CorpusRoot, "results.md");
        File.WriteAllText(outPath, markdown);
        log.WriteLine();
        log.WriteLine(markdown);
        log.WriteLine($"(written to {outPath})");
        return 0;
    }

    /// <summary>Every file must parse headers-only, stop before its pixel data, and keep no pixel data.</summary>
    private static void Validate(BenchCorpus corpus, TextWriter log)
    {
        foreach (var f in corpus.Files)
        {
            var file = DicomFile.Open(f, HeaderParse.Options);
            if (file.Dataset.Contains(DicomTag.PixelData) || !file.IsPartial)
                throw new InvalidOperationException($"{f}: the headers-only read did not stop before Pixel Data");
        }
        log.WriteLine($"corpus {corpus.Name}: all {corpus.Files.Count} files parse headers-only");
    }

    private static void Measure(BenchCorpus corpus, IReadOnlyList<Contender> contenders, int runs, TextWriter log)
    {
        for (int round = 0; round <= runs; round++)
        {
            log.WriteLine(round == 0 ? $"[{corpus.Name}] warm-up round (untimed)" : $"[{corpus.Name}] round {round}/{runs}  (load {MachineInfo.LoadText()})");
            foreach (var c in contenders)
            {
                if (c.Lines.Any(l => l.Error is not null)) continue;
                IReadOnlyList<RunSample> samples;
                try
                {
                    samples = c.RunOnce();
                }
                catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or JsonException)
                {
                    foreach (var l in c.Lines) l.Error = ex.Message;
                    log.WriteLine($"  {c.Lines[0].Name}: FAILED: {ex.Message}");
                    continue;
                }
                for (int i = 0; i < c.Lines.Count; i++)
                {
                    if (round > 0)
                    {
                        c.Lines[i].Add(samples[i].Seconds);
                        if (samples[i].AllocatedBytesPerFile is { } a) c.Lines[i].AllocatedBytesPerFile = a;
                    }
                    log.WriteLine($"  {c.Lines[i].Name,-34} {samples[i].Seconds,8:F3} s  {corpus.Files.Count / samples[i].Seconds,10:F0} files/s");
                }
            }
        }
    }

    private static IEnumerable<Contender> Contenders(BenchCorpus corpus, HeaderParse parse, TextWriter log)
    {
        var files = corpus.Files;
        var fileArgs = files.ToList();

        yield return External(new Measurement(Report.Cat, "`cat` all files > /dev/null, one process: reads every byte (I/O floor)"), "cat", fileArgs);

        // cat allocates and unmaps a 128 KiB buffer per file, which is slow on some VMs; reading every byte in-process
        // into one reused buffer is the stricter floor, on one thread and on as many as our parallel parse uses.
        var rawOne = new Measurement(Report.RawSingle, "in-process, one thread: open, read every byte into one reused buffer, close");
        yield return new Contender([rawOne], () => [ReadAll(files, 1, corpus.TotalBytes)]);
        var rawParallel = new Measurement(Report.RawParallel, $"the same over {Environment.ProcessorCount} threads");
        yield return new Contender([rawParallel], () => [ReadAll(files, Environment.ProcessorCount, corpus.TotalBytes)]);

        var parallel = new Measurement(Report.UsParallel, $"in-process, Parallel.For over {Environment.ProcessorCount} threads, headers only");
        yield return new Contender([parallel], () => [InProcess(files, parse, Environment.ProcessorCount)]);

        var single = new Measurement(Report.UsSingle, "in-process, one thread, headers only");
        yield return new Contender([single], () => [InProcess(files, parse, 1)]);

        var cli = Path.Combine(AppContext.BaseDirectory, "imaging.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        if (File.Exists(cli))
        {
            yield return External(new Measurement(Report.UsCli, "`imaging collection DIR --format csv` > /dev/null: start-up, folder walk, parallel parse, report"),
                dotnet, ["exec", cli, "collection", corpus.Folder, "--format", "csv"]);
        }

        // Hidden, beside the corpus: overwritten by the next run, and skipped by `imaging collection`.
        var list = Path.Combine(corpus.Folder, ".pydicom-files.txt");
        File.WriteAllLines(list, files);
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "pydicom_headers.py");
        var pyInner = new Measurement(Report.PydicomInner, "/usr/bin/python3, one process, loop of dcmread(f, stop_before_pixels=True); timed inside Python");
        var pyWhole = new Measurement(Report.PydicomWhole, "the same run timed as a whole process (interpreter start + import pydicom)");
        yield return new Contender([pyInner, pyWhole], () =>
        {
            var r = ProcessRun.Run("/usr/bin/python3", [script, list], discardStdout: false);
            if (r.ExitCode != 0) throw new InvalidOperationException($"pydicom exited {r.ExitCode}: {Tail(r.Stderr)}");
            using var json = JsonDocument.Parse(r.Stdout);
            int n = json.RootElement.GetProperty("files").GetInt32();
            if (n != files.Count) throw new InvalidOperationException($"pydicom read {n} of {files.Count} files");
            return [new RunSample(json.RootElement.GetProperty("seconds").GetDouble()), new RunSample(r.Seconds)];
        });

        // dcmdump reads, then prints, every element. +M (default) loads pixel data; -M leaves values over 4 KB unloaded
        // (it seeks past them); +sb 7fe0,0010 stops before Pixel Data like stop_before_pixels. All write to /dev/null.
        yield return External(new Measurement(Report.DcmdumpLoadAll, "`dcmdump +M` (default: loads every value, pixel data too)"), "dcmdump", ["+M", .. fileArgs]);
        yield return External(new Measurement(Report.DcmdumpLoadShort, "`dcmdump -M`: values > 4 KB (pixel data) are not loaded"), "dcmdump", ["-M", .. fileArgs]);
        yield return External(new Measurement(Report.DcmdumpStopBefore, "`dcmdump -M +sb 7fe0,0010`: stops before Pixel Data, like stop_before_pixels"), "dcmdump", ["-M", "+sb", "7fe0,0010", .. fileArgs]);
    }

    private static Contender External(Measurement line, string exe, IReadOnlyList<string> args) =>
        new([line], () =>
        {
            var r = ProcessRun.Run(exe, args, discardStdout: true);
            if (r.ExitCode != 0) throw new InvalidOperationException($"{exe} exited {r.ExitCode}: {Tail(r.Stderr)}");
            return [new RunSample(r.Seconds)];
        });

    /// <summary>Parses every file once on <paramref name="threads"/> threads; reports wall time and managed bytes allocated per file.</summary>
    private static RunSample InProcess(IReadOnlyList<string> files, HeaderParse parse, int threads)
    {
        var results = new object?[files.Count];
        // No GC.Collect before the run: a full collection decommits the young generation, and the run would then pay
        // page faults for fresh memory that a steady-state process (like `imaging collection`) does not.
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        if (threads == 1)
        {
            for (int i = 0; i < files.Count; i++) results[i] = parse.Parse(files[i]);
        }
        else
        {
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => results[i] = parse.Parse(files[i]));
        }
        sw.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        GC.KeepAlive(results);
        return new RunSample(sw.Elapsed.TotalSeconds, (double)allocated / files.Count);
    }

    /// <summary>Reads every byte of every file on <paramref name="threads"/> threads (a buffer per thread); the in-process I/O floor.</summary>
    private static RunSample ReadAll(IReadOnlyList<string> files, int threads, long expectedBytes)
    {
        long total = 0;
        var sw = Stopwatch.StartNew();
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new byte[128 * 1024],
            (i, _, buffer) =>
            {
                using var handle = File.OpenHandle(files[i], FileMode.Open, FileAccess.Read, FileShare.Read);
                long offset = 0;
                int n;
                while ((n = RandomAccess.Read(handle, buffer, offset)) > 0) offset += n;
                Interlocked.Add(ref total, offset);
                return buffer;
            },
            _ => { });
        sw.Stop();
        if (total != expectedBytes) throw new InvalidOperationException($"read {total} bytes of {expectedBytes}; did the corpus change?");
        return new RunSample(sw.Elapsed.TotalSeconds);
    }

    private static string Tail(string s)
    {
        var lines = s.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", lines.TakeLast(3));
    }
}
