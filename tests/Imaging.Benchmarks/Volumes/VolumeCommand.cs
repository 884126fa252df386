using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Imaging.Benchmarks.Compare;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Sdk.Testing;

namespace Imaging.Benchmarks.Volumes;

/// <summary>
/// `volume`: load a CT series (default 300 slices of 512×512 int16, Explicit VR LE, ~150 MB, generated once with
/// <see cref="SyntheticStudy"/>) into a volume — ours in-process (<see cref="VolumeSeries.Read"/>), pydicom + numpy
/// stacking (Scripts/pydicom_volume.py, timed inside Python and as a whole process), and `cat` of the files as the I/O
/// floor — in one run, lines taking turns, warm page cache; median and best of N.
/// </summary>
internal static class VolumeCommand
{
    public static int Run(string[] args, TextWriter log)
    {
        var inv = CultureInfo.InvariantCulture;
        int runs = 7, slices = 300, size = 512;
        string corpus = Path.Combine(Path.GetTempPath(), "imaging-bench-volume");
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--runs") runs = int.Parse(args[++i], inv);
            else if (args[i] == "--slices") slices = int.Parse(args[++i], inv);
            else if (args[i] == "--size") size = int.Parse(args[++i], inv);
            else if (args[i] == "--corpus") corpus = Path.GetFullPath(args[++i]);
        }
        var paths = Corpus(corpus, slices, size, log);
        long bytes = paths.Sum(p => new FileInfo(p).Length);
        var list = Path.Combine(corpus, "files.txt");
        File.WriteAllLines(list, paths);
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "pydicom_volume.py");
        log.WriteLine($"load average before: {MachineInfo.LoadText()} on {Environment.ProcessorCount} processors; {paths.Count} files, {bytes / 1e6:F1} MB in {corpus}");

        // Warm-up: page cache, JIT, Python's imports.
        ProcessRun.Run("cat", paths, discardStdout: true);
        var reference = VolumeSeries.Read(paths);
        var check = Pydicom(script, list);
        long ours = Checksum(reference);
        if (check.Checksum != ours) throw new InvalidOperationException($"pydicom's volume differs from ours: checksum {check.Checksum} vs {ours}");
        log.WriteLine($"check: our volume {reference} equals pydicom's {check.Shape} {check.Dtype} (voxel sum {ours})");
        reference = null;

        var us = new List<double>();
        var usOneThread = new List<double>();
        var headers = new List<double>();
        var floorRead = new List<double>();
        var cat = new List<double>();
        var py = new List<double>();
        var pyWhole = new List<double>();
        var oneThread = new VolumeReadOptions { MaxDegreeOfParallelism = 1 };
        var slabSeries = VolumeSeries.Open(paths);
        var reused = new short[slabSeries.Stacks[0].Geometry.VoxelCount];
        var slab = new List<double>();
        var touch = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var v = VolumeSeries.Read(paths);
            us.Add(sw.Elapsed.TotalMilliseconds);
            GC.KeepAlive(v);
            v = null;
            GC.Collect();
            sw.Restart();
            v = VolumeSeries.Read(paths, oneThread);
            usOneThread.Add(sw.Elapsed.TotalMilliseconds);
            GC.KeepAlive(v);
            v = null;
            GC.Collect();
            sw.Restart();
            var series = VolumeSeries.Open(paths);
            headers.Add(sw.Elapsed.TotalMilliseconds);
            GC.KeepAlive(series);
            floorRead.Add(ReadAll(paths));
            sw.Restart();
            slabSeries.Stacks[0].ReadSlab<short>(0, paths.Count, reused);
            slab.Add(sw.Elapsed.TotalMilliseconds);
            GC.Collect();
            sw.Restart();
            var fresh = GC.AllocateUninitializedArray<short>(reused.Length);
            Parallel.For(0, Environment.ProcessorCount, t =>
            {
                int chunk = fresh.Length / Environment.ProcessorCount;
                for (int i = t * chunk; i < (t + 1) * chunk; i += 2048) fresh[i] = 1;
            });
            touch.Add(sw.Elapsed.TotalMilliseconds);
            GC.KeepAlive(fresh);
            fresh = null;
            cat.Add(ProcessRun.Run("cat", paths, discardStdout: true).Seconds * 1000);
            var p = Pydicom(script, list);
            py.Add(p.Seconds * 1000);
            pyWhole.Add(p.Whole * 1000);
        }
        double m(List<double> x) => TimingRow.Median(x);
        var lines = new List<string>
        {
            $"Volume load: {paths.Count} slices of {size}×{size} int16 ({bytes / 1e6:F1} MB), median of {runs} runs (ms), warm page cache, load average after: {MachineInfo.LoadText()}",
            "",
            "| what | median ms | best ms | note |",
            "|---|---:|---:|---|",
            TimingRow.Markdown("`cat` of the files > /dev/null (I/O floor)", cat, "one process, whole"),
            TimingRow.Markdown("read every byte in-process, parallel (stricter floor)", floorRead, "open, read into one reused buffer per thread, close"),
            TimingRow.Markdown("us: `VolumeSeries.Read` (headers, sort, load), parallel", us, $"{Environment.ProcessorCount} threads; int16 volume, rescale applied"),
            TimingRow.Markdown("us: the same on one thread", usOneThread, "MaxDegreeOfParallelism = 1"),
            TimingRow.Markdown("us: header scan + sort only (`VolumeSeries.Open`)", headers, "pixel data left in the files"),
            TimingRow.Markdown("us: pixel load only, into a reused array (`ReadSlab`, all slices)", slab, "read + rescale, no allocation, pages already mapped"),
            TimingRow.Markdown("allocate the volume's array and touch every page", touch, "the page-fault cost a fresh volume pays"),
            TimingRow.Markdown("pydicom + numpy (timed in Python)", py, "dcmread all, sort by position, np.stack, rescale in place"),
            TimingRow.Markdown("pydicom + numpy (whole process)", pyWhole, "plus interpreter start and imports"),
            "",
            string.Create(inv, $"- us / cat time = **{m(us) / m(cat):F2}×** (goal ≤ 2×); us / in-process read floor = {m(us) / m(floorRead):F2}×"),
            string.Create(inv, $"- pydicom time / us = **{m(py) / m(us):F1}×** (goal ≥ 3×); whole process {m(pyWhole) / m(us):F1}×; one thread of ours {m(py) / m(usOneThread):F1}×"),
        };
        foreach (var l in lines) log.WriteLine(l);
        return 0;
    }

    private static List<string> Corpus(string folder, int slices, int size, TextWriter log)
    {
        var marker = Path.Combine(folder, ".volume-corpus.txt");
        string want = $"ct {slices} {size} explicit-le v1";
        var ct = Path.Combine(folder, "CT");
        if (!File.Exists(marker) || File.ReadAllText(marker) != want)
        {
            log.WriteLine($"generating {slices} slices of {size}×{size} in {folder} …");
            if (Directory.Exists(ct)) Directory.Delete(ct, recursive: true);
            SyntheticStudy.WriteTo(folder, new SyntheticStudyOptions { CtSlices = slices, MrSlices = 0, Size = size });
            File.WriteAllText(marker, want);
        }
        return [.. Directory.GetFiles(ct, "*.dcm").Order(StringComparer.Ordinal)];
    }

    private static long Checksum(Volume v)
    {
        long sum = 0;
        foreach (var x in v.GetVoxels<short>()) sum += x;
        return sum;
    }

    private static double ReadAll(List<string> paths)
    {
        var sw = Stopwatch.StartNew();
        Parallel.ForEach(paths, () => new byte[1 << 20], (p, _, buffer) =>
        {
            using var handle = File.OpenHandle(p);
            long offset = 0;
            int n;
            while ((n = RandomAccess.Read(handle, buffer, offset)) > 0) offset += n;
            return buffer;
        }, _ => { });
        return sw.Elapsed.TotalMilliseconds;
    }

    private sealed record PyResult(double Seconds, double Whole, long Checksum, string Shape, string Dtype);

    private static PyResult Pydicom(string script, string list)
    {
        var r = ProcessRun.Run("/usr/bin/python3", [script, list], discardStdout: false);
        if (r.ExitCode != 0) throw new InvalidOperationException($"pydicom_volume.py failed: {r.Stderr}");
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        return new PyResult(root.GetProperty("seconds").GetDouble(), r.Seconds, root.GetProperty("checksum").GetInt64(),
            root.GetProperty("shape").ToString(), root.GetProperty("dtype").GetString() ?? "");
    }
}
