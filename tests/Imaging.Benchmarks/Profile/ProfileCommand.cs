using System.Diagnostics;
using Imaging.Benchmarks.Compare;
using Imaging.Benchmarks.Corpus;
using Imaging.Dicom;
using Imaging.Dicom.IO;

namespace Imaging.Benchmarks.Profile;

/// <summary>
/// `profile`: where one headers-only parse spends its time, by subtraction. Each step below adds one piece of what
/// <see cref="DicomFile.Open(string, FileReadOptions?)"/> does, run single-threaded over the header-rich corpus
/// (or the CT series with --only ct-512; warm cache, best of 5); the difference between consecutive steps is that piece's cost per file.
/// </summary>
internal static class ProfileCommand
{
    private const int Runs = 5;

    public static int Run(CompareOptions options, TextWriter log)
    {
        log.WriteLine($"load average: {MachineInfo.LoadText()}");
        var corpus = options.Only == "ct-512"
            ? BenchCorpus.CtSeries(options.CorpusRoot, options.CtSlices, log)
            : BenchCorpus.HeaderRich(options.CorpusRoot, options.Files, log);
        var files = corpus.Files;
        // Only the first 64 KiB of each file is kept in memory: the header is in it, and holding a whole CT series
        // (160 MB on the large object heap) would slow every step through the GC and the caches.
        var inMemory = files.Select(HeadOf).ToList();
        var buffer = new byte[64 * 1024];
        var parse = HeaderParse.Create();
        var headersOnly = new FileReadOptions { StopBeforePixelData = true };

        var steps = new (string Name, Action<int> PerFile)[]
        {
            ("open + close (FileStream, as DicomFile.Open)", i =>
            {
                using var fs = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                _ = fs.Length;
            }),
            ("open + close (File.OpenHandle, no FileStream)", i =>
            {
                using var h = File.OpenHandle(files[i], FileMode.Open, FileAccess.Read, FileShare.Read);
                _ = RandomAccess.GetLength(h);
            }),
            ("open + close (FileStream, no SequentialScan)", i =>
            {
                using var fs = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
                _ = fs.Length;
            }),
            ("open + read first 16 KiB + close", i =>
            {
                using var fs = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                _ = fs.Length;
                _ = fs.Read(buffer, 0, 16 * 1024);
            }),
            ("open + read first 64 KiB + close", i =>
            {
                using var fs = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                _ = fs.Length;
                _ = fs.Read(buffer, 0, buffer.Length);
            }),
            ("open + read first 64 KiB + close, no SequentialScan", i =>
            {
                using var fs = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
                _ = fs.Length;
                _ = fs.Read(buffer, 0, buffer.Length);
            }),
            ("Path.GetFullPath (deferred-value source)", i => _ = Path.GetFullPath(files[i])),
            ("parse from memory, headers only", i => _ = DicomFile.Open(new MemoryStream(inMemory[i], writable: false), headersOnly)),
            ("parse from memory, CLI options (defer > 16K)", i => _ = DicomFile.Open(new MemoryStream(inMemory[i], writable: false), HeaderParse.Options)),
            ("DicomFile.Open(path), headers only", i => _ = DicomFile.Open(files[i], headersOnly)),
            ("DicomFile.Open(path), CLI options", i => _ = DicomFile.Open(files[i], HeaderParse.Options)),
            ($"CLI per-file reader ({(parse.Source.StartsWith("Imaging.Cli", StringComparison.Ordinal) ? "HeaderReader.Read" : "public-API equivalent")})", i => _ = parse.Parse(files[i])),
        };

        // CPU time (user + kernel, whole process) is printed beside wall time: on a shared, loaded machine it moves far
        // less than wall time, because time spent waiting for a core is not counted.
        log.WriteLine($"{"step",-50} {"wall µs/file",12} {"cpu µs/file",12} {"alloc/file",11}");
        foreach (var (name, perFile) in steps)
        {
            // Warm-up for at least half a second: tiered JIT promotes hot methods only after a quiet 100 ms, in the
            // background; a single pass over 300 files ends before that and would time tier-0 code.
            var warm = Stopwatch.StartNew();
            do
            {
                for (int i = 0; i < files.Count; i++) perFile(i);
            }
            while (warm.ElapsedMilliseconds < 500);
            double best = double.MaxValue, bestCpu = double.MaxValue;
            long alloc = 0;
            for (int r = 0; r < Runs; r++)
            {
                // No GC.Collect here: a full collection decommits the young generation, and the next pass would pay
                // page faults for fresh memory (≈ 10 ms), which on 300 files reads as tens of µs per file.
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                var cpu0 = Environment.CpuUsage.TotalTime;
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < files.Count; i++) perFile(i);
                sw.Stop();
                var cpu = Environment.CpuUsage.TotalTime - cpu0;
                alloc = GC.GetAllocatedBytesForCurrentThread() - a0;
                best = Math.Min(best, sw.Elapsed.TotalMicroseconds / files.Count);
                bestCpu = Math.Min(bestCpu, cpu.TotalMicroseconds / files.Count);
            }
            log.WriteLine($"{name,-50} {best,12:F1} {bestCpu,12:F1} {alloc / (double)files.Count / 1024,7:F1} KiB");
        }
        return 0;
    }

    private static byte[] HeadOf(string path)
    {
        using var fs = File.OpenRead(path);
        var head = new byte[Math.Min(fs.Length, 64 * 1024)];
        fs.ReadExactly(head);
        return head;
    }
}
