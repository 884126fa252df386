using System.Diagnostics;
using System.Globalization;
using Imaging.Benchmarks.Compare;
using Imaging.Host;
using Imaging.Scripting;
using Imaging.Scripting.Repl;
using Imaging.Sdk.Testing;

namespace Imaging.Benchmarks.Scripting;

/// <summary>
/// `repl`: evaluation time of REPL submissions after the first (goal ≤ 150 ms), in-process on a <see cref="ReplSession"/>
/// as `imaging repl` runs it: the first submission (cold), then the median of N submissions of a trivial expression, of a
/// call that reads a synthetic study's headers, and of a definition, each after five warm-up runs. Beside the second,
/// the same call without Roslyn (the work itself), so the REPL's own cost can be read off.
/// </summary>
internal static class ReplEvalCommand
{
    public static int Run(string[] args, TextWriter log)
    {
        var inv = CultureInfo.InvariantCulture;
        int runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], inv) : 20;
        var work = Path.Combine(Path.GetTempPath(), $"imaging-bench-repl-{Environment.ProcessId}");
        try
        {
            var study = Path.Combine(work, "study");
            SyntheticStudy.WriteTo(study);
            log.WriteLine($"load average before: {MachineInfo.LoadText()} on {Environment.ProcessorCount} processors; study {study} (36 files)");
            var options = new HostOptions { AuditLogPath = Path.Combine(work, "audit.log") };
            options.PluginFolders.Add(Path.Combine(AppContext.BaseDirectory, "plugins"));
            using var host = PluginHost.Start(options);
            var globals = new ScriptGlobals(host, [], work, TextWriter.Null, TextWriter.Null, CancellationToken.None);
            var session = new ReplSession(globals);

            var first = Stopwatch.StartNew();
            Check(session.EvaluateAsync("1+1").GetAwaiter().GetResult());
            first.Stop();
            var rows = new List<string>
            {
                Row(inv, "first submission `1+1` (cold: Roslyn loads and JITs)", [first.Elapsed.TotalMilliseconds], "once per session"),
                Row(inv, "`1+1`", Time(session, "1+1", runs), "goal ≤ 150 ms"),
                Row(inv, "`Series(\"study\").Count` (reads 36 headers)", Time(session, "Series(\"study\").Count", runs), "goal ≤ 150 ms"),
                Row(inv, "the same `Series(...)` called directly (no Roslyn)", Direct(globals, runs), "the work itself"),
                Row(inv, "a definition `int Twice(int x) => 2 * x;`", Time(session, "int Twice(int x) => 2 * x;", runs), "goal ≤ 150 ms"),
            };
            log.WriteLine($"REPL evaluation, median of {runs} submissions after 5 warm-up runs each (ms), load average after: {MachineInfo.LoadText()}");
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

    private static List<double> Time(ReplSession session, string code, int runs)
    {
        for (int i = 0; i < 5; i++) Check(session.EvaluateAsync(code).GetAwaiter().GetResult());
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            Check(session.EvaluateAsync(code).GetAwaiter().GetResult());
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static List<double> Direct(ScriptGlobals globals, int runs)
    {
        for (int i = 0; i < 5; i++) _ = globals.Series("study").Count;
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            _ = globals.Series("study").Count;
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static void Check(ReplSubmissionResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException($"submission failed: {string.Join("; ", r.Errors)} {r.Exception?.Message}");
    }

    private static string Row(CultureInfo inv, string what, List<double> ms, string note) => TimingRow.Markdown(what, ms, note, "0.0");
}
