using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Imaging.Benchmarks.Compare;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Host;
using Imaging.Sdk.Capabilities;

namespace Imaging.Benchmarks.Filters;

/// <summary>
/// `gaussian3d`: the imaging.filters <c>gaussian</c> volume filter (loaded through the plugin host, as scripts get it)
/// on a 512×512×300 int16 volume, against scipy.ndimage's Gaussian on the same voxels with the same kernel, in one
/// run. Ours: one untimed warm-up on a small volume, then the median of N in-process runs (int16 out, and float32 out);
/// scipy: the median of N runs of the filter call in one Python process (int16 out, then float32 out). Checks that
/// the float32 results agree within 0.01 and prints the ratios.
/// </summary>
internal static class Gaussian3dCommand
{
    public static int Run(string[] args, TextWriter log)
    {
        int runs = 3, size = 512, slices = 300;
        double sigmaMm = 1.5;
        for (int a = 0; a + 1 < args.Length; a += 2)
        {
            double value = double.Parse(args[a + 1], CultureInfo.InvariantCulture);
            switch (args[a])
            {
                case "--runs": runs = (int)value; break;
                case "--size": size = (int)value; break;
                case "--slices": slices = (int)value; break;
                case "--sigma": sigmaMm = value; break;
                default: throw new ArgumentException($"unknown option {args[a]}");
            }
        }
        var inv = CultureInfo.InvariantCulture;
        log.WriteLine($"load average before: {MachineInfo.LoadText()} on {Environment.ProcessorCount} processors");
        var volume = Phantom(size, size, slices);
        var spacing = volume.Geometry.Spacing;
        double[] sigmaVoxels = [sigmaMm / spacing.X, sigmaMm / spacing.Y, sigmaMm / spacing.Z];

        var options = new HostOptions { AuditLogPath = Path.Combine(Path.GetTempPath(), "imaging-bench-audit.log") };
        options.PluginFolders.Add(Path.Combine(AppContext.BaseDirectory, "plugins"));
        using var host = PluginHost.Start(options);
        if (!host.GetRegistry<IVolumeFilter>().TryGet("gaussian", out var gaussian))
            throw new InvalidOperationException("the shipped plugins have no volume filter 'gaussian'");
        var arguments = CapabilityArguments.Parse([string.Create(inv, $"sigma={sigmaMm}")]);
        var asFloat = arguments.With("output", "float32");
        gaussian.ApplyAsync(Phantom(64, 64, 16), arguments).GetAwaiter().GetResult(); // JIT warm-up, untimed

        var ours = new List<double>();
        var oursFloat = new List<double>();
        Volume? result = null;
        for (int r = 0; r < runs; r++)
        {
            result = null;
            GC.Collect();
            var clock = Stopwatch.StartNew();
            _ = gaussian.ApplyAsync(volume, arguments).GetAwaiter().GetResult();
            ours.Add(clock.Elapsed.TotalMilliseconds);
            GC.Collect();
            clock.Restart();
            result = gaussian.ApplyAsync(volume, asFloat).GetAwaiter().GetResult();
            oursFloat.Add(clock.Elapsed.TotalMilliseconds);
        }

        var folder = Directory.CreateTempSubdirectory("imaging-bench-gaussian3d-");
        try
        {
            var raw = Path.Combine(folder.FullName, "volume.raw");
            var scipyOut = Path.Combine(folder.FullName, "scipy.raw");
            File.WriteAllBytes(raw, MemoryMarshal.AsBytes(((short[])volume.Voxels).AsSpan()).ToArray());
            var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "scipy_gaussian3d.py");
            var run = ProcessRun.Run("/usr/bin/python3",
                [script, raw, $"{size}", $"{size}", $"{slices}", .. sigmaVoxels.Select(s => s.ToString("R", inv)), $"{runs}", scipyOut], discardStdout: false);
            if (run.ExitCode != 0) throw new InvalidOperationException($"scipy failed: {run.Stderr}");
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
            List<double> Times(string kind) => [.. lines.Where(l => l[0] == kind).Select(l => double.Parse(l[1], inv) * 1000)];
            var scipy = Times("int16");
            var scipyFloat = Times("float32");
            var expected = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(scipyOut)).ToArray();
            var actual = (float[])result!.Voxels;
            double maxDiff = 0;
            for (int n = 0; n < expected.Length; n++) maxDiff = Math.Max(maxDiff, Math.Abs(expected[n] - actual[n]));

            log.WriteLine(string.Create(inv, $"3-D Gaussian, {size}×{size}×{slices} int16 ({volume.SizeInBytes / 1048576.0:0} MiB), sigma {sigmaMm} mm = ({sigmaVoxels[0]:0.##}, {sigmaVoxels[1]:0.##}, {sigmaVoxels[2]:0.##}) voxels, radius ceil(3σ), edges nearest; median of {runs} runs (ms); load average after: {MachineInfo.LoadText()}"));
            log.WriteLine();
            log.WriteLine("| what | median ms | best ms | note |");
            log.WriteLine("|---|---:|---:|---|");
            log.WriteLine(TimingRow.Markdown("imaging.filters `gaussian`, int16 out (through the host)", ours, $"{Environment.ProcessorCount} threads, float32 passes, rounded once"));
            log.WriteLine(TimingRow.Markdown("imaging.filters `gaussian`, `output=float32`", oursFloat, $"{Environment.ProcessorCount} threads"));
            log.WriteLine(TimingRow.Markdown("scipy.ndimage `gaussian_filter`, int16 out", scipy, "one thread; truncates to int16 between passes"));
            log.WriteLine(TimingRow.Markdown("scipy.ndimage `gaussian_filter`, `output=float32`", scipyFloat, "one thread"));
            log.WriteLine();
            log.WriteLine(string.Create(inv, $"ratio scipy / ours: {TimingRow.Median(scipy) / TimingRow.Median(ours):0.00}× (int16 out), {TimingRow.Median(scipyFloat) / TimingRow.Median(oursFloat):0.00}× (float32 out); float32 results agree within {maxDiff:0.####}"));
            return maxDiff <= 0.01 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A CT-like int16 phantom: an ellipsoid of soft tissue with a denser core, in air, with noise; spacing 0.75 × 0.75 × 1 mm.</summary>
    private static Volume Phantom(int ni, int nj, int nk)
    {
        var voxels = new short[(long)ni * nj * nk];
        var random = new Random(42);
        for (int k = 0; k < nk; k++)
            for (int j = 0; j < nj; j++)
                for (int i = 0; i < ni; i++)
                {
                    double x = (i - ni / 2.0) / (ni * 0.4), y = (j - nj / 2.0) / (nj * 0.3), z = (k - nk / 2.0) / (nk * 0.6);
                    double r = x * x + y * y + z * z;
                    double hu = r < 0.1 ? 400 : r < 1 ? 40 : -1000;
                    voxels[i + (long)ni * (j + (long)nj * k)] = (short)(hu + random.Next(-30, 31));
                }
        var geometry = new VolumeGeometry(ni, nj, nk, new Vector3D(0.75, 0.75, 1.0), new Vector3D(-192, -192, -150),
            new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), new Vector3D(0, 0, 1));
        return new Volume(geometry, SampleType.Int16, voxels);
    }
}
