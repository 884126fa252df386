namespace Imaging.Scripting.Repl;

/// <summary>Lines from a pipe or file: no prompt, no echo, no editing (what tests and <c>imaging repl &lt; file</c> use).</summary>
internal sealed class PlainInput(TextReader reader) : IReplInput
{
    public InputLine ReadLine(string prompt, string pending) => reader.ReadLine() is { } line ? new InputLine(line, false) : InputLine.EndOfInput;
}
