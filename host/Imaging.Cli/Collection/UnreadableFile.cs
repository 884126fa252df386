namespace Imaging.Cli.Collection;

/// <summary>A file or folder the collection could not use, with the one-line reason (the reader's message without the path).</summary>
internal sealed record UnreadableFile(string Path, string Reason)
{
    /// <summary>The exception behind the reason, shown with --verbose; null when there was none (e.g. a truncated file read leniently).</summary>
    public Exception? Exception { get; init; }
}
