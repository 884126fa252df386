using System.Text;

namespace Imaging.Scripting.Repl;

/// <summary>
/// The read-eval-print loop around a <see cref="ReplSession"/>: reads lines until a submission is complete ("> " then
/// "* " on a terminal), runs it, prints its value (<c>imaging dump</c>-like tables for data sets, first rows of
/// collections) or its errors, and handles <c>#help</c>, <c>#reset</c>, <c>#load FILE</c>, <c>#quit</c>/<c>#exit</c>.
/// Errors never end the loop; the end of input (Ctrl+D, EOF) does. Piped input is read plainly: no prompts, no echo.
/// </summary>
public sealed class ReplRunner
{
    /// <summary>The prompt for a new submission.</summary>
    public const string Prompt = "> ";

    /// <summary>The prompt for a line that continues an unfinished submission.</summary>
    public const string ContinuationPrompt = "* ";

    private readonly object _gate = new();
    private readonly ReplSession _session;
    private readonly IReplInput _input;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly ReplOptions _options;
    private CancellationTokenSource? _running;

    /// <summary>A loop reading plain lines from <paramref name="input"/> (a pipe, a file, a test's <see cref="StringReader"/>).</summary>
    public ReplRunner(ReplSession session, TextReader input, TextWriter output, TextWriter error, ReplOptions? options = null)
        : this(session, new PlainInput(input), output, error, options ?? new ReplOptions())
    {
    }

    internal ReplRunner(ReplSession session, IReplInput input, TextWriter output, TextWriter error, ReplOptions options)
    {
        _session = session;
        _input = input;
        _output = output;
        _error = error;
        _options = options;
    }

    /// <summary>
    /// A loop on the process console with a line editor (history in <see cref="ReplOptions.HistoryPath"/>, tab completion
    /// from the session). Use only when standard input and output are a terminal.
    /// </summary>
    public static ReplRunner ForConsole(ReplSession session, ReplOptions? options = null)
        => ForTerminal(session, new SystemTerminal(), Console.Out, Console.Error, options ?? new ReplOptions());

    internal static ReplRunner ForTerminal(ReplSession session, ITerminal terminal, TextWriter output, TextWriter error, ReplOptions options)
    {
        var editor = new LineEditor(terminal, new ReplHistory(options.HistoryPath), session.Complete);
        return new ReplRunner(session, editor, output, error, options);
    }

    /// <summary>The session the loop evaluates in.</summary>
    public ReplSession Session => _session;

    /// <summary>True while a submission is running.</summary>
    public bool IsRunning
    {
        get { lock (_gate) return _running is not null; }
    }

    /// <summary>
    /// Runs the loop until <c>#quit</c>/<c>#exit</c> or the end of input. Returns 0, or 1 when input was piped and a
    /// submission failed (so <c>imaging repl &lt; steps.csx</c> tells a caller something went wrong).
    /// </summary>
    public async Task<int> RunAsync()
    {
        var pending = new StringBuilder();
        bool failed = false;
        while (true)
        {
            var line = _input.ReadLine(pending.Length == 0 ? Prompt : ContinuationPrompt, pending.ToString());
            if (line.Interrupted)
            {
                pending.Clear();
                continue;
            }
            if (line.IsEnd)
            {
                if (pending.Length > 0) failed |= !await SubmitAsync(pending.ToString()).ConfigureAwait(false);
                break;
            }
            var text = line.Text!;
            if (pending.Length == 0)
            {
                if (text.Trim().Length == 0) continue;
                var command = await CommandAsync(text.Trim()).ConfigureAwait(false);
                if (command == CommandResult.Quit) break;
                if (command != CommandResult.NotACommand)
                {
                    failed |= command == CommandResult.Failed;
                    continue;
                }
            }
            if (pending.Length > 0) pending.Append('\n');
            pending.Append(text);
            var code = pending.ToString();
            if (!ReplSession.IsCompleteSubmission(code)) continue;
            pending.Clear();
            failed |= !await SubmitAsync(code).ConfigureAwait(false);
        }
        await _output.FlushAsync().ConfigureAwait(false);
        return failed && _input is PlainInput ? 1 : 0;
    }

