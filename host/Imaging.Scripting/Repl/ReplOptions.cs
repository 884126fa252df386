namespace Imaging.Scripting.Repl;

/// <summary>How a <see cref="ReplRunner"/> behaves.</summary>
public sealed class ReplOptions
{
    /// <summary>Print the stack trace of a submission's exception (the CLI's <c>--verbose</c>). Default: type and message only.</summary>
    public bool Verbose { get; init; }

    /// <summary>
    /// The history file for the line editor: by default <c>history</c> in <c>~/.imaging</c> (or <c>$IMAGING_HOME</c>);
    /// null keeps history in memory only. Piped input is never added to the history.
    /// </summary>
    public string? HistoryPath { get; init; } = ReplHistory.DefaultPath;
}
