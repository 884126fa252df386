using System.Diagnostics;
using System.Text;

namespace Imaging.Host.Tests.ExternalPlugins;

/// <summary>
/// Runs the <c>dotnet</c> tool as a separate process, the way a plugin author's shell would: the MSBuild variables that
/// <c>dotnet test</c> puts into this process are removed, and each call gives its own extra variables.
/// </summary>
public sealed class DotnetCli
{
    private static readonly string[] InheritedPrefixesToDrop = ["MSBUILD", "MSBuild", "VSTEST_", "TESTINGPLATFORM_"];

    /// <summary>Creates the runner for <paramref name="dotnetPath"/>.</summary>
    public DotnetCli(string dotnetPath) => DotnetPath = dotnetPath;

    /// <summary>The full path of the dotnet executable.</summary>
    public string DotnetPath { get; }

    /// <summary>
    /// Finds <c>dotnet</c>: <c>DOTNET_HOST_PATH</c> when it names a file (set by the dotnet CLI for the tools it
    /// starts), otherwise the first <c>dotnet</c> on <c>PATH</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither names an existing file.</exception>
    public static DotnetCli Locate()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath)) return new DotnetCli(hostPath);
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, exe);
            if (File.Exists(candidate)) return new DotnetCli(candidate);
        }
        throw new FileNotFoundException($"The dotnet tool was found neither through DOTNET_HOST_PATH ('{hostPath}') nor on PATH.");
    }

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>. Variables in
    /// <paramref name="environment"/> are set (a null value removes one). The process tree is killed after
    /// <paramref name="timeout"/>; the result then has no exit code.
    /// </summary>
    public async Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(DotnetPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (InheritedPrefixesToDrop.Any(p => key.StartsWith(p, StringComparison.Ordinal))) psi.Environment.Remove(key);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        psi.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment)
        {
            if (value is null) psi.Environment.Remove(key);
            else psi.Environment[key] = value;
        }

        var commandLine = string.Join(' ', new[] { "dotnet" }.Concat(arguments.Select(Quote)));
        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new CommandResult(commandLine, workingDirectory, null, $"could not start {DotnetPath}: {e.Message}", watch.Elapsed);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        int? exitCode;
        try
        {
            await process.WaitForExitAsync(cts.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output) output.Append($"killed after the timeout of {timeout.TotalSeconds:F0} s\n");
            exitCode = null;
        }
        watch.Stop();
        string text;
        lock (output) text = output.ToString();
        return new CommandResult(commandLine, workingDirectory, exitCode, text, watch.Elapsed);
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
