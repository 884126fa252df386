using System.Text.RegularExpressions;

namespace Imaging.Architecture.Tests.Projects;

/// <summary>
/// DESIGN.md's layers as rules over project files. Each rule returns one message per offending item, naming the
/// project, the item, the file that declares it and what to do instead; an empty result means the project obeys.
/// </summary>
internal static partial class ProjectRules
{
    /// <summary>
    /// A plugin (plugins/ or tests/plugins/) references sdk/ projects only, compile-only (<c>Private="false"</c>),
    /// never host/ or another plugin; packages shared with the host come without runtime assets.
    /// </summary>
    public static IEnumerable<string> PluginReferences(ProjectFile plugin, RepoLayout repo)
    {
        foreach (var r in plugin.OfKind(ProjectItemKind.ProjectReference))
        {
            var at = Where(r);
            if (r.ResolvedPath is not null && string.Equals(r.ResolvedPath, plugin.FullPath, StringComparison.Ordinal)) continue;
            switch (r.ResolvedPath is null ? ProjectArea.Outside : repo.AreaOf(r.ResolvedPath))
            {
                case ProjectArea.Host:
                    yield return $"{plugin}: {r}{at} points into host/ ({Target(r, repo)}). A plugin never references the host; it talks to it through Imaging.Sdk contracts and DI (DESIGN.md: layers).";
                    break;
                case ProjectArea.Plugins or ProjectArea.TestPlugins:
                    yield return $"{plugin}: {r}{at} points to another plugin ({Target(r, repo)}). Plugins never reference each other; share through SDK contracts (DESIGN.md: layers).";
                    break;
                case ProjectArea.Sdk when !r.IsFalse("Private"):
                    yield return $"{plugin}: {r}{at} to {Target(r, repo)} is not compile-only: set Private=\"false\" (and ExcludeAssets=\"runtime\") so the plugin binds to the host's shared copy (plugins/ImagingPlugin.targets does this for Imaging.Sdk and Imaging.Dicom).";
                    break;
                case ProjectArea.Sdk:
                    break;
                default:
                    yield return $"{plugin}: {r}{at} points to {Target(r, repo)}, outside sdk/. A plugin references sdk/ projects only (DESIGN.md: layers).";
                    break;
            }
        }
        foreach (var p in plugin.OfKind(ProjectItemKind.PackageReference))
        {
            if (IsHostAssembly(p.Include))
                yield return $"{plugin}: {p}{Where(p)} is a host package. A plugin never references the host (DESIGN.md: layers).";
            else if (Layers.IsShared(p.Include) && p.Consumes("runtime"))
                yield return $"{plugin}: {p}{Where(p)} is shared with the host but its runtime assets are not excluded: set ExcludeAssets=\"runtime\" so the plugin folder carries no copy (DESIGN.md: shared types).";
        }
        foreach (var a in plugin.OfKind(ProjectItemKind.Reference))
        {
            var name = a.Include.Split(',')[0].Trim();
            var area = a.ResolvedPath is null ? ProjectArea.Outside : repo.AreaOf(a.ResolvedPath);
            if (IsHostAssembly(name) || area == ProjectArea.Host)
                yield return $"{plugin}: {a}{Where(a)} is a host assembly. A plugin never references the host (DESIGN.md: layers).";
            else if (area is ProjectArea.Plugins or ProjectArea.TestPlugins)
                yield return $"{plugin}: {a}{Where(a)} is another plugin's assembly ({Target(a, repo)}). Plugins never reference each other.";
            else if (Layers.IsShared(name) && !a.IsFalse("Private"))
                yield return $"{plugin}: {a}{Where(a)} is shared with the host: set Private=\"false\" so the plugin folder carries no copy.";
        }
    }

