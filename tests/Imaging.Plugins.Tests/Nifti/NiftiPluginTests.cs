using Imaging.Plugins.Nifti;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Plugins.Tests.Nifti;

/// <summary>The imaging.nifti manifest and its DI registration, with and without the host's file output.</summary>
public sealed class NiftiPluginTests
{
    [Fact]
    public void Load_NiftiManifest_DeclaresVolumeFormatAndFileWrite()
    {
        var manifest = PluginManifest.Load(RepoPaths.PluginProject("Imaging.Plugins.Nifti"));
        Assert.Equal("imaging.nifti", manifest.Id);
        Assert.Equal([CapabilityKind.VolumeFormat], manifest.Capabilities);
        Assert.Equal(PluginPermissions.FileSystemWrite, manifest.Permissions);
        Assert.Equal(typeof(NiftiPlugin).FullName, manifest.EntryType);
        Assert.True(manifest.IsCompatibleWith(SdkInfo.Version));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ConfigureServices_NiftiPlugin_RegistersNiftiWritableOnlyWithFileOutput(bool withFileOutput)
    {
        var services = new ServiceCollection();
        if (withFileOutput) services.AddSingleton<IFileOutput, TestFileOutput>();
        new NiftiPlugin().ConfigureServices(services, new TestPluginContext(RepoPaths.PluginProject("Imaging.Plugins.Nifti")));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var format = Assert.Single(provider.GetServices<IVolumeFormat>());
        Assert.Equal("nifti", format.Name);
        Assert.True(format.CanRead);
        Assert.Equal(withFileOutput, format.CanWrite);
        Assert.Contains(".nii.gz", format.FileExtensions);
    }
}