    /// <summary>
    /// Cancels the running submission (what Ctrl+C does): its <see cref="ScriptGlobals.CancellationToken"/> is cancelled
    /// and the loop goes back to the prompt. Returns false when nothing was running.
    /// </summary>
    public bool Interrupt()
    {
        lock (_gate)
        {
            if (_running is null) return false;
            _running.Cancel();
            return true;
        }
    }

    /// <summary>Evaluates one submission and prints what it gave; false when it failed.</summary>
    private async Task<bool> SubmitAsync(string code)
    {
        ReplSubmissionResult result;
        using (var cts = new CancellationTokenSource())
        {
            lock (_gate) _running = cts;
            try
            {
                result = await _session.EvaluateAsync(code, cts.Token).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate) _running = null;
            }
        }
        Report(result);
        return result.Succeeded;
    }

    private void Report(ReplSubmissionResult result)
    {
        switch (result.Outcome)
        {
            case ReplOutcome.Value:
                try
                {
                    ReplFormatter.Write(result.Value, _output);
                }
                catch (Exception e)
                {
                    // A value whose ToString or enumeration throws is reported like any runtime error.
                    _error.WriteLine(ReplFormatter.ExceptionLine(e));
                    if (_options.Verbose) _error.WriteLine(e.StackTrace);
                }
                break;
            case ReplOutcome.CompileError:
                foreach (var error in result.Errors) _error.WriteLine(error);
                break;
            case ReplOutcome.RuntimeError:
                _error.WriteLine(ReplFormatter.ExceptionLine(result.Exception!));
                if (_options.Verbose) _error.WriteLine(result.Exception!.StackTrace);
                break;
            case ReplOutcome.Cancelled:
                _error.WriteLine(result.Exception is TimeoutException abandoned ? $"cancelled: {abandoned.Message}" : "cancelled");
                break;
        }
        _output.Flush();
        _error.Flush();
    }

    private async Task<CommandResult> CommandAsync(string line)
    {
        var (name, argument) = Split(line);
        switch (name)
        {
            case "#quit" or "#exit" when argument.Length == 0:
                return CommandResult.Quit;
            case "#help" when argument.Length == 0:
                ReplHelp.Write(_output);
                return CommandResult.Done;
            case "#reset" when argument.Length == 0:
                _session.Reset();
                _output.WriteLine("Session reset: earlier definitions are forgotten.");
                return CommandResult.Done;
            case "#load":
                if (argument.Length == 0)
                {
                    _error.WriteLine("#load: which file? e.g. #load helpers.csx");
                    return CommandResult.Failed;
                }
                ReplSubmissionResult result;
                using (var cts = new CancellationTokenSource())
                {
                    lock (_gate) _running = cts;
                    try
                    {
                        result = await _session.LoadAsync(argument, cts.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        lock (_gate) _running = null;
                    }
                }
                if (result.Outcome == ReplOutcome.RuntimeError && result.Exception is FileNotFoundException missing)
                    _error.WriteLine($"#load: {missing.Message}");
                else
                    Report(result);
                return result.Succeeded ? CommandResult.Done : CommandResult.Failed;
            default:
                return CommandResult.NotACommand;
        }
    }

    /// <summary>"#load "a b.csx"" → ("#load", "a b.csx"): the command word and its argument without quotes.</summary>
    private static (string Name, string Argument) Split(string line)
    {
        if (!line.StartsWith('#')) return ("", "");
        int space = line.IndexOfAny([' ', '\t']);
        if (space < 0) return (line, "");
        var argument = line[(space + 1)..].Trim();
        if (argument.EndsWith(';')) argument = argument[..^1].TrimEnd();
        if (argument.Length >= 2 && argument[0] == '"' && argument[^1] == '"') argument = argument[1..^1];
        return (line[..space], argument);
    }

    private enum CommandResult
    {
        NotACommand,
        Done,
        Failed,
        Quit,
    }
}