    /// <summary>
    /// Imaging.Dicom depends on the BCL only: no package but analyzers (<c>PrivateAssets="all"</c>, no compile or
    /// runtime assets), no project but build-time tools (<c>ReferenceOutputAssembly="false"</c>), no raw assembly and
    /// no extra shared framework.
    /// </summary>
    public static IEnumerable<string> DicomIsBclOnly(ProjectFile dicom, RepoLayout repo)
    {
        foreach (var p in dicom.OfKind(ProjectItemKind.PackageReference).Where(p => !IsDevelopmentOnly(p)))
            yield return $"{dicom}: {p}{Where(p)}. Imaging.Dicom uses the BCL only (DESIGN.md); the only packages allowed are analyzers (PrivateAssets=\"all\").";
        foreach (var r in dicom.OfKind(ProjectItemKind.ProjectReference).Where(r => !r.IsFalse("ReferenceOutputAssembly")))
            yield return $"{dicom}: {r}{Where(r)} to {Target(r, repo)} brings its assembly in. Imaging.Dicom uses the BCL only; a build-time tool is referenced with ReferenceOutputAssembly=\"false\".";
        foreach (var r in dicom.OfKind(ProjectItemKind.ProjectReference).Where(r => r.IsFalse("ReferenceOutputAssembly") && (r.ResolvedPath is null || repo.AreaOf(r.ResolvedPath) != ProjectArea.Sdk)))
            yield return $"{dicom}: {r}{Where(r)} is a build-time tool outside sdk/ ({Target(r, repo)}); Imaging.Dicom builds from sdk/ alone.";
        foreach (var a in dicom.OfKind(ProjectItemKind.Reference))
            yield return $"{dicom}: {a}{Where(a)}. Imaging.Dicom uses the BCL only; raw assembly references are not allowed.";
        foreach (var f in dicom.OfKind(ProjectItemKind.FrameworkReference))
            yield return $"{dicom}: {f}{Where(f)}. Imaging.Dicom uses the BCL (Microsoft.NETCore.App) only.";
    }

    /// <summary>
    /// Imaging.Dicom.Imaging (pixels, codecs, volumes) depends on the BCL and Imaging.Dicom only, like Imaging.Dicom: no
    /// package but analyzers, no other project, no raw assembly, no extra shared framework (native codecs are plugins).
    /// </summary>
    public static IEnumerable<string> DicomImagingIsBclOnly(ProjectFile imaging, RepoLayout repo)
    {
        var dicom = repo.PathOf(Layers.DicomProject);
        foreach (var p in imaging.OfKind(ProjectItemKind.PackageReference).Where(p => !IsDevelopmentOnly(p)))
            yield return $"{imaging}: {p}{Where(p)}. Imaging.Dicom.Imaging uses the BCL and Imaging.Dicom only (DESIGN.md); the only packages allowed are analyzers (PrivateAssets=\"all\").";
        foreach (var r in imaging.OfKind(ProjectItemKind.ProjectReference).Where(r => !string.Equals(r.ResolvedPath, dicom, StringComparison.Ordinal)))
            yield return $"{imaging}: {r}{Where(r)} to {Target(r, repo)}. Imaging.Dicom.Imaging references only {Layers.DicomProject} among projects.";
        foreach (var a in imaging.OfKind(ProjectItemKind.Reference))
            yield return $"{imaging}: {a}{Where(a)}. Imaging.Dicom.Imaging uses the BCL only; raw assembly references are not allowed.";
        foreach (var f in imaging.OfKind(ProjectItemKind.FrameworkReference))
            yield return $"{imaging}: {f}{Where(f)}. Imaging.Dicom.Imaging uses the BCL (Microsoft.NETCore.App) only.";
    }

