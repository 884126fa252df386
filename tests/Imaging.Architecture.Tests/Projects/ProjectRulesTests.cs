namespace Imaging.Architecture.Tests.Projects;

/// <summary>DESIGN.md's layers on the repository's own project files (sdk/, host/, plugins/, tests/plugins/).</summary>
public sealed class ProjectRulesTests
{
    private static readonly RepoLayout Repo = RepoLayout.Current;

    private static IReadOnlyList<ProjectFile> Projects(params ProjectArea[] areas) =>
        Repo.LayeredProjects.Where(p => areas.Contains(Repo.AreaOf(p))).Select(p => ProjectFile.Load(p, Repo)).ToList();

    private static void AssertNone(IEnumerable<string> violations, string rule)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, $"{rule}: {list.Count} violation(s)\n  " + string.Join("\n  ", list));
    }

    [Fact]
    public void LayeredProjects_Repository_IncludeTheSdkAndHostProjects()
    {
        var found = Repo.LayeredProjects.Select(Repo.Relative).ToList();

        Assert.Contains(Layers.DicomProject, found);
        Assert.Contains(Layers.DicomImagingProject, found);
        Assert.Contains(Layers.SdkProject, found);
        Assert.Contains("host/Imaging.Host/Imaging.Host.csproj", found);
        Assert.Contains("host/Imaging.Cli/Imaging.Cli.csproj", found);
    }

    [Fact]
    public void PluginReferences_EveryPluginProject_ReferencesSdkCompileOnly()
    {
        var plugins = Projects(ProjectArea.Plugins, ProjectArea.TestPlugins);

        // Vacuous while plugins/ and tests/plugins/ hold no project; PluginReferences_ImagingPluginTargets_... and
        // Assemblies/PluginLayoutTests cover that case.
        AssertNone(plugins.SelectMany(p => ProjectRules.PluginReferences(p, Repo)), "plugin references");
    }

    [Fact]
    public void PluginReferences_ImagingPluginTargets_ReferencesSdkCompileOnly()
    {
        // The SDK references every plugin gets are written in ImagingPlugin.targets: check them even with zero plugins.
        var targets = ProjectFile.Load(Repo.PathOf(Layers.PluginTargets), Repo);

        Assert.Contains(targets.OfKind(ProjectItemKind.ProjectReference), r => Repo.Relative(r.ResolvedPath ?? "") == Layers.SdkProject);
        AssertNone(ProjectRules.PluginReferences(targets, Repo), "plugin references");
    }

    [Fact]
    public void PluginReferences_PluginProjects_ImportImagingPluginTargets()
    {
        var plugins = Projects(ProjectArea.Plugins, ProjectArea.TestPlugins);

        var missing = plugins.Where(p => !p.ContributingFiles.Contains(Layers.PluginTargets)).Select(p => p.RelativePath).ToList();

        Assert.True(missing.Count == 0, $"plugin projects that do not import {Layers.PluginTargets} (their SDK references would not be compile-only): {string.Join(", ", missing)}");
    }

    [Fact]
    public void DicomIsBclOnly_ImagingDicomProject_HasNoDependencyButTheGenerator()
    {
        var dicom = ProjectFile.Load(Repo.PathOf(Layers.DicomProject), Repo);

        AssertNone(ProjectRules.DicomIsBclOnly(dicom, Repo), "Imaging.Dicom is BCL only");
    }

    [Fact]
    public void DicomImagingIsBclOnly_ImagingDicomImagingProject_ReferencesDicomOnly()
    {
        var imaging = ProjectFile.Load(Repo.PathOf(Layers.DicomImagingProject), Repo);

        AssertNone(ProjectRules.DicomImagingIsBclOnly(imaging, Repo), "Imaging.Dicom.Imaging is BCL + Imaging.Dicom only");
    }

    [Fact]
    public void HostReferencesNoPlugin_EveryHostProject_HasNoPluginReference()
    {
        var hosts = Projects(ProjectArea.Host);

        Assert.NotEmpty(hosts);
        AssertNone(hosts.SelectMany(h => ProjectRules.HostReferencesNoPlugin(h, Repo)), "host references no plugin");
    }

    [Fact]
    public void SdkReferencesContractOnly_ImagingSdkProject_ReferencesDicomAndAbstractionsOnly()
    {
        var sdk = ProjectFile.Load(Repo.PathOf(Layers.SdkProject), Repo);

        AssertNone(ProjectRules.SdkReferencesContractOnly(sdk, Repo), "Imaging.Sdk references the contract only");
    }
}
