namespace Imaging.Scripting.Tests.Running;

/// <summary><c>#load</c> and <c>#r</c>, relative to the script that holds them.</summary>
[Collection(RunnerCollection.Name)]
public sealed class DirectiveTests
{
    [Fact]
    public void Load_RelativeToTheIncludingFile_NestedLoadsWork()
    {
        using var temp = new TempFolder();
        temp.Write("shared/common.csx", "string Shout(string s) => s.ToUpperInvariant() + \"!\";\n");
        temp.Write("work/lib/helpers.csx", "#load \"more.csx\"\nstring Greet(string who) => $\"{Salutation} {who}\";\n");
        temp.Write("work/lib/more.csx", "const string Salutation = \"hello\";\n");
        var script = temp.Write("work/main.csx", "// a comment before the directives\n#load \"lib/helpers.csx\"\n#load \"../shared/common.csx\"\nPrint(Shout(Greet(\"ct\")));\n");
        var run = Cli.Run("run", script);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("HELLO CT!", run.Stdout.Trim());
    }

    [Fact]
    public void Load_MissingFile_IsACompileErrorNamingTheScriptLine()
    {
        using var temp = new TempFolder();
        var script = temp.Write("main.csx", "#load \"nowhere.csx\"\nPrint(1);\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{script}(1,7): error CS1504: Source file 'nowhere.csx' could not be opened", run.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RuntimeErrorInLoadedFile_NamesThatFileAndLine()
    {
        using var temp = new TempFolder();
        var lib = temp.Write("lib.csx", "int Parse(string s)\n{\n    return int.Parse(s);\n}\n");
        var script = temp.Write("main.csx", "#load \"lib.csx\"\nPrint(Parse(\"12\"));\nPrint(Parse(\"twelve\"));\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("12", run.Stdout.Trim());
        Assert.StartsWith($"{lib}(3): FormatException: ", run.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CompileErrorInLoadedFile_NamesThatFile()
    {
        using var temp = new TempFolder();
        var lib = temp.Write("lib.csx", "int Broken() => \"no\";\n");
        var script = temp.Write("main.csx", "#load \"lib.csx\"\nPrint(Broken());\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{lib}(1,17): error CS0029", run.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_TinyAssemblyRelativeToScript_IsUsableAtRunTime()
    {
        using var temp = new TempFolder();
        TinyAssembly.Build(temp.File("scripts/bin/Tiny.Greeter.dll"), "namespace Tiny { public static class Greeter { public static string Hello(string who) => \"hello \" + who; } }");
        var script = temp.Write("scripts/greet.csx", "#r \"bin/Tiny.Greeter.dll\"\nPrint(Tiny.Greeter.Hello(Args[0]));\n");
        var run = Cli.Run("run", script, "--", "mr");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("hello mr", run.Stdout.Trim());
    }

    [Fact]
    public void Reference_AssemblyWithADependencyBesideIt_LoadsBoth()
    {
        using var temp = new TempFolder();
        var words = TinyAssembly.Build(temp.File("lib/Tiny.Words.dll"), "namespace Tiny { public static class Words { public static string Of(int n) => n == 1 ? \"one\" : \"many\"; } }");
        TinyAssembly.Build(temp.File("lib/Tiny.Counter.dll"), "namespace Tiny { public static class Counter { public static string Describe(int n) => n + \" is \" + Words.Of(n); } }", words);
        var script = temp.Write("count.csx", "#r \"lib/Tiny.Counter.dll\"\nPrint(Tiny.Counter.Describe(1));\n");
        var run = Cli.Run("run", script);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("1 is one", run.Stdout.Trim());
    }

    [Fact]
    public void Reference_MissingAssembly_IsACompileError()
    {
        using var temp = new TempFolder();
        var script = temp.Write("r.csx", "#r \"missing/None.dll\"\nPrint(1);\n");
        var run = Cli.Run("run", script);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{script}(1,1): error CS0006: Metadata file 'missing/None.dll' could not be found", run.Stderr.Trim());
    }
}
