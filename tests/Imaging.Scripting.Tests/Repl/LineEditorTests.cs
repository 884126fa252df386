using Imaging.Scripting.Repl;
using Imaging.Scripting.Tests.Running;
using static Imaging.Scripting.Tests.Repl.FakeTerminal;

namespace Imaging.Scripting.Tests.Repl;

/// <summary>The terminal line editor, fed keys: editing, history, completion, Ctrl+C/Ctrl+D, and the history file.</summary>
public sealed class LineEditorTests(ReplFixture fixture) : IClassFixture<ReplFixture>
{
    private static LineEditor Editor(FakeTerminal terminal, ReplHistory? history = null, Func<string, ReplCompletion>? complete = null)
        => new(terminal, history ?? new ReplHistory(null), complete ?? (_ => new ReplCompletion(0, [])));

    private static ConsoleKeyInfo[] Keys(params IEnumerable<ConsoleKeyInfo>[] parts) => [.. parts.SelectMany(p => p)];

    [Fact]
    public void ReadLine_ArrowsHomeEndBackspaceDelete_EditInPlace()
    {
        var terminal = new FakeTerminal(Keys(
            Type("abc"), [Key(ConsoleKey.LeftArrow), Key(ConsoleKey.LeftArrow)], Type("X"),
            [Key(ConsoleKey.Home), Key(ConsoleKey.Delete), Key(ConsoleKey.End), Key(ConsoleKey.Backspace)], Type("!\n")));

        var line = Editor(terminal).ReadLine("> ", "");

        Assert.Equal("Xb!", line.Text);
        Assert.StartsWith("\r> ", terminal.Written);
    }

    [Fact]
    public void ReadLine_UpAndDown_WalkTheHistory()
    {
        var history = new ReplHistory(null);
        history.Add("first");
        history.Add("second");
        var terminal = new FakeTerminal(Keys(
            Type("draft"), [Key(ConsoleKey.UpArrow), Key(ConsoleKey.UpArrow), Key(ConsoleKey.UpArrow), Key(ConsoleKey.DownArrow)], Type("\n")));

        var line = Editor(terminal, history).ReadLine("> ", "");

        Assert.Equal("second", line.Text);
    }

    [Fact]
    public void ReadLine_DownPastNewest_RestoresDraft()
    {
        var history = new ReplHistory(null);
        history.Add("old");
        var terminal = new FakeTerminal(Keys(Type("draft"), [Key(ConsoleKey.UpArrow), Key(ConsoleKey.DownArrow)], Type("\n")));

        Assert.Equal("draft", Editor(terminal, history).ReadLine("> ", "").Text);
    }

    [Fact]
    public void ReadLine_TabWithOneCandidate_CompletesTheWord()
    {
        var session = fixture.NewSession(TextWriter.Null, TextWriter.Null);
        var terminal = new FakeTerminal(Keys(Type("var s = Serie\t(\"x\");\n")));

        var line = Editor(terminal, complete: session.Complete).ReadLine("> ", "");

        Assert.Equal("var s = Series(\"x\");", line.Text);
    }

    [Fact]
    public void ReadLine_TabWithManyCandidates_InsertsCommonPrefixThenLists()
    {
        var terminal = new FakeTerminal(Keys(Type("DicomTag.Pa\t\t\n")));
        var completion = new ReplCompletion(9, ["PatientID", "PatientName"]);

        var line = Editor(terminal, complete: _ => completion).ReadLine("> ", "");

        Assert.Equal("DicomTag.Patient", line.Text);
        Assert.Matches(@"\r\nPatientID\s+PatientName\s*\r\n", terminal.Written);
    }

    [Fact]
    public void ReadLine_TabOnContinuationLine_CompletesAgainstWholeSubmission()
    {
        string? asked = null;
        var terminal = new FakeTerminal(Keys(Type("  retu\t\n")));

        Editor(terminal, complete: text => { asked = text; return new ReplCompletion(text.Length - 4, ["return"]); }).ReadLine("* ", "void F()\n{\n");

        Assert.Equal("void F()\n{\n  retu", asked);
    }

    [Fact]
    public void ReadLine_CtrlC_InterruptsTheLine()
    {
        var terminal = new FakeTerminal(Keys(Type("half a line"), [Ctrl(ConsoleKey.C)]));

        var line = Editor(terminal).ReadLine("> ", "");

        Assert.True(line.Interrupted);
        Assert.Contains("^C", terminal.Written);
    }

    [Fact]
    public void ReadLine_CtrlDOnEmptyLine_EndsInput()
    {
        var line = Editor(new FakeTerminal([Ctrl(ConsoleKey.D)])).ReadLine("> ", "");

        Assert.True(line.IsEnd);
    }

    [Fact]
    public void ReadLine_LongLine_ScrollsInsteadOfWrapping()
    {
        var terminal = new FakeTerminal(Keys(Type(new string('x', 50) + "\n"))) { Width = 20 };

        var line = Editor(terminal).ReadLine("> ", "");

        Assert.Equal(new string('x', 50), line.Text);
        var lastFrame = terminal.Written.Split('\r', StringSplitOptions.RemoveEmptyEntries)[^2];
        Assert.True(lastFrame.Replace("\x1b[K", "").Length < 20, lastFrame);
    }

    [Fact]
    public async Task RunAsync_OnTerminal_WritesHistoryFileAndPrompts()
    {
        using var folder = new TempFolder();
        var historyPath = Path.Combine(folder.Path, "home", "history");
        var output = new StringWriter { NewLine = "\n" };
        var terminal = new FakeTerminal(Keys(Type("var q = 6;\nint F()\n{ return q * 7; }\nF()\n")));
        var runner = ReplRunner.ForTerminal(fixture.NewSession(output, output), terminal, output, output, new ReplOptions { HistoryPath = historyPath });

        await runner.RunAsync();

        Assert.Equal("42", output.ToString().Trim());
        Assert.Equal(["var q = 6;", "int F()", "{ return q * 7; }", "F()"], File.ReadAllLines(historyPath));
        Assert.Contains("\r* ", terminal.Written);
    }

    [Fact]
    public void History_MoreThanLimit_KeepsTheLastThousandAcrossSessions()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "history");
        var history = new ReplHistory(path);

        for (int i = 0; i < 2500; i++) history.Add($"line {i}");
        var reloaded = new ReplHistory(path);

        Assert.Equal(ReplHistory.Limit, history.Entries.Count);
        Assert.Equal(ReplHistory.Limit, reloaded.Entries.Count);
        Assert.Equal("line 1500", reloaded.Entries[0]);
        Assert.Equal("line 2499", reloaded.Entries[^1]);
        Assert.True(File.ReadAllLines(path).Length <= 2 * ReplHistory.Limit);
    }

    [Fact]
    public void History_RepeatAndBlankLines_AreSkipped()
    {
        var history = new ReplHistory(null);

        history.Add("same");
        history.Add("same");
        history.Add("   ");

        Assert.Equal(["same"], history.Entries);
    }
}
