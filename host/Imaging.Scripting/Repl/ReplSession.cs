using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Imaging.Scripting.Repl;

/// <summary>
/// A REPL session over Roslyn scripting: each submission continues the previous good one (<c>ContinueWith</c>), so
/// variables, methods and types defined earlier stay visible. A submission that does not compile, throws or is cancelled
/// leaves the session at its last good state. Submissions see the <see cref="ScriptGlobals"/> members as globals and
/// are compiled against <see cref="ScriptEnvironment"/> (BCL, Imaging.Dicom, Imaging.Sdk, Imaging.Scripting only).
/// </summary>
/// <remarks>Not thread-safe: evaluate one submission at a time (as a REPL does).</remarks>
public sealed class ReplSession
{
    /// <summary>The file name compile errors of typed input carry: <c>(repl)(line,col): error CSxxxx: message</c>.</summary>
    public const string InputName = "(repl)";

    private static readonly CSharpParseOptions ScriptParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private ScriptState<object>? _state;
    private int _generation;

    /// <summary>Creates a session over <paramref name="globals"/>, compiling against a new <see cref="ScriptEnvironment"/> rooted at the globals' base directory.</summary>
    public ReplSession(ScriptGlobals globals) : this(globals, new ScriptEnvironment(globals.BaseDirectory))
    {
    }

    /// <summary>Creates a session over <paramref name="globals"/> compiling against <paramref name="environment"/>.</summary>
    public ReplSession(ScriptGlobals globals, ScriptEnvironment environment)
    {
        Globals = globals;
        Environment = environment;
    }

    /// <summary>The globals every submission sees.</summary>
    public ScriptGlobals Globals { get; }

    /// <summary>The references, imports and resolvers submissions are compiled with.</summary>
    public ScriptEnvironment Environment { get; }

    /// <summary>
    /// How long <see cref="EvaluateAsync"/> waits, after its token is cancelled, for the submission to stop; a submission
    /// that ignores <see cref="ScriptGlobals.CancellationToken"/> longer is abandoned (left to finish in the background,
    /// its result discarded). Default 2 s.
    /// </summary>
    public TimeSpan CancellationGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The number of good submissions since the start or the last <see cref="Reset"/>.</summary>
    public int SubmissionCount { get; private set; }

    /// <summary>
    /// True when <paramref name="code"/> is a complete C# script submission: a REPL keeps reading lines
    /// while this is false, e.g. after <c>int Twice(int x)</c> or <c>var x = 1 +</c>.
    /// </summary>
    public static bool IsCompleteSubmission(string code)
        => SyntaxFactory.IsCompleteSubmission(SyntaxFactory.ParseSyntaxTree(code, ScriptParseOptions));

    /// <summary>
    /// Compiles and runs <paramref name="code"/> after the previous good submission. <paramref name="cancellationToken"/>
    /// becomes <see cref="ScriptGlobals.CancellationToken"/> for the run (Ctrl+C). Never throws for errors in the code:
    /// they come back in the result.
    /// </summary>
    public async Task<ReplSubmissionResult> EvaluateAsync(string code, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var previous = _state;
        var script = previous is null
            ? CSharpScript.Create<object>(code, Environment.Options, ScriptEnvironment.GlobalsType)
            : previous.Script.ContinueWith<object>(code, Environment.Options);
        var errors = ScriptEnvironment.FormatErrors(script.Compile(CancellationToken.None), InputName);
        if (errors.Count > 0) return new ReplSubmissionResult(ReplOutcome.CompileError, null, errors, null, clock.Elapsed);

        int generation = ++_generation;
        Globals.CancellationToken = cancellationToken;
        var run = Task.Run(() => previous is null
            ? script.RunAsync(Globals, _ => true, CancellationToken.None)
            : script.RunFromAsync(previous, _ => true, CancellationToken.None), CancellationToken.None);
        ScriptState<object> state;
        try
        {
            state = await WaitAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException abandoned) when (generation != _generation)
        {
            return new ReplSubmissionResult(ReplOutcome.Cancelled, null, [], abandoned, clock.Elapsed);
        }
        catch (CompilationErrorException e)
        {
            return new ReplSubmissionResult(ReplOutcome.CompileError, null, ScriptEnvironment.FormatErrors(e.Diagnostics, InputName), null, clock.Elapsed);
        }
        catch (Exception e)
        {
            return Failed(Unwrap(e), cancellationToken, clock.Elapsed);
        }
        if (generation != _generation) return new ReplSubmissionResult(ReplOutcome.Cancelled, null, [], null, clock.Elapsed);
        if (state.Exception is { } thrown) return Failed(Unwrap(thrown), cancellationToken, clock.Elapsed);

        _state = state;
        SubmissionCount++;
        bool hasValue = state.ReturnValue is not null || EndsWithValue(script);
        return new ReplSubmissionResult(hasValue ? ReplOutcome.Value : ReplOutcome.NoValue, state.ReturnValue, [], null, clock.Elapsed);
    }