    /// <summary>
    /// A host project (host/) has no compile-time reference to a plugin. ImagingPlugin / ImagingTestPlugin items are
    /// not references (ImagingPluginLayout.targets builds and copies plugins without referencing them) and are not read.
    /// </summary>
    public static IEnumerable<string> HostReferencesNoPlugin(ProjectFile host, RepoLayout repo)
    {
        foreach (var r in host.OfKind(ProjectItemKind.ProjectReference))
        {
            var toPlugin = r.ResolvedPath is null
                ? r.Include.Replace('\\', '/').Contains("plugins/", StringComparison.OrdinalIgnoreCase)
                : repo.AreaOf(r.ResolvedPath) is ProjectArea.Plugins or ProjectArea.TestPlugins;
            if (toPlugin)
                yield return $"{host}: {r}{Where(r)} points to plugin {Target(r, repo)}. The host finds plugins at run time; lay them out with ImagingPlugin items (ImagingPluginLayout.targets), never a compile-time reference (DESIGN.md: layers).";
        }
        foreach (var a in host.OfKind(ProjectItemKind.Reference).Where(a => a.ResolvedPath is not null && repo.AreaOf(a.ResolvedPath) is ProjectArea.Plugins or ProjectArea.TestPlugins))
            yield return $"{host}: {a}{Where(a)} is a plugin assembly ({Target(a, repo)}). The host never references a plugin at compile time.";
    }

    /// <summary>
    /// Imaging.Sdk references sdk/Imaging.Dicom, sdk/Imaging.Dicom.Imaging and the DI and logging abstractions packages, plus analyzers; nothing else
    /// (everything it references is loaded into every plugin's world).
    /// </summary>
    public static IEnumerable<string> SdkReferencesContractOnly(ProjectFile sdk, RepoLayout repo)
    {
        string[] allowed = [repo.PathOf(Layers.DicomProject), repo.PathOf(Layers.DicomImagingProject)];
        foreach (var r in sdk.OfKind(ProjectItemKind.ProjectReference).Where(r => !allowed.Contains(r.ResolvedPath, StringComparer.Ordinal)))
            yield return $"{sdk}: {r}{Where(r)} to {Target(r, repo)}. Imaging.Sdk references only {Layers.DicomProject} and {Layers.DicomImagingProject} among projects (DESIGN.md: layers).";
        foreach (var p in sdk.OfKind(ProjectItemKind.PackageReference).Where(p => !Layers.ContractPackages.Contains(p.Include, StringComparer.OrdinalIgnoreCase) && !IsDevelopmentOnly(p)))
            yield return $"{sdk}: {p}{Where(p)}. Imaging.Sdk depends only on {string.Join(" and ", Layers.ContractPackages)} (plus analyzers with PrivateAssets=\"all\"): plugins share everything it references.";
        foreach (var a in sdk.OfKind(ProjectItemKind.Reference))
            yield return $"{sdk}: {a}{Where(a)}. Imaging.Sdk takes no raw assembly references.";
        foreach (var f in sdk.OfKind(ProjectItemKind.FrameworkReference))
            yield return $"{sdk}: {f}{Where(f)}. Imaging.Sdk uses Microsoft.NETCore.App only; a plugin host could not share another framework.";
    }

    /// <summary>
    /// A package that only helps the build: <c>PrivateAssets="all"</c>, and either none of its compile/runtime assets
    /// are consumed or it is an analyzer package by name (<c>*Analyzers</c>, <c>*.Analyzers.*</c>) with no IncludeAssets
    /// override. PrivateAssets alone is not enough: it only stops the package flowing to consumers, the project itself
    /// still compiles against it. The assembly rules (what the built dll references) back this up.
    /// </summary>
    public static bool IsDevelopmentOnly(ProjectItem package) =>
        package.AssetListNames("PrivateAssets", "all")
        && ((!package.Consumes("compile") && !package.Consumes("runtime"))
            || (AnalyzerPackage().IsMatch(package.Include) && package.Meta("IncludeAssets") is null));

    private static bool IsHostAssembly(string name) => Layers.HostAssemblies.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static string Where(ProjectItem item) => $" (declared in {item.DeclaredIn})";

    private static string Target(ProjectItem item, RepoLayout repo) =>
        item.ResolvedPath is null ? $"unresolved '{item.Include}'" : repo.Relative(item.ResolvedPath);

    [GeneratedRegex(@"Analyzers?(\.|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AnalyzerPackage();
}
