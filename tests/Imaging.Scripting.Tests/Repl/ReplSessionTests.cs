using Imaging.Scripting.Repl;

namespace Imaging.Scripting.Tests.Repl;

/// <summary>The session API under the loop: results, cancellation, abandoning a submission that ignores it, warm-up.</summary>
public sealed class ReplSessionTests(ReplFixture fixture) : IClassFixture<ReplFixture>
{
    [Fact]
    public async Task EvaluateAsync_ExpressionAndStatement_ReportValueOrNoValue()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var statement = await session.EvaluateAsync("var x = 20;");
        var expression = await session.EvaluateAsync("x + 22");

        Assert.Equal(ReplOutcome.NoValue, statement.Outcome);
        Assert.Equal(ReplOutcome.Value, expression.Outcome);
        Assert.Equal(42, expression.Value);
        Assert.Equal(2, session.SubmissionCount);
    }

    [Fact]
    public async Task EvaluateAsync_VoidCallWithoutSemicolon_HasNoValue()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var result = await session.EvaluateAsync("Print(1)");

        Assert.Equal(ReplOutcome.NoValue, result.Outcome);
    }

    [Fact]
    public async Task EvaluateAsync_CompileError_LeavesSessionUnchanged()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);
        await session.EvaluateAsync("var a = 1;");

        var bad = await session.EvaluateAsync("a +");
        var good = await session.EvaluateAsync("a");

        Assert.Equal(ReplOutcome.CompileError, bad.Outcome);
        Assert.All(bad.Errors, e => Assert.StartsWith("(repl)(1,", e));
        Assert.Equal(1, good.Value);
        Assert.Equal(2, session.SubmissionCount);
    }

    [Fact]
    public async Task EvaluateAsync_CancelledCooperatively_ReturnsCancelledAndKeepsState()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);
        await session.EvaluateAsync("var kept = 1;");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var cancelled = await session.EvaluateAsync("await Task.Delay(-1, CancellationToken);", cts.Token);
        var after = await session.EvaluateAsync("kept");

        Assert.Equal(ReplOutcome.Cancelled, cancelled.Outcome);
        Assert.IsAssignableFrom<OperationCanceledException>(cancelled.Exception);
        Assert.Equal(1, after.Value);
    }

    [Fact]
    public async Task EvaluateAsync_SubmissionIgnoresCancellation_IsAbandonedAfterGrace()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);
        session.CancellationGrace = TimeSpan.FromMilliseconds(200);
        await session.EvaluateAsync("var kept = 1;");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var abandoned = await session.EvaluateAsync("System.Threading.Thread.Sleep(3000); var lost = 2;", cts.Token);
        var after = await session.EvaluateAsync("kept");

        Assert.Equal(ReplOutcome.Cancelled, abandoned.Outcome);
        Assert.IsType<TimeoutException>(abandoned.Exception);
        Assert.True(abandoned.Elapsed < TimeSpan.FromSeconds(2.5), abandoned.Elapsed.ToString());
        Assert.Equal(1, after.Value);
    }

    [Fact]
    public async Task EvaluateAsync_GlobalsCancellationToken_IsTheSubmissionsToken()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);
        using var cts = new CancellationTokenSource();

        var result = await session.EvaluateAsync("CancellationToken.CanBeCanceled", cts.Token);

        Assert.Equal(true, result.Value);
    }

    [Fact]
    public async Task LoadAsync_Script_DefinitionsStay()
    {
        var path = fixture.Write("session-load.csx", "string Greet(string n) => $\"hello {n}\";\n");
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        var load = await session.LoadAsync(path);
        var call = await session.EvaluateAsync("Greet(\"repl\")");

        Assert.True(load.Succeeded);
        Assert.Equal("hello repl", call.Value);
    }

    [Fact]
    public async Task Reset_AfterDefinitions_StartsOver()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);
        await session.EvaluateAsync("var gone = 1;");

        session.Reset();
        var result = await session.EvaluateAsync("gone");

        Assert.Equal(ReplOutcome.CompileError, result.Outcome);
        Assert.Equal(0, session.SubmissionCount);
    }

    [Theory]
    [InlineData("var x = 1;", true)]
    [InlineData("int Twice(int a)", false)]
    [InlineData("int Twice(int a)\n{\n    return a * 2;", false)]
    [InlineData("int Twice(int a)\n{\n    return a * 2;\n}", true)]
    [InlineData("var y = 1 +", false)]
    [InlineData("x * 21", true)]
    [InlineData("#load \"a.csx\"", true)]
    public void IsCompleteSubmission_Code_TellsWhetherToKeepReading(string code, bool complete)
    {
        Assert.Equal(complete, ReplSession.IsCompleteSubmission(code));
    }

    [Fact]
    public async Task WarmUpAsync_ThenEvaluate_Works()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);

        await session.WarmUpAsync();
        var result = await session.EvaluateAsync("Args.Count");

        Assert.Equal(0, result.Value);
    }
}
