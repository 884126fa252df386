using System.Diagnostics;

namespace Imaging.Benchmarks.Compare;

/// <summary>Runs a program once and times the whole process, from start to exit.</summary>
internal static class ProcessRun
{
    /// <summary>What a run gave.</summary>
    public sealed record Result(double Seconds, int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// Runs <paramref name="exe"/> with <paramref name="args"/>. With <paramref name="discardStdout"/> the program writes
    /// straight to /dev/null (through <c>sh -c 'exec …'</c>, so no pipe and no reader thread of ours costs anything);
    /// otherwise stdout is captured. Stderr is always captured.
    /// </summary>
    public static Result Run(string exe, IReadOnlyList<string> args, bool discardStdout)
    {
        var psi = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = !discardStdout,
        };
        if (discardStdout)
        {
            psi.FileName = "/bin/sh";
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("exec \"$0\" \"$@\" >/dev/null");
            psi.ArgumentList.Add(exe);
        }
        else
        {
            psi.FileName = exe;
        }
        foreach (var a in args) psi.ArgumentList.Add(a);

        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = discardStdout ? Task.FromResult("") : p.StandardOutput.ReadToEndAsync();
        p.WaitForExit();
        sw.Stop();
        return new Result(sw.Elapsed.TotalSeconds, p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The first line a program prints for <paramref name="args"/>, or null when it cannot be run.</summary>
    public static string? FirstLine(string exe, params string[] args)
    {
        try
        {
            var r = Run(exe, args, discardStdout: false);
            var text = r.Stdout.Length > 0 ? r.Stdout : r.Stderr;
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
