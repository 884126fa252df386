using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Imaging.Scripting.Tests.Running;

/// <summary>Compiles a small class library with Roslyn into a file, for <c>#r</c> tests.</summary>
internal static class TinyAssembly
{
    public static string Build(string path, string source, params string[] references)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var refs = new[] { "System.Private.CoreLib.dll", "System.Runtime.dll" }.Select(f => Path.Combine(framework, f))
            .Concat(references)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f));
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(source)],
            refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return path;
    }
}
