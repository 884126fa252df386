using Imaging.Architecture.Tests.Projects;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>
/// The built assemblies the rules read, all beside the tests: the sdk/host projects this project references, and the
/// plugin folders ImagingPluginLayout.targets copies to <c>plugins/&lt;AssemblyName&gt;/</c> after the build.
/// </summary>
internal static class BuiltOutput
{
    public static string Folder => AppContext.BaseDirectory;

    public static string PluginsFolder => Path.Combine(Folder, "plugins");

    /// <summary>The plugin folders laid out beside the tests (none while plugins/ holds no project).</summary>
    public static IReadOnlyList<LaidOutPlugin> Plugins => LaidOutPlugin.In(PluginsFolder);

    /// <summary>A referenced project's assembly beside the tests, read from its metadata.</summary>
    public static AssemblyFile Assembly(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        return File.Exists(path)
            ? AssemblyFile.Read(path)
            : throw new FileNotFoundException($"{fileName} is not beside the tests in {Folder}; Imaging.Architecture.Tests.csproj must reference its project", path);
    }

    /// <summary>Host assembly names: <see cref="Layers.HostAssemblies"/> and the AssemblyName of every project under host/.</summary>
    public static IReadOnlyList<string> HostAssemblies(RepoLayout repo) =>
        Layers.HostAssemblies
            .Concat(repo.AllProjects.Where(p => repo.AreaOf(p) == ProjectArea.Host).Select(p => ProjectFile.Load(p, repo).AssemblyName))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// Plugin assembly names: the AssemblyName of every project under plugins/ and tests/plugins/ (known even before
    /// they are built) and the folder and entry assembly names of the laid-out plugins.
    /// </summary>
    public static IReadOnlyList<string> PluginAssemblies(RepoLayout repo, IEnumerable<LaidOutPlugin> laidOut) =>
        repo.AllProjects.Where(p => repo.AreaOf(p) is ProjectArea.Plugins or ProjectArea.TestPlugins)
            .Select(p => ProjectFile.Load(p, repo).AssemblyName)
            .Concat(laidOut.SelectMany(p => new[] { p.Name, p.EntryAssemblyName }))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
