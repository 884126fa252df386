using System.Text.RegularExpressions;

namespace Imaging.Architecture.Tests.Projects;

/// <summary>
/// The little of MSBuild evaluation the layer rules need, done on text: the well-known path properties, the repository's
/// own <c>$(RepoRoot)</c>, and <c>$([MSBuild]::GetPathOfFileAbove(...))</c> as Directory.Build.props files use it.
/// Anything else stays unevaluated (the caller decides what an unresolved path means).
/// </summary>
internal static partial class MsBuildText
{
    /// <summary>Substitutes the known properties of <paramref name="text"/>, declared in <paramref name="declaringFile"/> of <paramref name="projectFile"/>.</summary>
    public static string Expand(string text, string projectFile, string declaringFile, string repoRoot)
    {
        var projectDir = Path.GetDirectoryName(projectFile)!;
        var thisDir = Path.GetDirectoryName(declaringFile)!;
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildThisFileDirectory"] = WithSlash(thisDir),
            ["MSBuildThisFileFullPath"] = declaringFile,
            ["MSBuildProjectDirectory"] = projectDir,
            ["MSBuildProjectFullPath"] = projectFile,
            ["MSBuildProjectName"] = Path.GetFileNameWithoutExtension(projectFile),
            ["MSBuildProjectFile"] = Path.GetFileName(projectFile),
            ["RepoRoot"] = WithSlash(repoRoot),
            ["SolutionDir"] = WithSlash(repoRoot),
        };
        var expanded = Property().Replace(text, m => known.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        return PathOfFileAbove().Replace(expanded, m => FindAbove(m.Groups[1].Value, m.Groups[2].Value) ?? m.Value);
    }

    /// <summary>
    /// The full path <paramref name="text"/> names, relative paths taken from <paramref name="baseFolder"/>; null when a
    /// property or function is left unexpanded. Wildcards are kept.
    /// </summary>
    public static string? ToFullPath(string text, string baseFolder)
    {
        if (text.Contains("$(", StringComparison.Ordinal) || text.Contains("@(", StringComparison.Ordinal) || text.Contains("%(", StringComparison.Ordinal))
            return null;
        var normalized = text.Trim().Replace('\\', '/');
        return Path.GetFullPath(Path.IsPathRooted(normalized) ? normalized : Path.Combine(baseFolder, normalized));
    }

    private static string WithSlash(string folder) => folder.EndsWith('/') || folder.EndsWith('\\') ? folder : folder + "/";

    private static string? FindAbove(string fileName, string startFolder)
    {
        for (var dir = new DirectoryInfo(startFolder.Replace('\\', '/')); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, fileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_.\-]*)\)")]
    private static partial Regex Property();

    [GeneratedRegex(@"\$\(\[MSBuild\]::GetPathOfFileAbove\(\s*'([^']+)'\s*,\s*'([^']+)'\s*\)\)", RegexOptions.IgnoreCase)]
    private static partial Regex PathOfFileAbove();
}
