using System.Diagnostics;
using Imaging.Cli;

namespace Imaging.Scripting.Tests.Running;

/// <summary>Ctrl+C (the CLI's cancellation token) stops a running script: exit 130, "imaging: cancelled", no stack trace.</summary>
[Collection(RunnerCollection.Name)]
public sealed class CancellationTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("Print(\"started\");\nwhile (true) await Task.Delay(20, CancellationToken);\n")]
    [InlineData("Print(\"started\");\nlong spins = 0;\nwhile (true) { CancellationToken.ThrowIfCancellationRequested(); spins++; }\n")]
    [InlineData("Print(\"started\");\nwhile (!CancellationToken.IsCancellationRequested) System.Threading.Thread.Sleep(5);\nCancellationToken.ThrowIfCancellationRequested();\n")]
    public async Task Run_CancelledWhileLooping_ExitsWith130Quickly(string code)
    {
        using var temp = new TempFolder();
        var script = temp.Write("loop.csx", code);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var cts = new CancellationTokenSource();
        var run = Program.RunAsync(["run", "--no-cache", script], TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), cts.Token);
        await WaitForAsync(() => stdout.ToString().Contains("started", StringComparison.Ordinal) || run.IsCompleted);
        Assert.False(run.IsCompleted, $"the script ended by itself: {stderr}");

        var clock = Stopwatch.StartNew();
        await cts.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed} to stop");
        Assert.Equal(130, exitCode);
        Assert.Equal("imaging: cancelled", stderr.ToString().Trim());
    }

    [Fact]
    public async Task Run_SigintToTheProcess_ExitsWith130AndNoStackTrace()
    {
        if (OperatingSystem.IsWindows()) return; // SIGINT and kill(1) are POSIX; the in-process tests above cover Windows.
        using var temp = new TempFolder();
        var script = temp.Write("loop.csx", "Print(\"started\");\nwhile (true) await Task.Delay(20, CancellationToken);\n");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { TestFiles.ImagingDll, "run", script }) info.ArgumentList.Add(a);
        info.Environment["IMAGING_HOME"] = temp.File("home");
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        Assert.Equal("started", firstLine);

        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed} to stop");
        Assert.Equal(130, process.ExitCode);
        Assert.Equal("imaging: cancelled", (await stderr).Trim());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > StartTimeout) throw new TimeoutException("the script did not start");
            await Task.Delay(20);
        }
    }
}
