using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;

namespace Imaging.Scripting.Running;

/// <summary>Compiles a script file against a <see cref="ScriptEnvironment"/> to an assembly + portable PDB in memory.</summary>
internal static class ScriptCompiler
{
    /// <summary>The class Roslyn compiles a script's top-level code into (the first and only submission).</summary>
    public const string SubmissionClass = "Submission#0";

    /// <summary>The static factory of <see cref="SubmissionClass"/>: <c>Task&lt;object&gt; &lt;Factory&gt;(object[] submissionArray)</c>.</summary>
    public const string FactoryMethod = "<Factory>";

    public static CompiledScript Compile(ScriptEnvironment environment, string path, string text, bool optimize, CancellationToken cancellationToken)
    {
        var options = environment.ForFile(path);
        if (optimize) options = options.WithOptimizationLevel(OptimizationLevel.Release);
        var script = CSharpScript.Create(text, options, ScriptEnvironment.GlobalsType);
        var compilation = script.GetCompilation();
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb), cancellationToken: cancellationToken);
        var sources = compilation.SyntaxTrees.Select(t => t.FilePath).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var references = compilation.DirectiveReferences.OfType<PortableExecutableReference>()
            .Select(r => r.FilePath).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var errors = result.Success ? [] : ScriptEnvironment.FormatErrors(result.Diagnostics);
        if (!result.Success && errors.Count == 0) errors = ["error: the script did not compile (no diagnostics reported)"];
        return new CompiledScript(assembly.ToArray(), symbols.ToArray(), sources, references, errors);
    }
}
