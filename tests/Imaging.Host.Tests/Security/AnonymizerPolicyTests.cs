using Imaging.Dicom;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Tests.Security;

/// <summary>
/// The active de-identification policy is an anonymizer plugin only when configured (HostOptions.PolicyAnonymizer) and
/// loaded with the <c>phi</c> permission: a plugin without <c>phi</c> then receives that anonymizer's output, the
/// anonymizer's PHI reads are audited, and its settings come from its manifest overlaid by the host's configuration.
/// Merely installing an anonymizer changes nothing.
/// </summary>
public sealed class AnonymizerPolicyTests
{
    [Fact]
    public async Task ApplyAsync_AnonymizerLoadedButNotConfigured_BuiltInAllowListStays()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Anonymizer), TestPlugins.Fixture(TestPlugins.Echo));

        var seen = await host.Filters["echo"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);

        Assert.Contains("allow-list", host.Host.ActivePolicy.Name);
        Assert.Equal("", seen.GetString(DicomTag.PatientName));
        Assert.DoesNotContain(host.Audit(), l => l.Plugin == "fixture.anonymizer");
    }

    [Fact]
    public async Task ApplyAsync_AnonymizerConfiguredAsPolicy_FilterWithoutPhiReceivesItsOutput()
    {
        using var host = TestHost.Start(o => o.PolicyAnonymizer = "tiny", TestPlugins.Fixture(TestPlugins.Anonymizer), TestPlugins.Fixture(TestPlugins.Echo));

        var seen = await host.Filters["echo"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);

        Assert.Contains("tiny", host.Host.ActivePolicy.Name);
        Assert.Equal("FROM^MANIFEST", seen.GetString(DicomTag.PatientName));
        Assert.False(seen.Contains(DicomTag.PatientID));
        Assert.Contains(host.Audit(), l => l.Plugin == "fixture.anonymizer" && l.Action == "phi-read");
    }

    [Fact]
    public async Task ApplyAsync_HostSettingsForThePlugin_OverrideTheManifest()
    {
        using var host = TestHost.Start(o =>
            {
                o.PolicyAnonymizer = "tiny";
                o.PluginSettings["fixture.anonymizer"] = new Dictionary<string, string> { ["replacement"] = "FROM^HOST" };
            },
            TestPlugins.Fixture(TestPlugins.Anonymizer), TestPlugins.Fixture(TestPlugins.Echo));

        var seen = await host.Filters["echo"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);

        Assert.Equal("FROM^HOST", seen.GetString(DicomTag.PatientName));
    }

    [Fact]
    public async Task Unload_AnonymizerPlugin_PolicyFallsBackToTheBuiltInAllowList()
    {
        using var host = TestHost.Start(o => o.PolicyAnonymizer = "tiny", TestPlugins.Fixture(TestPlugins.Anonymizer), TestPlugins.Fixture(TestPlugins.Echo));
        Assert.Contains("tiny", host.Host.ActivePolicy.Name);
        Assert.True(host.Host.Unload("fixture.anonymizer"));

        var seen = await host.Filters["echo"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);

        Assert.Contains("allow-list", host.Host.ActivePolicy.Name);
        Assert.Equal("", seen.GetString(DicomTag.PatientName));
    }
}
