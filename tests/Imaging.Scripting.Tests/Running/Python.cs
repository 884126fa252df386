using System.Diagnostics;

namespace Imaging.Scripting.Tests.Running;

/// <summary>Runs a snippet with Debian's /usr/bin/python3 (numpy, nibabel: test oracles only, scripts/setup.sh installs them).</summary>
internal static class Python
{
    public static string Run(string code)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"python3 failed ({process.ExitCode}): {stderr}");
        return stdout.GetAwaiter().GetResult();
    }
}
