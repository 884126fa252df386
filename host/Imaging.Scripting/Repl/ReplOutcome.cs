namespace Imaging.Scripting.Repl;

/// <summary>How one REPL submission ended.</summary>
public enum ReplOutcome
{
    /// <summary>The submission ended with an expression; <see cref="ReplSubmissionResult.Value"/> holds its value (possibly null).</summary>
    Value,

    /// <summary>The submission was statements or declarations (or an expression of type <c>void</c>): nothing to print.</summary>
    NoValue,

    /// <summary>The submission did not compile; <see cref="ReplSubmissionResult.Errors"/> holds <c>(repl)(line,col): error CSxxxx: message</c> lines. The session is unchanged.</summary>
    CompileError,

    /// <summary>The submission threw; <see cref="ReplSubmissionResult.Exception"/> holds the exception. The session keeps its last good state.</summary>
    RuntimeError,

    /// <summary>The submission was cancelled (Ctrl+C). The session keeps its last good state.</summary>
    Cancelled,
}
