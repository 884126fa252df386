using System.Diagnostics;
using Imaging.Scripting.Tests.Running;

namespace Imaging.Scripting.Tests.Repl;

/// <summary>`dotnet imaging.dll repl` as a real process with stdin redirected: what an analyst piping a script sees.</summary>
public sealed class ReplProcessTests
{
    [Fact]
    public async Task Repl_PipedStdin_EvaluatesDefinitionsAndSurvivesErrors()
    {
        using var home = new TempFolder();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home.Path,
        };
        info.ArgumentList.Add(TestFiles.ImagingDll);
        info.ArgumentList.Add("repl");
        info.Environment["IMAGING_HOME"] = home.Path;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        await process.StandardInput.WriteAsync("var x = 2;\nx * 21\nvar broken = ;\nFilters[\"gaussian\"].Name\n#quit\n");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var output = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = await stderr;
        Assert.Equal(["42", "\"gaussian\""], output);
        Assert.Contains("(repl)(1,14): error CS1525", error);
        Assert.Equal(1, process.ExitCode);
        Assert.False(File.Exists(Path.Combine(home.Path, "history")), "piped input is not history");
    }
}
