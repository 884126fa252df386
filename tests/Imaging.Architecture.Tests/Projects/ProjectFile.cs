using System.Xml.Linq;

namespace Imaging.Architecture.Tests.Projects;

/// <summary>
/// A project as its files declare it: the .csproj plus every file MSBuild would bring in from the repository
/// (the nearest Directory.Build.props/.targets and their &lt;Import&gt;s, e.g. plugins/ImagingPlugin.targets, which
/// is where a plugin's SDK references are written). Conditions are ignored on purpose: a reference that exists in any
/// configuration must obey the layers.
/// </summary>
internal sealed class ProjectFile
{
    private static readonly string[] ItemKinds = Enum.GetNames<ProjectItemKind>();
    private static readonly string[] ItemOperators = ["Include", "Update", "Remove", "Exclude", "Condition", "KeepMetadata", "RemoveMetadata", "KeepDuplicates", "MatchOnMetadata", "MatchOnMetadataOptions"];

    private ProjectFile(string fullPath, RepoLayout repo, string assemblyName, IReadOnlyList<string> files, IReadOnlyList<ProjectItem> items)
    {
        FullPath = fullPath;
        RelativePath = repo.Relative(fullPath);
        Area = repo.AreaOf(fullPath);
        AssemblyName = assemblyName;
        ContributingFiles = files;
        Items = items;
    }

    public string FullPath { get; }

    /// <summary>The path from the repository root, forward slashes: the name used in failure messages.</summary>
    public string RelativePath { get; }

    public ProjectArea Area { get; }

    /// <summary>The <c>AssemblyName</c> the project sets, or its file name (the plugin layout's folder name).</summary>
    public string AssemblyName { get; }

    /// <summary>The repository files read for this project (relative paths), the project file included.</summary>
    public IReadOnlyList<string> ContributingFiles { get; }

    public IReadOnlyList<ProjectItem> Items { get; }

    public IEnumerable<ProjectItem> OfKind(ProjectItemKind kind) => Items.Where(i => i.Kind == kind);

    /// <summary>
    /// Reads <paramref name="path"/> (a .csproj, or an MSBuild file such as ImagingPlugin.targets read as if it were
    /// a project in its folder) and what it imports from <paramref name="repo"/>.
    /// </summary>
    public static ProjectFile Load(string path, RepoLayout repo)
    {
        var full = Path.GetFullPath(path);
        var files = new List<string>();
        var isProject = full.EndsWith("proj", StringComparison.OrdinalIgnoreCase);
        if (isProject && NearestAbove(full, "Directory.Build.props", repo) is { } props) Visit(props, full, repo, files);
        Visit(full, full, repo, files);
        if (isProject && NearestAbove(full, "Directory.Build.targets", repo) is { } targets) Visit(targets, full, repo, files);

        var items = new List<ProjectItem>();
        foreach (var file in files) items.AddRange(ReadItems(file, full, repo));
        return new ProjectFile(full, repo, ReadAssemblyName(full, repo), files.Select(repo.Relative).ToList(), items);
    }

    public override string ToString() => RelativePath;

    private static string? NearestAbove(string projectFile, string name, RepoLayout repo)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(projectFile)!); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate)) return candidate;
            if (string.Equals(dir.FullName.TrimEnd(Path.DirectorySeparatorChar), repo.Root, StringComparison.Ordinal)) break;
        }
        return null;
    }

    private static void Visit(string file, string projectFile, RepoLayout repo, List<string> files)
    {
        if (files.Contains(file, StringComparer.Ordinal)) return;
        files.Add(file);
        foreach (var import in XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "Import"))
        {
            var text = (string?)import.Attribute("Project");
            if (text is null || import.Attribute("Sdk") is not null) continue;
            foreach (var part in MsBuildText.Expand(text, projectFile, file, repo.Root).Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var target = MsBuildText.ToFullPath(part, Path.GetDirectoryName(file)!);
                // Only the repository's own MSBuild files can carry layer-relevant items; SDK and NuGet imports are not ours.
                if (target is not null && File.Exists(target) && repo.AreaOf(target) != ProjectArea.Outside)
                    Visit(target, projectFile, repo, files);
            }
        }
    }

    private static IEnumerable<ProjectItem> ReadItems(string file, string projectFile, RepoLayout repo)
    {
        var projectDir = Path.GetDirectoryName(projectFile)!;
        var declaredIn = repo.Relative(file);
        foreach (var element in XDocument.Load(file).Descendants().Where(e => e.Parent?.Name.LocalName == "ItemGroup"))
        {
            if (!ItemKinds.Contains(element.Name.LocalName, StringComparer.Ordinal)) continue;
            var kind = Enum.Parse<ProjectItemKind>(element.Name.LocalName);
            // Update changes metadata of an item declared elsewhere: checked as if it were the item, so it cannot loosen a rule.
            var include = (string?)element.Attribute("Include") ?? (string?)element.Attribute("Update");
            if (include is null) continue;
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var a in element.Attributes().Where(a => !ItemOperators.Contains(a.Name.LocalName, StringComparer.OrdinalIgnoreCase)))
                metadata[a.Name.LocalName] = a.Value;
            foreach (var child in element.Elements())
                metadata[child.Name.LocalName] = child.Value;

            foreach (var one in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var expanded = MsBuildText.Expand(one, projectFile, file, repo.Root);
                string? resolved = kind switch
                {
                    ProjectItemKind.ProjectReference => MsBuildText.ToFullPath(expanded, projectDir)
                        ?? (expanded.Contains("$(", StringComparison.Ordinal) ? repo.FindProjectByFileName(LastSegment(expanded)) : null),
                    ProjectItemKind.Reference when metadata.TryGetValue("HintPath", out var hint) =>
                        MsBuildText.ToFullPath(MsBuildText.Expand(hint, projectFile, file, repo.Root), projectDir),
                    _ => null,
                };
                yield return new ProjectItem(kind, one, resolved, declaredIn, metadata);
            }
        }
    }

    private static string LastSegment(string path) => path.Replace('\\', '/').Split('/')[^1];

    private static string ReadAssemblyName(string projectFile, RepoLayout repo)
    {
        var fallback = Path.GetFileNameWithoutExtension(projectFile);
        var declared = XDocument.Load(projectFile).Descendants()
            .Where(e => e.Name.LocalName == "AssemblyName" && e.Parent?.Name.LocalName == "PropertyGroup")
            .Select(e => MsBuildText.Expand(e.Value.Trim(), projectFile, projectFile, repo.Root))
            .LastOrDefault();
        return declared is null || declared.Contains("$(", StringComparison.Ordinal) || declared.Length == 0 ? fallback : declared;
    }
}
