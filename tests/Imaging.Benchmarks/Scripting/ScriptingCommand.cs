using System.Diagnostics;
using System.Globalization;
using Imaging.Benchmarks.Compare;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Imaging.Benchmarks.Scripting;

/// <summary>
/// `scripting`: process start → first line of output of a trivial script (<c>Print("hello");</c>) through the built
/// CLI (<c>dotnet imaging.dll run hello.csx</c>), cold (an empty compile cache: a fresh IMAGING_HOME per run) and
/// cached, as the median of N fresh processes. Beside it: the floor (<c>imaging --version</c>, no script), and the
/// peer that could run here — Roslyn's own <c>CSharpScript.RunAsync</c> in a fresh process (`scripting-roslyn-once`),
/// which is what every Roslyn script runner (dotnet-script, csi) pays at least when it compiles.
/// With <c>--r2r DIR</c> the same lines run against a ReadyToRun publish of the CLI in DIR.
/// </summary>
internal static class ScriptingCommand
{
    public static int Run(string[] args, TextWriter log)
    {
        var inv = CultureInfo.InvariantCulture;
        int runs = 11;
        string? r2r = null;
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--runs") runs = int.Parse(args[++i], inv);
            else if (args[i] == "--r2r") r2r = Path.GetFullPath(args[++i]);
        }
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var self = Path.Combine(AppContext.BaseDirectory, "Imaging.Benchmarks.dll");
        var work = Path.Combine(Path.GetTempPath(), $"imaging-bench-scripting-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var script = Path.Combine(work, "hello.csx");
            File.WriteAllText(script, "Print(\"hello\");\n");
            log.WriteLine($"load average before: {MachineInfo.LoadText()} on {Environment.ProcessorCount} processors");
            var builds = new List<(string Name, string Dll)> { ("JIT", Path.Combine(AppContext.BaseDirectory, "imaging.dll")) };
            if (r2r is not null) builds.Add(("ReadyToRun", Path.Combine(r2r, "imaging.dll")));

            var rows = new List<string>();
            foreach (var (name, cli) in builds)
            {
                var cachedHome = Path.Combine(work, $"home-{name}");
                FirstLine(dotnet, [cli, "run", script], cachedHome); // warm the page cache and fill the compile cache
                var profiledHome = Path.Combine(work, $"profiled-{name}");
                FirstLine(dotnet, [cli, "run", script], profiledHome); // records the multi-core JIT profile
                var floor = new List<double>();
                var first = new List<double>();
                var cold = new List<double>();
                var cached = new List<double>();
                for (int i = 0; i < runs; i++)
                {
                    floor.Add(FirstLine(dotnet, [cli, "--version"], cachedHome));
                    first.Add(FirstLine(dotnet, [cli, "run", script], Path.Combine(work, $"fresh-{name}-{i}")));
                    Directory.Delete(Path.Combine(profiledHome, "cache", "scripts"), recursive: true);
                    cold.Add(FirstLine(dotnet, [cli, "run", script], profiledHome));
                    cached.Add(FirstLine(dotnet, [cli, "run", script], cachedHome));
                }
                rows.Add(Row(inv, $"`imaging --version` ({name}; floor: runtime + CLI start, no script)", floor, ""));
                rows.Add(Row(inv, $"`imaging run hello.csx`, first run ever: empty IMAGING_HOME, compiles ({name})", first, "goal ≤ 1,000 ms"));
                rows.Add(Row(inv, $"`imaging run hello.csx`, cold: script not cached, compiles; JIT profile kept ({name})", cold, "goal ≤ 1,000 ms"));
                rows.Add(Row(inv, $"`imaging run hello.csx`, cached: no compile ({name})", cached, "goal ≤ 400 ms"));
            }
            FirstLine(dotnet, [self, "scripting-roslyn-once"], work);
            var roslyn = Enumerable.Range(0, runs).Select(_ => FirstLine(dotnet, [self, "scripting-roslyn-once"], work)).ToList();
            rows.Add(Row(inv, "peer: Roslyn `CSharpScript.RunAsync` in a fresh process (ScriptOptions.Default)", roslyn, "what a Roslyn runner pays to compile"));

            log.WriteLine($"Script start-up, median of {runs} fresh processes (ms from process start to the first line of output), load average after: {MachineInfo.LoadText()}");
            log.WriteLine();
            log.WriteLine("| what | median ms | best ms | note |");
            log.WriteLine("|---|---:|---:|---|");
            foreach (var r in rows) log.WriteLine(r);
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>`scripting-roslyn-once`: compiles and runs a one-line script with Roslyn's defaults and prints its output.</summary>
    public static int RoslynOnce()
        => CSharpScript.RunAsync("System.Console.WriteLine(\"hello\");", ScriptOptions.Default).GetAwaiter().GetResult() is null ? 1 : 0;

    /// <summary>Milliseconds from starting the process to reading its first line of standard output; the process is then waited for.</summary>
    private static double FirstLine(string exe, IReadOnlyList<string> args, string imagingHome)
    {
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["IMAGING_HOME"] = imagingHome;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        var stderr = process.StandardError.ReadToEndAsync();
        var first = process.StandardOutput.ReadLine();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(first))
            throw new InvalidOperationException($"{string.Join(' ', args)} failed (exit {process.ExitCode}): {stderr.Result}");
        return elapsed;
    }

    private static string Row(CultureInfo inv, string what, List<double> ms, string note) => TimingRow.Markdown(what, ms, note);
}
