namespace Imaging.Host.Tests.ExternalPlugins;

/// <summary>One finished (or abandoned) external command: what ran, where, how it ended, what it printed, how long it took.</summary>
/// <param name="CommandLine">The command as it would be typed.</param>
/// <param name="WorkingDirectory">Where it ran.</param>
/// <param name="ExitCode">Its exit code; null when it could not start or was killed after its timeout.</param>
/// <param name="Output">Standard output and standard error, interleaved as they arrived.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int? ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>The command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last <paramref name="lines"/> lines of <see cref="Output"/>.</summary>
    public string Tail(int lines = 40)
    {
        var all = Output.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <summary>"$ command (in dir) → exit N after 1.2 s".</summary>
    public string Summary => $"$ {CommandLine}  (in {WorkingDirectory}) -> {(ExitCode is { } code ? $"exit {code}" : "did not finish")} after {Elapsed.TotalSeconds:F1} s";
}
