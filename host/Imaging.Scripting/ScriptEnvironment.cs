using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Imaging.Dicom;
using Imaging.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Imaging.Scripting;

/// <summary>
/// What a script, a REPL submission and (later) a notebook cell are compiled against: the Roslyn
/// <see cref="ScriptOptions"/> with exactly the BCL, <c>Imaging.Dicom</c>, <c>Imaging.Dicom.Imaging</c>, <c>Imaging.Sdk</c> and <c>Imaging.Scripting</c>
/// (for <see cref="ScriptGlobals"/>) as references — never <c>Imaging.Host</c>, McMaster or plugin assemblies, so plugin
/// implementation types stay in their load contexts (DESIGN.md: scripts see only the SDK) — the default imports,
/// <c>#load</c>/<c>#r</c> resolved relative to the including file then <see cref="BaseDirectory"/>, the latest language
/// version, and debug information so runtime errors name the script line.
/// </summary>
/// <remarks>Build one per session (it holds the reference set, ~170 memory-mapped metadata files) and derive per-file options with <see cref="ForFile"/>.</remarks>
public sealed class ScriptEnvironment
{
    /// <summary>The namespaces every script and submission imports.</summary>
    public static IReadOnlyList<string> Imports { get; } =
    [
        "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks",
        "Imaging.Dicom", "Imaging.Dicom.Imaging.Pixels", "Imaging.Dicom.Imaging.Volumes", "Imaging.Dicom.Imaging.Lut",
        "Imaging.Dicom.Imaging.Rendering", "Imaging.Sdk", "Imaging.Sdk.Capabilities", "Imaging.Scripting",
    ];

    /// <summary>The type whose public members scripts see as globals.</summary>
    public static Type GlobalsType => typeof(ScriptGlobals);

    /// <summary>Creates the environment; relative <c>#load</c>/<c>#r</c> paths that are not found beside the including file are looked up in <paramref name="baseDirectory"/>.</summary>
    public ScriptEnvironment(string baseDirectory)
    {
        BaseDirectory = Path.GetFullPath(baseDirectory);
        References = BuildReferences();
        var metadataResolver = new ScriptReferenceResolver(
            ScriptMetadataResolver.Default.WithBaseDirectory(BaseDirectory),
            [.. References.OfType<PortableExecutableReference>().Select(r => r.FilePath!)]);
        Options = ScriptOptions.Default
            .WithReferences(References)
            .WithImports(Imports)
            .WithMetadataResolver(metadataResolver)
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(BaseDirectory))
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithAllowUnsafe(false)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>The folder relative <c>#load</c> and <c>#r</c> paths fall back to.</summary>
    public string BaseDirectory { get; }

    /// <summary>
    /// The metadata references: the runtime's own System.*, netstandard and mscorlib assemblies (from the trusted platform
    /// assemblies in the shared framework folder), then Imaging.Dicom, Imaging.Dicom.Imaging, Imaging.Sdk and Imaging.Scripting.
    /// </summary>
    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>The options for code without a file (REPL submissions): no file path, so diagnostics carry only line and column.</summary>
    public ScriptOptions Options { get; }

    /// <summary>The options for the script file at <paramref name="filePath"/>: its path goes into diagnostics and the debug information.</summary>
    public ScriptOptions ForFile(string filePath) => Options.WithFilePath(Path.GetFullPath(filePath));

    /// <summary>Formats one diagnostic as <c>file(line,col): error CSxxxx: message</c> (1-based line and column, MSBuild style).</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="defaultFile">The file name to show when the diagnostic has no path (REPL input), e.g. <c>(repl)</c>; empty shows just <c>(line,col)</c>.</param>
    public static string Format(Diagnostic diagnostic, string defaultFile = "")
    {
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (diagnostic.Location == Location.None || !diagnostic.Location.IsInSource)
            return $"{(defaultFile.Length > 0 ? defaultFile + ": " : "")}{severity} {diagnostic.Id}: {message}";
        var span = diagnostic.Location.GetMappedLineSpan();
        var file = string.IsNullOrEmpty(span.Path) ? defaultFile : span.Path;
        return $"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {diagnostic.Id}: {message}";
    }

    /// <summary>The errors among <paramref name="diagnostics"/>, formatted with <see cref="Format"/>, in source order.</summary>
    public static IReadOnlyList<string> FormatErrors(IEnumerable<Diagnostic> diagnostics, string defaultFile = "")
        => [.. diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.GetMappedLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => Format(d, defaultFile))];

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var bcl = trusted
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal) && IsBclName(Path.GetFileNameWithoutExtension(p)))
            .Order(StringComparer.Ordinal);
        var platform = new[] { typeof(DicomDataset), typeof(Imaging.Dicom.Imaging.Volumes.Volume), typeof(IPlugin), typeof(ScriptGlobals) }.Select(t => t.Assembly.Location);
        // AssemblyMetadata maps each file and reads its tables on demand; MetadataReference.CreateFromFile would read
        // every whole file up front (~250 ms for the ~170 framework assemblies, a quarter of a cold compile).
        return [.. bcl.Concat(platform).Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)AssemblyMetadata.CreateFromFile(p).GetReference(filePath: p))];
    }

    internal static bool IsBclName(string name)
        => name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard" or "mscorlib";
}
