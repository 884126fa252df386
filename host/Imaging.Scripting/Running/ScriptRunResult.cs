namespace Imaging.Scripting.Running;

/// <summary>The result of <see cref="ScriptRunner.RunAsync"/>: the outcome, its errors, and whether the compile cache was used.</summary>
public sealed class ScriptRunResult
{
    /// <summary>Exit code of a cancelled script: 128 + SIGINT, as shells report Ctrl+C.</summary>
    public const int CancelledExitCode = 130;

    internal ScriptRunResult(ScriptOutcome outcome, IReadOnlyList<string> errors)
    {
        Outcome = outcome;
        Errors = errors;
    }

    /// <summary>How the run ended.</summary>
    public ScriptOutcome Outcome { get; }

    /// <summary>
    /// Compile errors (<c>file(line,col): error CSxxxx: message</c>), or the runtime error (<c>file(line): ExceptionType:
    /// message</c>), or the bad-input message; empty when the script completed or was cancelled.
    /// </summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The exception the script threw (<see cref="ScriptOutcome.Failed"/> or <see cref="ScriptOutcome.Cancelled"/>).</summary>
    public Exception? Exception { get; internal init; }

    /// <summary>What the script returned with a top-level <c>return</c> statement, if anything.</summary>
    public object? ReturnValue { get; internal init; }

    /// <summary>True when the script was compiled in this run (false on a cache hit).</summary>
    public bool Compiled { get; internal init; }

    /// <summary>True when the compiled script came from the cache.</summary>
    public bool CacheHit { get; internal init; }

    /// <summary>The cache key (SHA-256, hex) of the script and everything it includes; null when caching was off.</summary>
    public string? CacheKey { get; internal init; }

    /// <summary>Time spent compiling (zero on a cache hit).</summary>
    public TimeSpan CompileTime { get; internal init; }

    /// <summary>Time spent loading the compiled script (from the compiler or the cache) and running it.</summary>
    public TimeSpan RunTime { get; internal init; }

    /// <summary>
    /// The CLI exit code: 0 (or the <c>int</c> the script returned) when completed, 1 for compile and runtime errors,
    /// 2 for bad input, 130 when cancelled.
    /// </summary>
    public int ExitCode => Outcome switch
    {
        ScriptOutcome.Completed => ReturnValue is int code ? code : 0,
        ScriptOutcome.Cancelled => CancelledExitCode,
        ScriptOutcome.BadInput => 2,
        _ => 1,
    };
}
