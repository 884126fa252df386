using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Imaging.Dicom.Tests.Oracles;

/// <summary>
/// Runs a Python script with the system interpreter (Debian's /usr/bin/python3, which has pydicom 2.3.1) as a reference
/// oracle for tests. Scripts read their input from stdin and print their answer (usually JSON) to stdout.
/// </summary>
public static class PythonOracle
{
    /// <summary>The interpreter that has pydicom; not the one first on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The pydicom test data folder (test_files, charset_files); the same as <see cref="TestFiles.PydicomData"/>.</summary>
    public const string PydicomData = TestFiles.PydicomData;

    /// <summary>Runs <c>python3 -c script</c> with <paramref name="stdin"/> as input and returns stdout.</summary>
    /// <exception cref="InvalidOperationException">The script failed or timed out; the message holds its stderr.</exception>
    public static string Run(string script, string? stdin = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var input = process.StandardInput)
        {
            if (stdin is not null) input.Write(stdin);
        }
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Python} timed out.\n{stderr.Result}");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Python} exited with {process.ExitCode}:\n{stderr.Result}");
        return stdout.Result;
    }

    /// <summary>Runs the script and parses its stdout as JSON.</summary>
    public static JsonElement RunJson(string script, string? stdin = null, TimeSpan? timeout = null)
    {
        using var doc = JsonDocument.Parse(Run(script, stdin, timeout));
        return doc.RootElement.Clone();
    }
}
