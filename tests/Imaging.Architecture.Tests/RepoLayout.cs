using Imaging.Architecture.Tests.Projects;

namespace Imaging.Architecture.Tests;

/// <summary>
/// A repository laid out as DESIGN.md says (sdk/, host/, plugins/, tests/plugins/): classifies paths into layers and
/// finds project files. The real repository is <see cref="Current"/>; negative tests build a small fake one in a temp
/// folder and hand its root here, so the rules run on exactly the same code path.
/// </summary>
internal sealed class RepoLayout
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", ".vs", "node_modules", "artifacts"];
    private readonly Lazy<IReadOnlyList<string>> _allProjects;

    public RepoLayout(string root)
    {
        Root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        _allProjects = new Lazy<IReadOnlyList<string>>(() => FindProjects(Root).ToList());
    }

    /// <summary>The repository the tests were built from: the folder holding Platform.sln, found upwards.</summary>
    public static RepoLayout Current { get; } = new(FindRoot());

    public string Root { get; }

    /// <summary>Every project file in the repository (bin/obj skipped).</summary>
    public IReadOnlyList<string> AllProjects => _allProjects.Value;

    /// <summary>The projects DESIGN.md's layers govern: everything under sdk/, host/, plugins/ and tests/plugins/.</summary>
    public IEnumerable<string> LayeredProjects =>
        AllProjects.Where(p => AreaOf(p) is ProjectArea.Sdk or ProjectArea.Host or ProjectArea.Plugins or ProjectArea.TestPlugins);

    /// <summary>The path of <paramref name="relative"/> (forward slashes) inside the repository.</summary>
    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>The repository-relative path with forward slashes, or the full path when outside the repository.</summary>
    public string Relative(string path)
    {
        var full = Path.GetFullPath(path);
        var rel = Path.GetRelativePath(Root, full);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel.Replace('\\', '/');
    }

    /// <summary>
    /// The layer a path lies in, from its leading folders. Works on paths that do not exist and on MSBuild wildcards
    /// (<c>plugins/*/*.csproj</c> is in <see cref="ProjectArea.Plugins"/>).
    /// </summary>
    public ProjectArea AreaOf(string path)
    {
        var rel = Relative(path);
        if (Path.IsPathRooted(rel)) return ProjectArea.Outside;
        var parts = rel.Split('/');
        if (parts.Length < 2) return ProjectArea.Root;
        return parts[0] switch
        {
            "sdk" => ProjectArea.Sdk,
            "host" => ProjectArea.Host,
            "plugins" => ProjectArea.Plugins,
            "tests" when parts[1] == "plugins" && parts.Length > 2 => ProjectArea.TestPlugins,
            "tests" => ProjectArea.Tests,
            _ => ProjectArea.Other,
        };
    }

    /// <summary>A project of the repository with this file name (for references MSBuild text alone cannot resolve).</summary>
    public string? FindProjectByFileName(string fileName) =>
        AllProjects.FirstOrDefault(p => string.Equals(Path.GetFileName(p), fileName, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> FindProjects(string folder)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*.csproj").Order(StringComparer.Ordinal))
            yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase)) continue;
            foreach (var file in FindProjects(sub)) yield return file;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        // IMAGING_ARTIFACTS puts the binaries outside the clone: the project records $(RepoRoot) in an AssemblyMetadata attribute.
        var recorded = typeof(RepoLayout).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        return recorded is not null && File.Exists(Path.Combine(recorded, "Platform.sln"))
            ? Path.GetFullPath(recorded)
            : throw new DirectoryNotFoundException($"Platform.sln was found neither above {AppContext.BaseDirectory} nor at the recorded RepoRoot '{recorded}'");
    }
}
