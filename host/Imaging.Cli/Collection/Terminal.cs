namespace Imaging.Cli.Collection;

/// <summary>Whether a writer the CLI was handed is the process's own console output or error, and that one is a terminal (not redirected).</summary>
internal static class Terminal
{
    public static bool IsStdout(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    public static bool IsStderr(TextWriter writer) => ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
}
