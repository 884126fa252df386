namespace Imaging.Scripting.Repl;

/// <summary>The result of one REPL submission (<see cref="ReplSession.EvaluateAsync"/>).</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Value">The value of a trailing expression (<see cref="ReplOutcome.Value"/> only).</param>
/// <param name="Errors">Compile errors, formatted <c>(repl)(line,col): error CSxxxx: message</c> (a <c>#load</c>'ed file's errors name that file).</param>
/// <param name="Exception">The exception a submission threw (unwrapped from <see cref="AggregateException"/> and reflection wrappers); for <see cref="ReplOutcome.Cancelled"/>, the <see cref="OperationCanceledException"/>, or a <see cref="TimeoutException"/> when the submission ignored cancellation and was abandoned.</param>
/// <param name="Elapsed">Compile plus run time.</param>
public sealed record ReplSubmissionResult(ReplOutcome Outcome, object? Value, IReadOnlyList<string> Errors, Exception? Exception, TimeSpan Elapsed)
{
    /// <summary>True when the submission compiled and ran to the end.</summary>
    public bool Succeeded => Outcome is ReplOutcome.Value or ReplOutcome.NoValue;
}
