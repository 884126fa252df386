using System.Diagnostics;
using Imaging.Host;
using Imaging.Scripting.Running;

namespace Imaging.Scripting.Tests.Running;

/// <summary>The compile cache: a second run does not compile; changing the script or a file it includes does.</summary>
[Collection(RunnerCollection.Name)]
public sealed class ScriptCacheTests(RunnerFixture fixture)
{
    [Fact]
    public async Task RunAsync_SecondRun_LoadsFromTheCacheWithoutCompiling()
    {
        using var temp = new TempFolder();
        var script = temp.Write("hello.csx", "Print(\"hello \" + Args.Count);\n");
        var runner = new ScriptRunner(temp.File("cache"));

        var (first, out1) = await RunAsync(runner, script, "a");
        Assert.Equal(ScriptOutcome.Completed, first.Outcome);
        Assert.True(first.Compiled);
        Assert.False(first.CacheHit);
        Assert.True(File.Exists(Path.Combine(temp.File("cache"), first.CacheKey + ".dll")));
        Assert.True(File.Exists(Path.Combine(temp.File("cache"), first.CacheKey + ".pdb")));

        var (second, out2) = await RunAsync(runner, script, "a", "b");
        Assert.False(second.Compiled);
        Assert.True(second.CacheHit);
        Assert.Equal(first.CacheKey, second.CacheKey);
        Assert.Equal(TimeSpan.Zero, second.CompileTime);
        Assert.Equal("hello 1", out1.Trim());
        Assert.Equal("hello 2", out2.Trim());
        Assert.True(second.RunTime < first.CompileTime + first.RunTime, $"cached {second.RunTime} vs compiled {first.CompileTime} + {first.RunTime}");
        Assert.Empty(Directory.GetFiles(temp.File("cache"), "*.tmp"));
    }

    [Fact]
    public async Task RunAsync_ChangedScript_Recompiles()
    {
        using var temp = new TempFolder();
        var script = temp.Write("s.csx", "Print(1);\n");
        var runner = new ScriptRunner(temp.File("cache"));
        var (first, _) = await RunAsync(runner, script);
        File.WriteAllText(script, "Print(2);\n");
        var (second, output) = await RunAsync(runner, script);
        Assert.True(second.Compiled);
        Assert.NotEqual(first.CacheKey, second.CacheKey);
        Assert.Equal("2", output.Trim());
    }

    [Fact]
    public async Task RunAsync_ChangedLoadedFile_InvalidatesTheCache()
    {
        using var temp = new TempFolder();
        var lib = temp.Write("lib/values.csx", "#load \"deeper.csx\"\nint Value() => 1 + Deeper;\n");
        var deeper = temp.Write("lib/deeper.csx", "const int Deeper = 10;\n");
        var script = temp.Write("main.csx", "#load \"lib/values.csx\"\nPrint(Value());\n");
        var runner = new ScriptRunner(temp.File("cache"));

        var (first, out1) = await RunAsync(runner, script);
        var (hit, _) = await RunAsync(runner, script);
        File.WriteAllText(lib, "#load \"deeper.csx\"\nint Value() => 2 + Deeper;\n");
        var (afterLib, out2) = await RunAsync(runner, script);
        File.WriteAllText(deeper, "const int Deeper = 20;\n");
        var (afterDeeper, out3) = await RunAsync(runner, script);

        Assert.Equal((true, false, true, true), (first.Compiled, hit.Compiled, afterLib.Compiled, afterDeeper.Compiled));
        Assert.Equal(["11", "12", "22"], new[] { out1.Trim(), out2.Trim(), out3.Trim() });
    }

    [Fact]
    public async Task RunAsync_ChangedReferencedAssembly_InvalidatesTheCache()
    {
        using var temp = new TempFolder();
        var dll = temp.File("bin/Tiny.Value.dll");
        TinyAssembly.Build(dll, "namespace Tiny { public static class Value { public static int Get() => 1; } }");
        var script = temp.Write("main.csx", "#r \"bin/Tiny.Value.dll\"\nPrint(Tiny.Value.Get());\n");
        var runner = new ScriptRunner(temp.File("cache"));
        var (first, out1) = await RunAsync(runner, script);
        TinyAssembly.Build(dll, "namespace Tiny { public static class Value { public static int Get() => 12345; } }");
        File.SetLastWriteTimeUtc(dll, DateTime.UtcNow.AddMinutes(1));
        var (second, out2) = await RunAsync(runner, script);
        Assert.True(first.Compiled);
        Assert.True(second.Compiled);
        Assert.True(second.Outcome == ScriptOutcome.Completed, string.Join("\n", second.Errors));
        Assert.Equal(["1", "12345"], new[] { out1.Trim(), out2.Trim() });
    }

