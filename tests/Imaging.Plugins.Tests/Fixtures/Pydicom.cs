using System.Diagnostics;
using System.Text.Json;

namespace Imaging.Plugins.Tests.Fixtures;

/// <summary>pydicom (Debian's /usr/bin/python3 with pydicom 2.3.1) as an independent reader of what the plugins write.</summary>
public static class Pydicom
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> (sys.argv[1:]) and parses its stdout as JSON.</summary>
    public static async Task<JsonElement> RunJsonAsync(string script, params string[] arguments)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Python} exited with {process.ExitCode}:\n{await stderr}");
        using var doc = JsonDocument.Parse(await stdout);
        return doc.RootElement.Clone();
    }
}
