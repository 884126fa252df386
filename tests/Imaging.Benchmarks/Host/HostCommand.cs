using System.Diagnostics;
using System.Globalization;
using Imaging.Benchmarks.Compare;
using Imaging.Host;
using Imaging.Sdk.Capabilities;

namespace Imaging.Benchmarks.Host;

/// <summary>
/// `host`: plugin host start-up and reload with every shipped plugin (laid out in plugins/ next to this program).
/// Cold start is measured in fresh processes (`host-once`: process start → every plugin loaded and composed, and the
/// host's own Start time); the whole-process line is `imaging plugins list`, next to its floor, the same program
/// started without loading any plugin (`imaging --version`). Reload and unload+load are measured in-process on copies.
/// </summary>
internal static class HostCommand
{
    public static int Run(string[] args, TextWriter log)
    {
        int runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var inv = CultureInfo.InvariantCulture;
        var pluginRoot = Path.Combine(AppContext.BaseDirectory, "plugins");
        var shipped = Directory.Exists(pluginRoot) ? Directory.GetDirectories(pluginRoot).Length : 0;
        log.WriteLine($"load average before: {MachineInfo.LoadText()} on {Environment.ProcessorCount} processors; {shipped} shipped plugins in {pluginRoot}");
        var self = Path.Combine(AppContext.BaseDirectory, "Imaging.Benchmarks.dll");
        var cli = Path.Combine(AppContext.BaseDirectory, "imaging.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

        // Warm the page cache and the disk once.
        ProcessRun.Run(dotnet, [self, "host-once"], discardStdout: false);
        ProcessRun.Run(dotnet, [cli, "plugins", "list"], discardStdout: true);

        var toReady = new List<double>();
        var startCall = new List<double>();
        var listWhole = new List<double>();
        var floor = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var once = ProcessRun.Run(dotnet, [self, "host-once"], discardStdout: false);
            var parts = once.Stdout.Trim().Split(' ');
            toReady.Add(double.Parse(parts[0], inv));
            startCall.Add(double.Parse(parts[1], inv));
            listWhole.Add(ProcessRun.Run(dotnet, [cli, "plugins", "list"], discardStdout: true).Seconds * 1000);
            floor.Add(ProcessRun.Run(dotnet, [cli, "--version"], discardStdout: true).Seconds * 1000);
        }
        var (reload, refresh) = MeasureReload(pluginRoot, runs);
        static string Row(string what, List<double> ms, string note) => TimingRow.Markdown(what, ms, note);
        var lines = new List<string>
        {
            $"Host start-up and reload, {shipped} shipped plugins, median of {runs} runs (ms), load average after: {MachineInfo.LoadText()}",
            "",
            "| what | median ms | best ms | note |",
            "|---|---:|---:|---|",
            Row("process start → host ready (cold, `host-once`)", toReady, "goal ≤ 300 ms to ready"),
            Row("`PluginHost.Start` alone (cold, same processes)", startCall, "discover + load + ConfigureServices + compose"),
            Row("`imaging plugins list` whole process", listWhole, "includes printing"),
            Row("`imaging --version` whole process (floor: no plugins)", floor, "the runtime's own start"),
            Row("`Reload(id)` of one plugin (warm process)", reload, "unload + load + compose"),
            Row("`Refresh()` after a plugin folder changed", refresh, "fingerprint scan + reload"),
        };
        foreach (var l in lines) log.WriteLine(l);
        return 0;
    }

    /// <summary>`host-once`: prints "msFromProcessStart msOfStartCall" after starting a host with the shipped plugins.</summary>
    public static int Once(TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var options = new HostOptions { AuditLogPath = Path.Combine(Path.GetTempPath(), "imaging-bench-audit.log") };
        options.PluginFolders.Add(Path.Combine(AppContext.BaseDirectory, "plugins"));
        using var host = PluginHost.Start(options);
        _ = host.GetRegistry<IFilter>().Count;
        clock.Stop();
        var sinceProcessStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        if (host.Plugins.Any(p => p.Status != PluginStatus.Loaded))
            throw new InvalidOperationException("a shipped plugin failed to load: " + string.Join("; ", host.Plugins.Where(p => p.Error is not null).Select(p => $"{p.Id}: {p.Error}")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sinceProcessStart:0.0} {clock.Elapsed.TotalMilliseconds:0.0}"));
        // Where the time went, for whoever runs it by hand (stderr: the `host` command reads stdout only).
        foreach (var p in host.Plugins) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Id}: {p.LoadTime.TotalMilliseconds:0.0} ms"));
        return 0;
    }

    private static (List<double> Reload, List<double> Refresh) MeasureReload(string pluginRoot, int runs)
    {
        var root = Path.Combine(Path.GetTempPath(), $"imaging-bench-plugins-{Environment.ProcessId}");
        try
        {
            foreach (var folder in Directory.GetDirectories(pluginRoot)) Copy(folder, Path.Combine(root, Path.GetFileName(folder)));
            var options = new HostOptions { AuditLogPath = Path.Combine(root, "audit.log") };
            options.PluginFolders.Add(root);
            using var host = PluginHost.Start(options);
            var id = host.Plugins.First(p => p.Status == PluginStatus.Loaded).Id;
            var manifest = Path.Combine(host.Plugins.First(p => p.Id == id).Folder, "plugin.json");
            host.Reload(id); // warm
            var reload = new List<double>();
            var refresh = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                host.Reload(id);
                reload.Add(sw.Elapsed.TotalMilliseconds);
                File.SetLastWriteTimeUtc(manifest, DateTime.UtcNow.AddSeconds(i + 1));
                sw.Restart();
                var changed = host.Refresh();
                refresh.Add(sw.Elapsed.TotalMilliseconds);
                if (changed.Count != 1) throw new InvalidOperationException($"Refresh reloaded {changed.Count} plugins, expected 1");
            }
            return (reload, refresh);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target, overwrite: true);
        }
    }
}