    [Fact]
    public async Task RunAsync_RuntimeErrorFromACachedScript_StillNamesTheLine()
    {
        using var temp = new TempFolder();
        var script = temp.Write("boom.csx", "Print(0);\nthrow new ArgumentException(\"cached boom\");\n");
        var runner = new ScriptRunner(temp.File("cache"));
        var (first, _) = await RunAsync(runner, script);
        var (second, _) = await RunAsync(runner, script);
        Assert.True(second.CacheHit);
        Assert.Equal(ScriptOutcome.Failed, second.Outcome);
        Assert.Equal(first.Errors, second.Errors);
        Assert.Equal($"{script}(2): ArgumentException: cached boom", second.Errors.Single());
    }

    [Fact]
    public async Task RunAsync_CorruptCacheEntry_IsRecompiled()
    {
        using var temp = new TempFolder();
        var script = temp.Write("s.csx", "Print(\"ok\");\n");
        var runner = new ScriptRunner(temp.File("cache"));
        var (first, _) = await RunAsync(runner, script);
        File.WriteAllBytes(Path.Combine(temp.File("cache"), first.CacheKey + ".dll"), [1, 2, 3]);
        var (second, output) = await RunAsync(runner, script);
        Assert.Equal(ScriptOutcome.Completed, second.Outcome);
        Assert.True(second.Compiled);
        Assert.Equal("ok", output.Trim());
    }

    [Fact]
    public async Task RunAsync_NoCacheFolder_CompilesEveryTimeAndWritesNothing()
    {
        using var temp = new TempFolder();
        var script = temp.Write("s.csx", "Print(1);\n");
        var runner = new ScriptRunner(null);
        var (first, _) = await RunAsync(runner, script);
        var (second, _) = await RunAsync(runner, script);
        Assert.True(first.Compiled && second.Compiled);
        Assert.Null(second.CacheKey);
    }

    [Fact]
    public async Task RunAsync_CompileError_IsNotCached()
    {
        using var temp = new TempFolder();
        var script = temp.Write("bad.csx", "int x = \"no\";\n");
        var runner = new ScriptRunner(temp.File("cache"));
        var (result, _) = await RunAsync(runner, script);
        Assert.Equal(ScriptOutcome.CompileFailed, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        Assert.False(Directory.Exists(temp.File("cache")) && Directory.EnumerateFiles(temp.File("cache")).Any());
    }

    [Fact]
    public void Cli_SecondRun_IsCachedUnderImagingHome()
    {
        using var temp = new TempFolder();
        var script = temp.Write("cli.csx", $"Print(\"{Guid.NewGuid():N}\");\n");
        var first = Cli.Run("run", script, "-v");
        var second = Cli.Run("run", script, "-v");
        var uncached = Cli.Run("run", script, "-v", "--no-cache");
        Assert.Contains("script compiled in", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("script cached", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("script compiled in", uncached.Stderr, StringComparison.Ordinal);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.StartsWith(fixture.Home, ScriptRunner.DefaultCacheFolder, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(ScriptRunner.DefaultCacheFolder, "*.dll"));
    }

    [Fact]
    public async Task RunAsync_Optimize_IsACacheEntryOfItsOwn()
    {
        using var temp = new TempFolder();
        var script = temp.Write("loop.csx", "long sum = 0;\nfor (int i = 0; i < 1000; i++) sum += i;\nPrint(sum);\n");
        var (debug, out1) = await RunAsync(new ScriptRunner(temp.File("cache")), script);
        var (optimized, out2) = await RunAsync(new ScriptRunner(temp.File("cache")) { Optimize = true }, script);
        var (again, _) = await RunAsync(new ScriptRunner(temp.File("cache")) { Optimize = true }, script);
        Assert.Equal(("499500", "499500"), (out1.Trim(), out2.Trim()));
        Assert.NotEqual(debug.CacheKey, optimized.CacheKey);
        Assert.True(optimized.Compiled);
        Assert.True(again.CacheHit);
    }

    [Fact]
    public void DefaultCacheFolder_HonoursImagingHome()
        => Assert.Equal(Path.Combine(HostOptions.ImagingHome, "cache", "scripts"), ScriptRunner.DefaultCacheFolder);

    private static async Task<(ScriptRunResult Result, string Stdout)> RunAsync(ScriptRunner runner, string script, params string[] args)
    {
        var stdout = new StringWriter();
        var host = new Lazy<PluginHost>(() => throw new InvalidOperationException("these scripts use no plugins"));
        var globals = new ScriptGlobals(host, args, Path.GetDirectoryName(script)!, stdout, TextWriter.Null, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var result = await runner.RunAsync(script, globals);
        Debug.WriteLine($"{Path.GetFileName(script)}: {clock.ElapsedMilliseconds} ms, compiled={result.Compiled}");
        return (result, stdout.ToString());
    }
}
