namespace Imaging.Scripting.Repl;

/// <summary>What <see cref="IReplInput.ReadLine"/> got: a line, the end of input (Ctrl+D, EOF), or an interrupted line (Ctrl+C).</summary>
internal readonly record struct InputLine(string? Text, bool Interrupted)
{
    public static InputLine EndOfInput => new(null, false);

    public static InputLine Interrupt => new(null, true);

    public bool IsEnd => Text is null && !Interrupted;
}
