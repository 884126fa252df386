using Imaging.Plugins.Filters;
using Imaging.Plugins.Folder;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;
using Imaging.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Plugins.Tests.Manifests;

public sealed class PluginManifestTests
{
    [Fact]
    public void Load_FolderManifest_DeclaresSourceSinkPhiAndFileWrite()
    {
        var manifest = PluginManifest.Load(RepoPaths.PluginProject("Imaging.Plugins.Folder"));

        Assert.Equal("imaging.folder", manifest.Id);
        Assert.Equal([CapabilityKind.Source, CapabilityKind.Sink], manifest.Capabilities);
        Assert.Equal(PluginPermissions.Phi | PluginPermissions.FileSystemWrite, manifest.Permissions);
        Assert.Equal(typeof(FolderPlugin).Assembly.GetName().Name + ".dll", manifest.EntryAssembly);
        Assert.Equal(typeof(FolderPlugin).FullName, manifest.EntryType);
        Assert.Equal("[1.0,2.0)", manifest.SdkRange.Text);
        Assert.True(manifest.IsCompatibleWith(SdkInfo.Version));
    }

    [Fact]
    public void Load_FiltersManifest_DeclaresFilterAndVolumeFilterWithoutPermissions()
    {
        var manifest = PluginManifest.Load(RepoPaths.PluginProject("Imaging.Plugins.Filters"));

        Assert.Equal("imaging.filters", manifest.Id);
        Assert.Equal([CapabilityKind.Filter, CapabilityKind.VolumeFilter], manifest.Capabilities);
        Assert.Equal(PluginPermissions.None, manifest.Permissions);
        Assert.Equal(typeof(FiltersPlugin).Assembly.GetName().Name + ".dll", manifest.EntryAssembly);
        Assert.Equal(typeof(FiltersPlugin).FullName, manifest.EntryType);
        Assert.True(manifest.IsCompatibleWith(SdkInfo.Version));
    }

    [Fact]
    public void ConfigureServices_FolderPlugin_RegistersFolderSourceAndSink()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IFileOutput, TestFileOutput>();
        new FolderPlugin().ConfigureServices(services, new TestPluginContext(RepoPaths.PluginProject("Imaging.Plugins.Folder")));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Equal("folder", new CapabilityRegistry<IDicomSource>(provider.GetServices<IDicomSource>())["folder"].Name);
        Assert.Equal("folder", new CapabilityRegistry<IDicomSink>(provider.GetServices<IDicomSink>())["folder"].Name);
    }

    [Fact]
    public void ConfigureServices_FiltersPlugin_RegistersFrameAndVolumeFilters()
    {
        var services = new ServiceCollection();
        new FiltersPlugin().ConfigureServices(services, new TestPluginContext(RepoPaths.PluginProject("Imaging.Plugins.Filters")));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var registry = new CapabilityRegistry<IFilter>(provider.GetServices<IFilter>());
        Assert.Equal(["crop", "gaussian", "invert", "median", "resample", "threshold", "window"], registry.Names.Order(StringComparer.Ordinal));
        Assert.All(registry, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
        var volumes = new CapabilityRegistry<IVolumeFilter>(provider.GetServices<IVolumeFilter>());
        Assert.Equal(["crop", "gaussian", "median", "resample", "threshold", "window"], volumes.Names.Order(StringComparer.Ordinal));
        Assert.All(volumes, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }
}
