using System.Diagnostics;

namespace Imaging.Dicom.Tests.Dictionary;

/// <summary>Runs the reference implementations installed on the machine (pydicom via /usr/bin/python3).</summary>
internal static class Oracle
{
    /// <summary>Runs a Python script with the system interpreter (which has Debian's python3-pydicom) and returns its standard output.</summary>
    public static string Python(string script)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) process.Kill();
        Assert.True(process.ExitCode == 0, $"python3 failed: {stderr.Result}");
        return stdout.Result;
    }
}
