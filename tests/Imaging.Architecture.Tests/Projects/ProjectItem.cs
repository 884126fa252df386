namespace Imaging.Architecture.Tests.Projects;

/// <summary>
/// One dependency item as written in a project file or a file it imports. <see cref="ResolvedPath"/> is the full path
/// a ProjectReference (or a Reference's HintPath) points to, MSBuild wildcards kept; null when its text uses a property
/// the parser cannot know and no repository project has its file name.
/// </summary>
internal sealed record ProjectItem(
    ProjectItemKind Kind,
    string Include,
    string? ResolvedPath,
    string DeclaredIn,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>A metadata value, from an attribute or a child element; null when absent.</summary>
    public string? Meta(string name) => Metadata.TryGetValue(name, out var v) ? v.Trim() : null;

    /// <summary>Whether the metadata is present and says <c>false</c>.</summary>
    public bool IsFalse(string name) => string.Equals(Meta(name), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a NuGet asset list (<c>PrivateAssets</c>, <c>ExcludeAssets</c>, <c>IncludeAssets</c>: <c>compile;runtime</c>)
    /// names <paramref name="asset"/>, counting <c>all</c> as every asset.
    /// </summary>
    public bool AssetListNames(string name, string asset)
    {
        var value = Meta(name);
        if (value is null) return false;
        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Any(p => p.Equals("all", StringComparison.OrdinalIgnoreCase) || p.Equals(asset, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the package's <paramref name="asset"/> assets reach this project's build or output.</summary>
    public bool Consumes(string asset) =>
        !AssetListNames("ExcludeAssets", asset) && (Meta("IncludeAssets") is null || AssetListNames("IncludeAssets", asset));

    public override string ToString() => $"{Kind} '{Include}'";
}
