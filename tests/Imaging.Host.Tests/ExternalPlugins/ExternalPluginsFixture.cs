using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Imaging.Host.Tests.ExternalPlugins;

/// <summary>
/// Builds plugins the way a third party would, outside the repository, against the SDK packages only (issue 4: "a sample
/// third-party plugin built outside Platform.sln against the SDK only"):
/// <list type="number">
/// <item>packs <c>sdk/Imaging.Dicom</c> and <c>sdk/Imaging.Sdk</c> into a temp feed (its own artifacts folder, so a
/// build running in the repository is not disturbed);</item>
/// <item>copies <c>tests/SamplePlugin</c> (Contoso.Histogram) to a temp folder and builds it there;</item>
/// <item>installs <c>templates/imaging-plugin</c> into a private template hive, creates <c>Fabrikam.Offset</c> from it
/// and builds that;</item>
/// <item>packs <c>sdk/Imaging.Sdk.Testing</c> too and runs the template's test project (the test kit's contract checks
/// on the template's filter) with <c>dotnet test</c>.</item>
/// </list>
/// The temp folder gets a NuGet.config that takes <c>Imaging.*</c> from the temp feed only, and its own
/// <c>NUGET_PACKAGES</c> cache, so a stale cached 1.0.0 cannot stand in for the fresh packages.
/// Share it with <c>[Collection(ExternalPluginsCollection.Name)]</c>; load the plugins from
/// <see cref="SamplePluginDirectory"/> and <see cref="TemplatePluginDirectory"/>.
/// </summary>
/// <remarks>Set <c>IMAGING_KEEP_EXTERNAL_BUILDS=1</c> to keep the temp folder; it is always kept when a step failed.</remarks>
public sealed class ExternalPluginsFixture : IAsyncLifetime
{
    /// <summary>The name given to the template (<c>dotnet new imaging-plugin -n</c>).</summary>
    public const string TemplatePluginName = "Fabrikam.Offset";

    /// <summary>The sample plugin's project name.</summary>
    public const string SamplePluginName = "Contoso.Histogram";

    // The repository's own build runs the analyzers (public API lock, xunit rules); packing the same sources again only
    // needs the assemblies, and skipping them saves a third of the pack time on two cores.
    private const string NoAnalyzers = "-p:RunAnalyzers=false";

    // Generous: on a loaded two-core machine a cold pack has taken over three minutes; a hung command must still end.
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Sets the folders; the work happens in <see cref="InitializeAsync"/>.</summary>
    public ExternalPluginsFixture()
    {
        RepoRoot = FindRepoRoot();
        WorkDirectory = Path.Combine(Path.GetTempPath(), "imaging-external-" + Guid.NewGuid().ToString("N")[..10]);
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        Packing = new ExternalBuild("SDK packages", RepoRoot);
        SamplePlugin = new ExternalBuild("sample plugin " + SamplePluginName, Path.Combine(WorkDirectory, "sample", SamplePluginName));
        TemplatePlugin = new ExternalBuild("template plugin " + TemplatePluginName, Path.Combine(WorkDirectory, "template", TemplatePluginName));
        TestKitPacking = new ExternalBuild("test kit package", RepoRoot);
        TemplateTests = new ExternalBuild("template tests " + TemplatePluginName + ".Tests", Path.Combine(TemplatePlugin.ProjectDirectory, TemplatePluginName + ".Tests"));
    }

    /// <summary>The repository the SDK, the sample and the template come from.</summary>
    public string RepoRoot { get; }

    /// <summary>The temp folder everything is built in (outside the repository).</summary>
    public string WorkDirectory { get; }

    /// <summary>The local NuGet feed holding the packed Imaging.Dicom and Imaging.Sdk packages.</summary>
    public string FeedDirectory { get; }

    /// <summary>The version of the packed Imaging.Sdk package (read from its nuspec); null when packing failed.</summary>
    public string? SdkPackageVersion { get; private set; }

    /// <summary>Packing the SDK.</summary>
    public ExternalBuild Packing { get; }

    /// <summary>Building tests/SamplePlugin outside the repository.</summary>
    public ExternalBuild SamplePlugin { get; }

    /// <summary>Instantiating templates/imaging-plugin and building the result.</summary>
    public ExternalBuild TemplatePlugin { get; }

    /// <summary>Packing sdk/Imaging.Sdk.Testing (the test kit package the template's test project uses).</summary>
    public ExternalBuild TestKitPacking { get; }

    /// <summary><c>dotnet test</c> of the test project the template created (test kit contract checks on its filter).</summary>
    public ExternalBuild TemplateTests { get; }

    /// <summary>Every external build, in the order they start.</summary>
    public IReadOnlyList<ExternalBuild> AllBuilds => [Packing, SamplePlugin, TemplatePlugin, TestKitPacking, TemplateTests];

    /// <summary>Wall-clock time of the whole fixture.</summary>
    public TimeSpan TotalElapsed { get; private set; }

