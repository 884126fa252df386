using Imaging.Sdk;
using Xunit.Abstractions;

namespace Imaging.Host.Tests.ExternalPlugins;

/// <summary>
/// The SDK contract stands alone: the SDK packs into packages with the right dependencies, and plugins built outside the
/// repository against those packages only (the sample, and a project made from the template) produce plugin folders
/// that carry no shared assembly and reference nothing but the SDK, the DI/logging abstractions and the BCL.
/// </summary>
[Collection(ExternalPluginsCollection.Name)]
public sealed class ExternalPluginBuildTests(ExternalPluginsFixture fixture, ITestOutputHelper output)
{
    /// <summary>The two external plugins, by the name the theories use.</summary>
    public static TheoryData<string> Plugins => new() { "sample", "template" };

    [Fact]
    public void Pack_SdkProjects_ProducesPackagesWithTheContractDependencies()
    {
        output.WriteLine(fixture.TimingSummary);
        Assert.True(fixture.Packing.Succeeded, fixture.Packing.Describe());
        var version = fixture.SdkPackageVersion!;

        var sdk = FixtureNuspec($"Imaging.Sdk.{version}.nupkg");
        Assert.Equal(
            ["Imaging.Dicom", "Imaging.Dicom.Imaging", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Logging.Abstractions"],
            DependencyIds(sdk).Order(StringComparer.Ordinal));
        Assert.Equal(version, Dependency(sdk, "Imaging.Dicom"));
        Assert.Equal(version, Dependency(sdk, "Imaging.Dicom.Imaging"));

        // Imaging.Dicom is BCL only (DESIGN.md): the generator it builds with must not become a package dependency.
        Assert.Empty(DependencyIds(FixtureNuspec($"Imaging.Dicom.{version}.nupkg")));
        Assert.Equal(["Imaging.Dicom"], DependencyIds(FixtureNuspec($"Imaging.Dicom.Imaging.{version}.nupkg")));
    }

    [Fact]
    public void Pack_TestKit_DependsOnTheSdkPackageOfTheSameVersion()
    {
        Assert.True(fixture.TestKitPacking.Succeeded, Explain(fixture.TestKitPacking));

        var kit = FixtureNuspec($"Imaging.Sdk.Testing.{fixture.SdkPackageVersion}.nupkg");

        Assert.Equal(fixture.SdkPackageVersion, Dependency(kit, "Imaging.Sdk"));
    }

    [Fact]
    public void TemplateTests_DotnetTest_RunsTheContractChecksAndPasses()
    {
        var build = fixture.TemplateTests;
        output.WriteLine(build.Describe(0));
        Assert.True(build.Succeeded, Explain(build));

        var run = build.Commands[^1].Output;
        var passed = System.Text.RegularExpressions.Regex.Match(run, @"Passed:\s+(\d+)");
        Assert.True(passed.Success && int.Parse(passed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, $"no passed tests reported:\n{build.Commands[^1].Tail()}");
        Assert.Matches(@"Failed:\s+0\b", run);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Build_ExternalPlugin_Succeeds(string plugin)
    {
        var build = Build(plugin);
        output.WriteLine(build.Describe(0));
        output.WriteLine(fixture.TimingSummary);
        Assert.True(build.Succeeded, Explain(build));
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void OutputFolder_ExternalPlugin_HoldsManifestAndEntryAssembly(string plugin)
    {
        var folder = RequireFolder(plugin);
        Assert.True(File.Exists(Path.Combine(folder, PluginManifest.FileName)), $"no plugin.json in {folder}: {Listing(folder)}");
        Assert.True(File.Exists(Path.Combine(folder, ExpectedAssembly(plugin) + ".dll")), $"no {ExpectedAssembly(plugin)}.dll in {folder}: {Listing(folder)}");
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void OutputFolder_ExternalPlugin_HoldsNoSharedAssembly(string plugin)
    {
        var folder = RequireFolder(plugin);
        var shared = Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("Imaging.Sdk", StringComparison.OrdinalIgnoreCase)
                        || name.StartsWith("Imaging.Dicom", StringComparison.OrdinalIgnoreCase)
                        || (name.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".Abstractions.dll", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.True(shared.Count == 0, $"the plugin folder ships assemblies the host shares ({string.Join(", ", shared)}); they must be compile-only (ExcludeAssets=\"runtime\"). Folder: {Listing(folder)}");
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_ExternalPlugin_LoadsAndMatchesTheBuild(string plugin)
    {
        var folder = RequireFolder(plugin);
        var manifest = PluginManifest.Load(folder);

        Assert.Equal(ExpectedAssembly(plugin).ToLowerInvariant(), manifest.Id);
        Assert.Equal(ExpectedAssembly(plugin) + ".dll", manifest.EntryAssembly);
        Assert.True(File.Exists(Path.Combine(folder, manifest.EntryAssembly)));
        Assert.True(manifest.IsCompatibleWith(SdkInfo.Version), $"plugin.json asks for SDK {manifest.SdkRange}, the host runs {SdkInfo.Version}");
        Assert.Equal(plugin == "sample" ? [CapabilityKind.Filter, CapabilityKind.AiModel] : [CapabilityKind.Filter], manifest.Capabilities);
        Assert.Equal(PluginPermissions.None, manifest.Permissions);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void EntryAssembly_ExternalPlugin_ReferencesOnlySharedAssembliesAndBcl(string plugin)
    {
        var metadata = PluginAssemblyMetadata.Read(EntryAssemblyPath(plugin));
        var names = metadata.References.Select(r => r.Name!).ToList();

        Assert.Contains("Imaging.Sdk", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Imaging.Host", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Imaging.Cli", StringComparison.OrdinalIgnoreCase));
        Assert.True(metadata.DisallowedReferences().Count == 0,
            $"{metadata.Name} references {string.Join(", ", metadata.DisallowedReferences())}, which are neither shared with the host nor BCL. All references: {string.Join(", ", names)}");
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void EntryAssembly_ExternalPlugin_HasOnePublicPluginType(string plugin)
    {
        var metadata = PluginAssemblyMetadata.Read(EntryAssemblyPath(plugin));

        var type = Assert.Single(metadata.PluginTypes);
        Assert.StartsWith(ExpectedAssembly(plugin) + ".", type, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_Instantiated_CarriesTheGivenNameAndSdkVersion()
    {
        var project = fixture.TemplatePlugin.ProjectDirectory;
        RequireFolder("template");
        var files = Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(files, f => Path.GetFileName(f) == ExternalPluginsFixture.TemplatePluginName + ".csproj");
        Assert.Contains(files, f => Path.GetFileName(f) == ExternalPluginsFixture.TemplatePluginName + ".Tests.csproj");
        var leftovers = files.Where(f => File.ReadAllText(f).Contains("acme", StringComparison.OrdinalIgnoreCase)).Select(Path.GetFileName).ToList();
        Assert.True(leftovers.Count == 0, $"the template's source name survived in {string.Join(", ", leftovers)}");
        var csproj = File.ReadAllText(Path.Combine(project, ExternalPluginsFixture.TemplatePluginName + ".csproj"));
        Assert.Contains($"<ImagingSdkVersion>{fixture.SdkPackageVersion}</ImagingSdkVersion>", csproj, StringComparison.Ordinal);
    }

    private ExternalBuild Build(string plugin) => plugin switch
    {
        "sample" => fixture.SamplePlugin,
        "template" => fixture.TemplatePlugin,
        _ => throw new ArgumentOutOfRangeException(nameof(plugin), plugin, null),
    };

    private static string ExpectedAssembly(string plugin) =>
        plugin == "sample" ? ExternalPluginsFixture.SamplePluginName : ExternalPluginsFixture.TemplatePluginName;

    private string RequireFolder(string plugin)
    {
        var build = Build(plugin);
        Assert.True(build.Succeeded && build.OutputDirectory is not null, Explain(build));
        return build.OutputDirectory!;
    }

    private string EntryAssemblyPath(string plugin) => Path.Combine(RequireFolder(plugin), ExpectedAssembly(plugin) + ".dll");

    private string Explain(ExternalBuild build) =>
        build.Describe() + (fixture.Packing.Succeeded || build == fixture.Packing ? "" : "\n" + fixture.Packing.Describe())
        + (build == fixture.TemplateTests && !fixture.TestKitPacking.Succeeded ? "\n" + fixture.TestKitPacking.Describe() : "");

    private System.Xml.Linq.XDocument FixtureNuspec(string file)
    {
        var path = Path.Combine(fixture.FeedDirectory, file);
        Assert.True(File.Exists(path), $"{file} is not in the feed: {Listing(fixture.FeedDirectory)}");
        return ExternalPluginsFixture.ReadNuspec(path);
    }

    private static IEnumerable<string> DependencyIds(System.Xml.Linq.XDocument nuspec) =>
        nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!);

    private static string? Dependency(System.Xml.Linq.XDocument nuspec, string id) =>
        nuspec.Descendants().Where(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == id).Select(e => (string?)e.Attribute("version")).FirstOrDefault();

    private static string Listing(string folder) =>
        Directory.Exists(folder) ? string.Join(", ", Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)) : $"{folder} does not exist";
}
