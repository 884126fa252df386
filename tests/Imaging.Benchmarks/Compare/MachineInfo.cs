using System.Globalization;
using System.Runtime.InteropServices;

namespace Imaging.Benchmarks.Compare;

/// <summary>What the numbers were measured on: CPU, memory, disk, load, and the versions of every contender.</summary>
internal static class MachineInfo
{
    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg, or null off Linux.</summary>
    public static (double One, double Five, double Fifteen)? Load()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return (Parse(parts[0]), Parse(parts[1]), Parse(parts[2]));
        }
        catch (IOException)
        {
            return null;
        }

        static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }

    /// <summary>"1.23 / 0.98 / 0.50" or "unknown".</summary>
    public static string LoadText() => Load() is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.One:F2} / {l.Five:F2} / {l.Fifteen:F2}") : "unknown";

    /// <summary>Markdown lines describing the machine and the tools' versions.</summary>
    public static IEnumerable<string> Describe(string corpusRoot)
    {
        yield return $"- CPU: {CpuModel()}, {Environment.ProcessorCount} logical processors (Environment.ProcessorCount)";
        yield return $"- memory: {MemTotal()}";
        yield return $"- disk holding the corpus ({corpusRoot}): {Disk(corpusRoot)}";
        yield return $"- OS: {RuntimeInformation.OSDescription}; .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";
        yield return $"- pydicom: {ProcessRun.FirstLine("/usr/bin/python3", "-c", "import sys, pydicom; print('pydicom', pydicom.__version__, 'on Python', sys.version.split()[0])") ?? "not available"}";
        yield return $"- dcmtk: {ProcessRun.FirstLine("dcmdump", "--version") ?? "not available"}";
        yield return $"- cat: {ProcessRun.FirstLine("cat", "--version") ?? "not available"}";
    }

    private static string CpuModel()
    {
        try
        {
            var lines = File.ReadAllLines("/proc/cpuinfo");
            var model = lines.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
            var mhz = lines.FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
            return mhz is null ? model : $"{model} @ {mhz} MHz";
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string MemTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
            var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024.0:F1} GiB");
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
        {
            return "unknown";
        }
    }

    /// <summary>The file system and device under a folder (from `df`), and whether the kernel calls the device rotational.</summary>
    private static string Disk(string folder)
    {
        var df = ProcessRun.Run("df", ["-PT", folder], discardStdout: false);
        var fields = df.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is null || fields.Length < 2) return "unknown";
        var device = fields[0];
        var name = Path.GetFileName(device);
        var rotational = File.Exists($"/sys/block/{name}/queue/rotational") ? File.ReadAllText($"/sys/block/{name}/queue/rotational").Trim() : "?";
        return $"{device} ({fields[1]}), /sys/block rotational={rotational} (a virtio disk reports 1 whatever backs it); measured with a warm page cache, so the disk is not read";
    }
}