    /// <summary>Runs the <c>.csx</c> file at <paramref name="path"/> (relative to the base directory) into the session, as <c>#load</c> does: its definitions stay.</summary>
    public Task<ReplSubmissionResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path, Environment.BaseDirectory);
        if (!File.Exists(full))
        {
            var missing = new FileNotFoundException($"{full}: no such file", full);
            return Task.FromResult(new ReplSubmissionResult(ReplOutcome.RuntimeError, null, [], missing, TimeSpan.Zero));
        }
        return EvaluateAsync($"#load {SymbolDisplay.FormatLiteral(full, quote: true)}", cancellationToken);
    }

    /// <summary>Forgets every definition: the next submission starts a new script (the globals stay).</summary>
    public void Reset()
    {
        _state = null;
        _generation++;
        SubmissionCount = 0;
    }

    /// <summary>
    /// Completion candidates for <paramref name="textBeforeCursor"/> (the submission typed so far): members of the type or
    /// value before a trailing <c>.</c> (e.g. <c>DicomTag.PatientN</c> → <c>PatientName</c>, …), otherwise the globals,
    /// earlier definitions and imported types starting with the word being typed.
    /// </summary>
    public ReplCompletion Complete(string textBeforeCursor)
        => ReplCompleter.Complete(_state?.Script, Environment.Options, textBeforeCursor);

    /// <summary>
    /// Compiles a throw-away submission (and a completion) in the background so the compiler and the references are
    /// loaded before the user's first line. Never fails: a problem shows up again, and is reported, on the first submission.
    /// </summary>
    public Task WarmUpAsync() => Task.Run(() =>
    {
        try
        {
            CSharpScript.Create<object>("Args.Count", Environment.Options, ScriptEnvironment.GlobalsType).Compile();
            ReplCompleter.Complete(null, Environment.Options, "DicomTag.Pat");
        }
        catch (Exception)
        {
            // Warming up is an optimisation only.
        }
    });

    private async Task<ScriptState<object>> WaitAsync(Task<ScriptState<object>> run, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return await run.ConfigureAwait(false);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult()))
        {
            if (await Task.WhenAny(run, cancelled.Task).ConfigureAwait(false) == run) return await run.ConfigureAwait(false);
        }
        var grace = Task.Delay(CancellationGrace, CancellationToken.None);
        if (await Task.WhenAny(run, grace).ConfigureAwait(false) == run) return await run.ConfigureAwait(false);
        _generation++; // abandoned: whatever it returns later is not adopted
        throw new TimeoutException($"The submission ignored cancellation for {CancellationGrace.TotalSeconds:0.#} s and was abandoned; it may still be running in the background.");
    }

    private static ReplSubmissionResult Failed(Exception e, CancellationToken cancellationToken, TimeSpan elapsed)
        => e is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? new ReplSubmissionResult(ReplOutcome.Cancelled, null, [], e, elapsed)
            : new ReplSubmissionResult(ReplOutcome.RuntimeError, null, [], e, elapsed);

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case AggregateException { InnerExceptions.Count: 1 } a:
                    e = a.InnerExceptions[0];
                    continue;
                case TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    continue;
                default:
                    return e;
            }
        }
    }

    /// <summary>True when the submission ends with an expression (no semicolon) whose type is not <c>void</c>: its null value is printed, a void call's is not.</summary>
    private static bool EndsWithValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath.Length == 0) ?? compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax { Members: [.., GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement }] })
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is null || type.SpecialType != SpecialType.System_Void; // null: the null literal
    }
}
