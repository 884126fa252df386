namespace Imaging.Scripting.Repl;

/// <summary>The terminal a <see cref="LineEditor"/> draws on (the console, or a fake in tests).</summary>
internal interface ITerminal
{
    /// <summary>The width in columns.</summary>
    int Width { get; }

    /// <summary>Waits for a key (not echoed). While reading, Ctrl+C arrives as a key, not as a signal.</summary>
    ConsoleKeyInfo ReadKey();

    /// <summary>Writes text, including ANSI cursor sequences.</summary>
    void Write(string text);
}
