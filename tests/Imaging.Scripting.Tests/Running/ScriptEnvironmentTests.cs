using Imaging.Scripting.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;

namespace Imaging.Scripting.Tests.Running;

/// <summary>What scripts are compiled against (<see cref="ScriptEnvironment"/>), and the directive scan behind the cache key.</summary>
public sealed class ScriptEnvironmentTests
{
    [Fact]
    public void References_AreTheBclAndThePlatformOnly()
    {
        var names = new ScriptEnvironment(Path.GetTempPath()).References.OfType<PortableExecutableReference>()
            .Select(r => Path.GetFileNameWithoutExtension(r.FilePath!)).ToList();
        Assert.Contains("System.Runtime", names);
        Assert.Contains("System.Private.CoreLib", names);
        Assert.Contains("netstandard", names);
        Assert.Contains("Imaging.Dicom", names);
        Assert.Contains("Imaging.Sdk", names);
        Assert.Contains("Imaging.Dicom.Imaging", names);
        Assert.Contains("Imaging.Scripting", names);
        Assert.All(names, n => Assert.True(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib" or "Imaging.Dicom" or "Imaging.Dicom.Imaging" or "Imaging.Sdk" or "Imaging.Scripting", n));
        Assert.DoesNotContain("Imaging.Host", names);
        Assert.DoesNotContain("System.CommandLine", names);
    }

    [Fact]
    public void Format_SubmissionWithoutFile_UsesTheDefaultFileName()
    {
        var env = new ScriptEnvironment(Path.GetTempPath());
        var compilation = CSharpScript.Create("var x = 1;\nx.Nope();", env.Options, ScriptEnvironment.GlobalsType).GetCompilation();
        var errors = ScriptEnvironment.FormatErrors(compilation.GetDiagnostics(), "(repl)");
        Assert.Equal(["(repl)(2,3): error CS1061: 'int' does not contain a definition for 'Nope' and no accessible extension method 'Nope' accepting a first argument of type 'int' could be found (are you missing a using directive or an assembly reference?)"], errors);
    }

    [Fact]
    public void Options_ImportTheDocumentedNamespaces()
    {
        var env = new ScriptEnvironment(Path.GetTempPath());
        Assert.Equal(ScriptEnvironment.Imports, env.Options.Imports);
        Assert.Contains("Imaging.Sdk.Capabilities", ScriptEnvironment.Imports);
        Assert.True(env.Options.EmitDebugInformation);
    }

    [Fact]
    public void HeaderDirectives_CommentsShebangAndOtherDirectives_AreSkippedUntilCode()
    {
        var text = "#!/usr/bin/env imaging\n// a comment\n/* a block\n   #load \"not-this.csx\" */\n#nullable enable\n#load \"a.csx\"\n  #r \"lib/b.dll\"\n#r \"System.Xml\"\nPrint(1);\n#load \"after-code.csx\"\n";
        Assert.Equal([("load", "a.csx"), ("r", "lib/b.dll"), ("r", "System.Xml")], ScriptInputs.HeaderDirectives(text).ToArray());
    }

    [Fact]
    public void Read_LoadCycle_VisitsEachFileOnce()
    {
        using var temp = new TempFolder();
        temp.Write("a.csx", "#load \"b.csx\"\nint A = 1;\n");
        temp.Write("b.csx", "#load \"a.csx\"\nint B = 2;\n");
        var main = temp.Write("main.csx", "#load \"a.csx\"\n#r \"x.dll\"\nPrint(A);\n");
        var inputs = ScriptInputs.Read(main);
        Assert.Equal([temp.File("a.csx"), temp.File("b.csx")], inputs.Loads.Select(l => l.Path).ToArray());
        Assert.Equal([temp.File("x.dll")], inputs.References);
    }

    [Fact]
    public void KeyOf_DependsOnPathAndEveryIncludedText()
    {
        using var temp = new TempFolder();
        var lib = temp.Write("lib.csx", "int V = 1;\n");
        var main = temp.Write("main.csx", "#load \"lib.csx\"\nPrint(V);\n");
        var copy = temp.Write("other/main.csx", "#load \"../lib.csx\"\nPrint(V);\n");
        var key = ScriptCache.KeyOf(ScriptInputs.Read(main));
        Assert.Equal(key, ScriptCache.KeyOf(ScriptInputs.Read(main)));
        Assert.NotEqual(key, ScriptCache.KeyOf(ScriptInputs.Read(copy)));
        File.WriteAllText(lib, "int V = 2;\n");
        Assert.NotEqual(key, ScriptCache.KeyOf(ScriptInputs.Read(main)));
        Assert.Matches("^[0-9a-f]{64}$", key);
    }
}
