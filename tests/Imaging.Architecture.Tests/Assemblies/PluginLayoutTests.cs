using Imaging.Architecture.Tests.Projects;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>
/// The plugin assembly rules read the folders ImagingPluginLayout.targets lays out beside these tests. With no plugin
/// folder they pass without checking anything; these tests make that visible.
/// </summary>
public sealed class PluginLayoutTests
{
    private static readonly RepoLayout Repo = RepoLayout.Current;

    /// <summary>
    /// GUARD AGAINST A VACUOUS PASS. Fails on purpose while plugins/ holds no plugin project (or the layout targets stop
    /// copying them): every plugin rule in <see cref="AssemblyRulesTests"/> would then pass without looking at a plugin.
    /// </summary>
    [Fact]
    public void PluginLayout_PluginsFolder_HoldsAtLeastOnePlugin()
    {
        var laidOut = BuiltOutput.Plugins;

        Assert.True(laidOut.Count > 0,
            $"GUARD: no plugin folder under {BuiltOutput.PluginsFolder}, so the plugin assembly rules checked nothing. "
            + "Either plugins/ has no project yet, or ImagingPluginLayout.targets no longer lays plugins out next to Imaging.Architecture.Tests.");
    }

    [Fact]
    public void PluginLayout_EveryPluginProject_IsLaidOutWithItsManifest()
    {
        var projects = Repo.AllProjects.Where(p => Repo.AreaOf(p) == ProjectArea.Plugins).Select(p => ProjectFile.Load(p, Repo)).ToList();

        var missing = projects
            .Where(p => !File.Exists(Path.Combine(BuiltOutput.PluginsFolder, p.AssemblyName, "plugin.json")))
            .Select(p => $"{p.RelativePath} (expected {Path.Combine(BuiltOutput.PluginsFolder, p.AssemblyName, "plugin.json")})")
            .ToList();

        Assert.True(missing.Count == 0, "plugin projects not laid out beside the tests, so their assemblies went unchecked:\n  " + string.Join("\n  ", missing));
    }
}
