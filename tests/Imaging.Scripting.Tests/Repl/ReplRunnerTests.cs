using Imaging.Scripting.Repl;

namespace Imaging.Scripting.Tests.Repl;

/// <summary>The REPL driven through piped input, in-process: what persists, what is printed, what survives an error.</summary>
public sealed class ReplRunnerTests(ReplFixture fixture) : IClassFixture<ReplFixture>
{
    [Fact]
    public async Task RunAsync_DefinitionThenExpression_PrintsValue()
    {
        var run = await fixture.RunAsync("var x = 2;\nx * 21\n");

        Assert.Equal(["42"], run.Lines);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task RunAsync_MethodOverThreeLines_IsOneSubmission()
    {
        var run = await fixture.RunAsync("int Twice(int a)\n{\n    return a * 2;\n}\nTwice(21)\n");

        Assert.Equal(["42"], run.Lines);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task RunAsync_CompileErrorThenGoodLine_SessionSurvives()
    {
        var run = await fixture.RunAsync("var x = 2;\nvar y = ;\nx + 1\n");

        Assert.StartsWith("(repl)(1,9): error CS1525: ", run.Error);
        Assert.Equal(["3"], run.Lines);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task RunAsync_CompileErrorOnThirdLineOfSubmission_NamesThatLine()
    {
        var run = await fixture.RunAsync("int F()\n{\n    return undefinedName;\n}\n");

        Assert.Equal("(repl)(3,12): error CS0103: The name 'undefinedName' does not exist in the current context", run.Error.TrimEnd());
    }

    [Fact]
    public async Task RunAsync_RuntimeExceptionThenGoodLine_PrintsTypeAndMessageAndKeepsState()
    {
        var run = await fixture.RunAsync("var x = 5;\nthrow new InvalidOperationException(\"boom\");\nx\n");

        Assert.Equal("System.InvalidOperationException: boom", run.Error.TrimEnd());
        Assert.Equal(["5"], run.Lines);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task RunAsync_RuntimeExceptionVerbose_PrintsStackTrace()
    {
        var run = await fixture.RunAsync("int Fail() => throw new ArgumentException(\"bad\");\nFail()\n", new ReplOptions { Verbose = true, HistoryPath = null });

        Assert.StartsWith("System.ArgumentException: bad", run.Error);
        Assert.Contains("at Submission#", run.Error);
    }

    [Fact]
    public async Task RunAsync_DefinitionInFailedSubmission_IsNotKept()
    {
        var run = await fixture.RunAsync("var z = 1; throw new Exception(\"late\");\nz\n");

        Assert.Contains("System.Exception: late", run.Error);
        Assert.Contains("error CS0103: The name 'z' does not exist", run.Error);
        Assert.Empty(run.Lines);
    }

    [Fact]
    public async Task RunAsync_Reset_ForgetsDefinitions()
    {
        var run = await fixture.RunAsync("var x = 1;\n#reset\nx\n");

        Assert.Contains("Session reset", run.Output);
        Assert.StartsWith("(repl)(1,1): error CS0103: The name 'x'", run.Error);
    }

    [Fact]
    public async Task RunAsync_LoadFile_KeepsItsDefinitions()
    {
        fixture.Write("helpers/triple.csx", "int Triple(int v) => v * 3;\nvar loadedValue = 7;\n");

        var run = await fixture.RunAsync("#load helpers/triple.csx\nTriple(loadedValue)\n");

        Assert.Equal(["21"], run.Lines);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task RunAsync_LoadFileWithError_NamesTheFileAndLine()
    {
        var path = fixture.Write("broken.csx", "var ok = 1;\nvar bad = missingName;\n");

        var run = await fixture.RunAsync("#load \"broken.csx\"\n1 + 1\n");

        Assert.Contains($"{path}(2,11): error CS0103", run.Error);
        Assert.Equal(["2"], run.Lines);
    }

    [Fact]
    public async Task RunAsync_LoadMissingFile_SaysSoAndContinues()
    {
        var run = await fixture.RunAsync("#load nowhere.csx\n6 * 7\n");

        Assert.Contains("nowhere.csx: no such file", run.Error);
        Assert.Equal(["42"], run.Lines);
    }

    [Fact]
    public async Task RunAsync_OpenSyntheticFile_PrintsDatasetTable()
    {
        var file = Directory.EnumerateFiles(Path.Combine(fixture.Study, "CT")).Order(StringComparer.Ordinal).First();

        var run = await fixture.RunAsync($"var f = Open(@\"{file}\");\nf.Dataset\n");

        Assert.Equal("", run.Error);
        Assert.StartsWith("DicomDataset, ", run.Lines[0]);
        Assert.Matches(@"^Tag\s+VR\s+Keyword\s+Value$", run.Lines[1]);
        Assert.Contains(run.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\(0010,0010\)\s+PN\s+PatientName\s+\[PHANTOM\^SYNTHETIC\]$"));
    }

    [Fact]
    public async Task RunAsync_OpenSyntheticFile_PrintsSummaryLineThenTable()
    {
        var file = Directory.EnumerateFiles(Path.Combine(fixture.Study, "CT")).Order(StringComparer.Ordinal).First();

        var run = await fixture.RunAsync($"Open(@\"{file}\")\n");

        Assert.Equal($"DicomFile {file}: Explicit VR Little Endian, CT, CT Image Storage, ", run.Lines[0][..^"NN elements".Length]);
        Assert.Contains(run.Lines, l => l.Contains("PatientName", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SeriesOfFolder_PrintsOneRowPerSeries()
    {
        var run = await fixture.RunAsync($"Series(@\"{fixture.Study}\")\n");

        Assert.Equal("", run.Error);
        Assert.Equal(3, run.Lines.Count);
        Assert.Matches(@"^#\s+Patient\s+Modality\s+Number\s+Description\s+Instances\s+SeriesInstanceUID$", run.Lines[0]);
        Assert.Matches(@"^1\s+SYN0001\s+CT\s+1\s+.+\s+6\s+[0-9.]+$", run.Lines[1]);
        Assert.Matches(@"^2\s+SYN0001\s+MR\s+2\s+.+\s+3\s+[0-9.]+$", run.Lines[2]);
    }

    [Fact]
    public async Task RunAsync_FiltersByName_ReachesThePlugin()
    {
        var run = await fixture.RunAsync("Filters[\"gaussian\"].Name\nFilters.Names.Contains(\"gaussian\")\n");

        Assert.Equal(["\"gaussian\"", "true"], run.Lines);
    }

    [Fact]
    public async Task RunAsync_VoidCallNullAndString_PrintAsExpected()
    {
        var run = await fixture.RunAsync("Print(\"printed\")\nnull\n\"quoted \\\"text\\\"\"\nstring s = null;\ns\n");

        Assert.Equal(["printed", "null", "\"quoted \\\"text\\\"\"", "null"], run.Lines);
    }

    [Fact]
    public async Task RunAsync_Help_DescribesCommandsAndGlobals()
    {
        var run = await fixture.RunAsync("#help\n");

        Assert.Contains("#reset", run.Output);
        Assert.Contains("#load FILE", run.Output);
        Assert.Contains("Filters[\"gaussian\"]", run.Output);
        Assert.Matches(@"All globals: .*\bSeries\b", run.Output);
    }

    [Fact]
    public async Task RunAsync_Quit_StopsReading()
    {
        var run = await fixture.RunAsync("1\n#quit\n2\n");

        Assert.Equal(["1"], run.Lines);
    }

    [Fact]
    public async Task RunAsync_EndOfInputInsideSubmission_ReportsItIncomplete()
    {
        var run = await fixture.RunAsync("var x = 1;\nint F(\n");

        Assert.StartsWith("(repl)(1,7): error CS1026: ) expected", run.Error);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task RunAsync_BlankLinesAndComments_PrintNothing()
    {
        var run = await fixture.RunAsync("\n   \n// a comment\nvar a = 1; // trailing\n");

        Assert.Equal("", run.Output);
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Interrupt_WhileSubmissionRuns_CancelsItAndKeepsTheSession()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var session = fixture.NewSession(output, error);
        Assert.Equal(ReplOutcome.NoValue, (await session.EvaluateAsync("var kept = 40;")).Outcome);
        var runner = new ReplRunner(session, new StringReader("await Task.Delay(-1, CancellationToken);\nkept + 2\n"), output, error);

        var running = runner.RunAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!runner.Interrupt())
        {
            Assert.True(DateTime.UtcNow < deadline, "the submission never started");
            await Task.Delay(20);
        }
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("cancelled", error.ToString().Trim());
        Assert.Equal("42", output.ToString().Trim());
    }
}
