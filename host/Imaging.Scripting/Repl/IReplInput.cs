namespace Imaging.Scripting.Repl;

/// <summary>Where the REPL reads its lines: a line editor on a terminal, or plain lines from a pipe.</summary>
internal interface IReplInput
{
    /// <summary>Reads one line, showing <paramref name="prompt"/> when the input is interactive.</summary>
    /// <param name="prompt">"> " for a new submission, "* " for a continuation line.</param>
    /// <param name="pending">The lines of the submission read so far (for completion), empty for a new one.</param>
    InputLine ReadLine(string prompt, string pending);
}
