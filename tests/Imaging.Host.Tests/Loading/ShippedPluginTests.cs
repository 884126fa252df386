using Imaging.Dicom;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing;

namespace Imaging.Host.Tests.Loading;

/// <summary>The shipped plugins (imaging.folder, imaging.filters) load as declared and compose through the host's guards.</summary>
public sealed class ShippedPluginTests
{
    [Theory]
    [InlineData(TestPlugins.ShippedFolder, "imaging.folder", "sink:folder source:folder", PluginPermissions.Phi | PluginPermissions.FileSystemWrite)]
    [InlineData(TestPlugins.ShippedFilters, "imaging.filters", "filter:crop filter:gaussian filter:invert filter:median filter:resample filter:threshold filter:window volume-filter:crop volume-filter:gaussian volume-filter:median volume-filter:resample volume-filter:threshold volume-filter:window", PluginPermissions.None)]
    [InlineData(TestPlugins.ShippedNifti, "imaging.nifti", "volume-format:nifti", PluginPermissions.FileSystemWrite)]
    [InlineData(TestPlugins.ShippedAnonymizer, "imaging.anonymizer", "anonymizer:ps315", PluginPermissions.Phi)]
    public void Start_ShippedPlugin_LoadedWithDeclaredCapabilities(string folderName, string id, string capabilities, PluginPermissions permissions)
    {
        var folder = TestPlugins.Shipped(folderName);
        Assert.True(folder is not null, $"plugins/{folderName} was not built into {TestPlugins.ShippedRoot}");

        using var host = TestHost.Start(folder);

        var record = host.Record(id);
        Assert.Equal(PluginStatus.Loaded, record.Status);
        Assert.Equal(permissions, record.Permissions);
        Assert.Equal(capabilities.Split(' '), record.Capabilities.Select(c => c.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_FolderSourceThroughInvert_FilterSeesNoPhiAndFolderPluginIsAudited()
    {
        using var temp = new TempFolder();
        var input = temp.Combine("in");
        var output = temp.Combine("out");
        var written = SyntheticStudy.WriteTo(input, new SyntheticStudyOptions { CtSlices = 2, MrSlices = 0, Size = 16, PatientName = PhiDataset.PatientName });
        using var host = TestHost.Start(temp, TestPlugins.ShippedRoot);
        var source = host.Host.GetRegistry<IDicomSource>()["folder"];
        var invert = host.Filters["invert"];
        var sink = host.Host.GetRegistry<IDicomSink>()["folder"];

        var result = await sink.WriteAsync(output, Inverted(source.ReadAsync(input), invert));

        Assert.Equal(written.Count, result.Written);
        foreach (var path in result.Locations)
        {
            var file = DicomFile.Open(path);
            Assert.Equal("", file.Dataset.GetString(DicomTag.PatientName));
            Assert.Equal("YES", file.Dataset.GetString(DicomTag.PatientIdentityRemoved));
        }
        var audit = host.Audit();
        Assert.Contains(audit, l => (l.Plugin, l.Action, l.Capability, l.Target) == ("imaging.folder", "phi-read", "source:folder", input));
        Assert.Contains(audit, l => (l.Plugin, l.Action, l.Capability) == ("imaging.folder", "phi-read", "sink:folder"));
        Assert.Equal(result.Locations.Order(StringComparer.Ordinal), audit.Where(l => l.Action == "file-write").Select(l => l.Target).Order(StringComparer.Ordinal));
        Assert.All(audit, l => Assert.Equal("imaging.folder", l.Plugin));
    }

    private static async IAsyncEnumerable<DicomInstance> Inverted(IAsyncEnumerable<DicomInstance> instances, IFilter filter)
    {
        await foreach (var instance in instances)
            yield return instance.WithDataset(await filter.ApplyAsync(instance.Dataset, CapabilityArguments.Empty));
    }
}
