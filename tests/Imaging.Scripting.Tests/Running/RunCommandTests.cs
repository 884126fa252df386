namespace Imaging.Scripting.Tests.Running;

/// <summary>`imaging run`: arguments, exit codes, compile and runtime error formats, and what scripts can see.</summary>
[Collection(RunnerCollection.Name)]
public sealed class RunCommandTests(RunnerFixture fixture)
{
    [Fact]
    public void Run_ArgsAfterDoubleDash_ReachTheScript()
    {
        using var temp = new TempFolder();
        var script = temp.Write("args.csx", """Print($"{Args.Count}: {string.Join("|", Args)}");""");
        var run = Cli.Run("run", script, "--", "one", "two words", "--three");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("3: one|two words|--three", run.Stdout.Trim());
    }

    [Fact]
    public void Run_NoArgs_ArgsIsEmpty()
    {
        using var temp = new TempFolder();
        var script = temp.Write("args.csx", """Print(Args.Count);""");
        var run = Cli.Run("run", script);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("0", run.Stdout.Trim());
    }

    [Fact]
    public void Run_MissingScript_ExitsTwo()
    {
        using var temp = new TempFolder();
        var run = Cli.Run("run", temp.File("nope.csx"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.csx: no such script", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScriptReturnsAnInt_ThatIsTheExitCode()
    {
        using var temp = new TempFolder();
        var script = temp.Write("ret.csx", "Print(\"x\");\nreturn 7;\n");
        Assert.Equal(7, Cli.Run("run", script).ExitCode);
    }

    [Fact]
    public void Run_CompileErrors_PrintsFileLineColumnAndCodeAndExitsOne()
    {
        using var temp = new TempFolder();
        var script = temp.Write("bad.csx", "Print(\"fine\");\nint number = \"text\";\nvar q = Missing + 1;\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"{script}(2,14): error CS0029: Cannot implicitly convert type 'string' to 'int'", lines[0]);
        Assert.Equal($"{script}(3,9): error CS0103: The name 'Missing' does not exist in the current context", lines[1]);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Run_RuntimeException_PrintsTheScriptLineAndExitsOne()
    {
        using var temp = new TempFolder();
        var script = temp.Write("boom.csx", "Print(\"before\");\nvar data = new int[2];\n\nint Third() => data[3];\nPrint(Third());\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("before", run.Stdout.Trim());
        Assert.Equal($"{script}(4): IndexOutOfRangeException: Index was outside the bounds of the array.", run.Stderr.Trim());
    }

    [Fact]
    public void Run_RuntimeExceptionAfterAwait_PrintsTheScriptLine()
    {
        using var temp = new TempFolder();
        var script = temp.Write("late.csx", "await Task.Delay(1);\nvar folder = Series(\"no-such-folder-here\");\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{script}(2): DirectoryNotFoundException: ", run.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Verbose_AlsoPrintsTheStackTrace()
    {
        using var temp = new TempFolder();
        var script = temp.Write("boom.csx", "throw new InvalidOperationException(\"no\");\n");
        var run = Cli.Run("run", script, "-v");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{script}(1): InvalidOperationException: no", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: no", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("exit code 1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScriptMentionsPluginHost_DoesNotCompile()
    {
        using var temp = new TempFolder();
        var script = temp.Write("host.csx", "Imaging.Host.PluginHost? host = null;\nPrint(host);\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{script}(1,9): error CS0234: The type or namespace name 'Host' does not exist in the namespace 'Imaging'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ReferenceHostAssemblyByName_IsRefused()
    {
        using var temp = new TempFolder();
        var script = temp.Write("host.csx", "#r \"Imaging.Host\"\nPrint(typeof(Imaging.Host.PluginHost));\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error CS0006: Metadata file 'Imaging.Host' could not be found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScriptMentionsPluginTypes_DoesNotCompile()
    {
        using var temp = new TempFolder();
        var script = temp.Write("plugin.csx", "Print(typeof(Imaging.Plugins.Filters.FiltersPlugin));\nPrint(typeof(McMaster.NETCore.Plugins.PluginLoader));\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(1,22): error CS0234", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(2,14): error CS0246: The type or namespace name 'McMaster'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DefaultImportsAndGlobals_AreAvailable()
    {
        using var temp = new TempFolder();
        var script = temp.Write("globals.csx", """
            var ds = Info(Path.Combine(Args[0], "CT", "IMG0001.dcm"));
            Print(ds.GetString(DicomTag.Modality));
            Print(Series(Args[0]).Select(s => s.Count).Sum());
            Print(Filters.Names.Contains("gaussian"));
            Print(typeof(IFilter).Namespace);
            Print(ScriptDirectory == Path.GetDirectoryName(ScriptPath));
            """);
        var run = Cli.Run("run", script, "--", fixture.Study);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["CT", "36", "True", "Imaging.Sdk.Capabilities", "True"], run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Run_Filter_AppliesAPluginToADataset()
    {
        using var temp = new TempFolder();
        var script = temp.Write("filter.csx", """
            var ds = Open(Path.Combine(Args[0], "CT", "IMG0010.dcm")).Dataset;
            var inverted = await Filter(ds, "invert");
            Print(inverted.GetString(DicomTag.ImageType));
            """);
        var run = Cli.Run("run", script, "--", fixture.Study);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("DERIVED", run.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Run_ExplainsTheGlobals()
    {
        var run = Cli.Run("run", "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var word in new[] { "Args", "Series(folder)", "Filters[\"gaussian\"]", "CancellationToken", "#load", "--no-cache", "--plugin-path" })
            Assert.Contains(word, run.Stdout, StringComparison.Ordinal);
    }
}
