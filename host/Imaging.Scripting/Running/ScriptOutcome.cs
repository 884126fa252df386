namespace Imaging.Scripting.Running;

/// <summary>How a script run ended; <see cref="ScriptRunResult.ExitCode"/> maps it to the CLI's exit codes.</summary>
public enum ScriptOutcome
{
    /// <summary>The script ran to the end (exit code 0, or the <c>int</c> it returned).</summary>
    Completed,

    /// <summary>The script did not compile (exit code 1); <see cref="ScriptRunResult.Errors"/> holds <c>file(line,col): error CSxxxx: message</c> lines.</summary>
    CompileFailed,

    /// <summary>The script threw (exit code 1); <see cref="ScriptRunResult.Errors"/> holds <c>file(line): ExceptionType: message</c>.</summary>
    Failed,

    /// <summary>The script stopped because its cancellation token was cancelled (Ctrl+C; exit code 130).</summary>
    Cancelled,

    /// <summary>The script file does not exist or cannot be read (exit code 2).</summary>
    BadInput,
}
