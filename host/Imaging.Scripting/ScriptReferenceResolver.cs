using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Imaging.Scripting;

/// <summary>
/// Resolves <c>#r</c> like Roslyn's script resolver (relative to the including file, then the base directory), but never
/// pulls in the dependencies of the platform assemblies themselves: Roslyn would otherwise find <c>Imaging.Host</c> beside
/// <c>Imaging.Scripting.dll</c> and make host types visible to scripts. Dependencies of <c>#r</c>'ed assemblies are still
/// found beside them.
/// </summary>
internal sealed class ScriptReferenceResolver(MetadataReferenceResolver inner, IReadOnlyCollection<string> platformPaths) : MetadataReferenceResolver
{
    private readonly MetadataReferenceResolver _inner = inner;
    private readonly HashSet<string> _platform = new(platformPaths, StringComparer.Ordinal);

    public override bool ResolveMissingAssemblies => true;

    /// <summary>
    /// Resolves a <c>#r</c>: a path (relative to the including file) as Roslyn does; a bare name only when it is a BCL
    /// assembly, so <c>#r "Imaging.Host"</c> cannot reach the host's own dependencies through the trusted platform list.
    /// </summary>
    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        bool bareName = reference.IndexOfAny(['/', '\\']) < 0
            && !reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !reference.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);
        if (bareName && !ScriptEnvironment.IsBclName(reference)) return [];
        return _inner.ResolveReference(reference, baseFilePath, properties);
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        if (definition is PortableExecutableReference { FilePath: { } path } && _platform.Contains(path)) return null;
        if (definition is not PortableExecutableReference { FilePath: not null }) return null;
        return _inner.ResolveMissingAssembly(definition, referenceIdentity);
    }

    public override bool Equals(object? other)
        => other is ScriptReferenceResolver r && r._inner.Equals(_inner) && r._platform.SetEquals(_platform);

    public override int GetHashCode() => _inner.GetHashCode();
}