    /// <summary>The built sample plugin folder (plugin.json + Contoso.Histogram.dll); throws with the build log when the build failed.</summary>
    public string SamplePluginDirectory => SamplePlugin.RequireOutputDirectory();

    /// <summary>The built template plugin folder (plugin.json + Fabrikam.Offset.dll); throws with the build log when the build failed.</summary>
    public string TemplatePluginDirectory => TemplatePlugin.RequireOutputDirectory();

    /// <summary>One line per step with its time, for test output.</summary>
    public string TimingSummary =>
        $"total {TotalElapsed.TotalSeconds:F1} s (after packing, the sample build, the template build and the test kit pack run side by side): " +
        string.Join("; ", AllBuilds.Select(b => $"{b.Name} {b.Elapsed.TotalSeconds:F1} s"));

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await RunAsync();
        }
        catch (Exception e)
        {
            // A fixture that throws hides the reason behind xunit's "class fixture failed"; record it for the tests instead.
            Packing.Fail($"the fixture threw: {e}");
        }
        foreach (var build in AllBuilds.Skip(1))
        {
            if (build.Commands.Count == 0 && build.Failure is null) build.Fail($"not attempted: {Packing.Name} failed ({Packing.Failure})");
        }
        TotalElapsed = watch.Elapsed;
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        bool keep = Environment.GetEnvironmentVariable("IMAGING_KEEP_EXTERNAL_BUILDS") is { Length: > 0 } v && v != "0";
        bool failed = AllBuilds.Any(b => !b.Succeeded);
        if (!keep && !failed && Directory.Exists(WorkDirectory))
        {
            try { Directory.Delete(WorkDirectory, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a plugin still loaded on Windows: leave it to the OS */ }
        }
        return Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        if (Path.GetFullPath(WorkDirectory).StartsWith(RepoRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            Packing.Fail($"the temp folder {WorkDirectory} lies inside the repository {RepoRoot}; set TMPDIR elsewhere");
            return;
        }
        Directory.CreateDirectory(FeedDirectory);
        var dotnet = DotnetCli.Locate();

        if (!await PackAsync(dotnet)) return;
        IsolatedNuGetConfig.Write(WorkDirectory, FeedDirectory, Path.Combine(RepoRoot, "NuGet.config"));

        var pluginEnvironment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(WorkDirectory, "nuget-packages"),
            ["IMAGING_ARTIFACTS"] = null,
            ["IMAGING_PLUGIN_PATH"] = null,
        };
        var testKit = PackTestKitAsync(dotnet);
        var template = BuildTemplateAsync(dotnet, pluginEnvironment);
        await Task.WhenAll(BuildSampleAsync(dotnet, pluginEnvironment), testKit, template);
        if (!TemplatePlugin.Succeeded) TemplateTests.Fail($"not attempted: {TemplatePlugin.Name} failed");
        else if (!TestKitPacking.Succeeded) TemplateTests.Fail($"not attempted: {TestKitPacking.Name} failed ({TestKitPacking.Failure})");
        else await TestTemplateAsync(dotnet, pluginEnvironment);
    }

    private async Task<bool> PackAsync(DotnetCli dotnet)
    {
        // Own artifacts tree: a build of Platform.sln running at the same time keeps its outputs.
        var environment = new Dictionary<string, string?> { ["IMAGING_ARTIFACTS"] = Path.Combine(WorkDirectory, "artifacts") };
        // Imaging.Sdk first: it builds Imaging.Dicom and Imaging.Dicom.Imaging as references, then packed without building again.
        if (!Packing.Add(await dotnet.RunAsync(
                ["pack", Path.Combine(RepoRoot, "sdk", "Imaging.Sdk", "Imaging.Sdk.csproj"), "-c", "Release", "-o", FeedDirectory, "--nologo", "-m:2", "-nodeReuse:false", NoAnalyzers],
                RepoRoot, environment, PackTimeout)))
            return false;
        foreach (var shared in new[] { "Imaging.Dicom", "Imaging.Dicom.Imaging" })
        {
            if (!Packing.Add(await dotnet.RunAsync(
                    ["pack", Path.Combine(RepoRoot, "sdk", shared, shared + ".csproj"), "-c", "Release", "-o", FeedDirectory, "--nologo", "--no-build", "-m:1", "-nodeReuse:false"],
                    RepoRoot, environment, PackTimeout)))
                return false;
        }

        var sdkNuspec = Directory.EnumerateFiles(FeedDirectory, "Imaging.Sdk.*.nupkg").Select(ReadNuspec)
            .FirstOrDefault(n => NuspecValue(n, "id") == "Imaging.Sdk");
        if (sdkNuspec is null)
        {
            Packing.Fail($"no Imaging.Sdk package in {FeedDirectory}");
            return false;
        }
        SdkPackageVersion = NuspecValue(sdkNuspec, "version");
        if (!File.Exists(Path.Combine(FeedDirectory, $"Imaging.Dicom.{SdkPackageVersion}.nupkg")))
        {
            Packing.Fail($"no Imaging.Dicom.{SdkPackageVersion}.nupkg in {FeedDirectory} (the SDK and DICOM packages are versioned together)");
            return false;
        }
        Packing.SetOutput(FeedDirectory);
        return Packing.Succeeded;
    }

    private async Task PackTestKitAsync(DotnetCli dotnet)
    {
        // Packed into a staging folder and moved into the feed whole: the plugin builds restore from the feed meanwhile,
        // and must never see a half-written Imaging.Sdk.Testing package.
        var staging = Path.Combine(WorkDirectory, "testkit-staging");
        var environment = new Dictionary<string, string?> { ["IMAGING_ARTIFACTS"] = Path.Combine(WorkDirectory, "artifacts") };
        if (!TestKitPacking.Add(await dotnet.RunAsync(
                ["pack", Path.Combine(RepoRoot, "sdk", "Imaging.Sdk.Testing", "Imaging.Sdk.Testing.csproj"), "-c", "Release", "-o", staging, "--nologo", "-m:1", "-nodeReuse:false", NoAnalyzers],
                RepoRoot, environment, PackTimeout)))
            return;
        var package = Path.Combine(staging, $"Imaging.Sdk.Testing.{SdkPackageVersion}.nupkg");
        if (!File.Exists(package))
        {
            TestKitPacking.Fail($"no Imaging.Sdk.Testing.{SdkPackageVersion}.nupkg in {staging} (the test kit is versioned with the SDK)");
            return;
        }
        File.Move(package, Path.Combine(FeedDirectory, Path.GetFileName(package)));
        TestKitPacking.SetOutput(FeedDirectory);
    }

    private async Task TestTemplateAsync(DotnetCli dotnet, IReadOnlyDictionary<string, string?> environment)
    {
        var project = Path.Combine(TemplateTests.ProjectDirectory, TemplatePluginName + ".Tests.csproj");
        if (!File.Exists(project))
        {
            TemplateTests.Fail($"the template made no test project {project}");
            return;
        }
        if (TemplateTests.Add(await dotnet.RunAsync(["test", project, "-c", "Release", "--nologo", "-m:1", "-nodeReuse:false"], TemplateTests.ProjectDirectory, environment, BuildTimeout)))
            TemplateTests.SetOutput(Path.Combine(TemplateTests.ProjectDirectory, "bin", "Release", "net10.0"));
    }

    private async Task BuildSampleAsync(DotnetCli dotnet, IReadOnlyDictionary<string, string?> environment)
    {
        var project = SamplePlugin.ProjectDirectory;
        CopyDirectory(Path.Combine(RepoRoot, "tests", "SamplePlugin"), project);
        if (!SamplePlugin.Add(await dotnet.RunAsync(BuildArguments(Path.Combine(project, SamplePluginName + ".csproj"), $"-p:ImagingSdkVersion={SdkPackageVersion}"), project, environment, BuildTimeout)))
            return;
        SamplePlugin.SetOutput(Path.Combine(project, "bin", "Release", "net10.0"));
    }

    private async Task BuildTemplateAsync(DotnetCli dotnet, IReadOnlyDictionary<string, string?> environment)
    {
        var project = TemplatePlugin.ProjectDirectory;
        var hive = Path.Combine(WorkDirectory, "template-hive");
        if (!TemplatePlugin.Add(await dotnet.RunAsync(
                ["new", "install", Path.Combine(RepoRoot, "templates", "imaging-plugin"), "--debug:custom-hive", hive],
                WorkDirectory, environment, BuildTimeout)))
            return;
        if (!TemplatePlugin.Add(await dotnet.RunAsync(
                ["new", "imaging-plugin", "-n", TemplatePluginName, "-o", project, "--sdk-version", SdkPackageVersion!, "--tests", "true", "--debug:custom-hive", hive],
                WorkDirectory, environment, BuildTimeout)))
            return;
        if (!TemplatePlugin.Add(await dotnet.RunAsync(BuildArguments(Path.Combine(project, TemplatePluginName + ".csproj")), project, environment, BuildTimeout)))
            return;
        TemplatePlugin.SetOutput(Path.Combine(project, "bin", "Release", "net10.0"));
    }

    private static string[] BuildArguments(string project, params string[] extra) =>
        ["build", project, "-c", "Release", "--nologo", "-m:1", "-nodeReuse:false", .. extra];

    /// <summary>The nuspec of a package (for its version and dependencies).</summary>
    public static XDocument ReadNuspec(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entry = zip.Entries.First(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static string? NuspecValue(XDocument nuspec, string name) =>
        nuspec.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj" or ".vs") continue; // a developer may have built it in place
            CopyDirectory(dir, Path.Combine(target, name));
        }
    }

    private static string FindRepoRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        // IMAGING_ARTIFACTS puts the binaries outside the clone; then the source location of this file says where it is.
        var fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
        return File.Exists(Path.Combine(fromSource, "Platform.sln"))
            ? fromSource
            : throw new DirectoryNotFoundException($"Platform.sln was found neither above {AppContext.BaseDirectory} nor at {fromSource}");
    }
}
