using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Tests.Discovery;

/// <summary>Every fixture folder gets a record with the right status and a readable reason; failures do not stop the host.</summary>
public sealed class DiscoveryTests
{
    [Fact]
    public void Start_AllFixtures_EveryFolderHasOneRecord()
    {
        using var host = TestHost.Start(TestPlugins.FixturesRoot);

        var folders = TestPlugins.AllFixtures();
        Assert.Equal(folders, host.Host.Plugins.Select(r => r.Folder).Order(StringComparer.Ordinal));
        Assert.Equal(14, folders.Count);
    }

    [Theory]
    [InlineData("fixture.echo", PluginStatus.Loaded, "filter:echo")]
    [InlineData("fixture.phiecho", PluginStatus.Loaded, "filter:phi-echo")]
    [InlineData("fixture.probe", PluginStatus.Loaded, "filter:probe")]
    [InlineData("fixture.network", PluginStatus.Loaded, "filter:network pacs:fixture-pacs")]
    [InlineData("fixture.json12", PluginStatus.Loaded, "filter:json12")]
    [InlineData("fixture.json13", PluginStatus.Loaded, "filter:json13")]
    [InlineData("fixture.anonymizer", PluginStatus.Loaded, "anonymizer:tiny")]
    public void Start_GoodFixture_LoadedWithItsCapabilities(string id, PluginStatus status, string capabilities)
    {
        using var host = TestHost.Start(TestPlugins.FixturesRoot);

        var record = host.Record(id);
        Assert.Equal(status, record.Status);
        Assert.Null(record.Error);
        Assert.Equal(capabilities.Split(' '), record.Capabilities.Select(c => c.ToString()).Order(StringComparer.Ordinal));
        Assert.All(record.Capabilities, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
        Assert.Equal("1.0.0", record.Version);
        Assert.NotNull(record.Manifest);
    }

    [Theory]
    [InlineData("fixture.wantsnetwork", PluginStatus.Failed, "'network' permission")]
    [InlineData("fixture.wantsfileoutput", PluginStatus.Failed, "'filesystem-write' permission")]
    [InlineData("fixture.futuresdk", PluginStatus.Incompatible, "[2.0,3.0)")]
    [InlineData("fixture.throws", PluginStatus.Failed, "boom")]
    [InlineData("fixture.badassembly", PluginStatus.Failed, "could not be loaded")]
    [InlineData("fixture.undeclared", PluginStatus.Failed, "registers a filter")]
    public void Start_BrokenFixture_ReportedWithOneLineReason(string id, PluginStatus status, string reason)
    {
        using var host = TestHost.Start(TestPlugins.FixturesRoot);

        var record = host.Record(id);
        Assert.Equal(status, record.Status);
        Assert.NotNull(record.Error);
        Assert.Contains(reason, record.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', record.Error);
        Assert.DoesNotContain('\r', record.Error);
        Assert.Empty(record.Capabilities);
    }

    [Fact]
    public void Start_FutureSdk_ReasonNamesBothVersions()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.FutureSdk));

        var error = host.Record("fixture.futuresdk").Error!;
        Assert.Contains("[2.0,3.0)", error, StringComparison.Ordinal);
        Assert.Contains(SdkInfo.Version.ToString(3), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Throws_ReasonNamesExceptionAndMessage()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Throws));

        var error = host.Record("fixture.throws").Error!;
        Assert.Contains("ConfigureServices", error, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", error, StringComparison.Ordinal);
        Assert.Contains("boom", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Undeclared_ReasonNamesRegisteredAndDeclaredKinds()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Undeclared));

        var error = host.Record("fixture.undeclared").Error!;
        Assert.Contains("filter", error, StringComparison.Ordinal);
        Assert.Contains("sink", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_BadAssembly_ReasonNamesTheFile()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.BadAssembly));

        var error = host.Record("fixture.badassembly").Error!;
        Assert.Contains("Fixture.BadAssembly.Corrupt.dll", error, StringComparison.Ordinal);
        Assert.Contains("could not be loaded", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_FailuresAmongFixtures_HostKeepsGoingAndRegistersTheRest()
    {
        using var host = TestHost.Start(TestPlugins.FixturesRoot);

        // Folders load in name order, so Fixture.BadAssembly fails before most good fixtures are loaded.
        var order = host.Host.Plugins.Select(p => p.Id).ToList();
        Assert.Equal(PluginStatus.Failed, host.Record("fixture.badassembly").Status);
        Assert.True(order.IndexOf("fixture.badassembly") < order.IndexOf("fixture.echo"));
        Assert.Equal(["echo", "json12", "json13", "network", "phi-echo", "probe"], host.Filters.Names);
        Assert.Equal(["fixture-pacs"], host.Host.GetRegistry<IPacsConnector>().Names);
        Assert.Empty(host.Host.GetRegistry<IDicomSink>());
    }

    [Fact]
    public void Start_SameIdInTwoFolders_SecondFailsFirstLoads()
    {
        using var temp = new TempFolder();
        var first = temp.CopyFixture(TestPlugins.Echo, "a-echo");
        var second = temp.CopyFixture(TestPlugins.Echo, "b-echo");

        using var host = TestHost.Start(temp, temp.PluginsRoot);

        var records = host.Host.Plugins;
        Assert.Equal(2, records.Count);
        Assert.Equal((first, PluginStatus.Loaded), (records[0].Folder, records[0].Status));
        Assert.Equal((second, PluginStatus.Failed), (records[1].Folder, records[1].Status));
        Assert.Contains("'fixture.echo'", records[1].Error, StringComparison.Ordinal);
        Assert.Contains("already loaded", records[1].Error, StringComparison.Ordinal);
        Assert.Equal(["echo"], host.Filters.Names);
    }

    [Fact]
    public void Start_SameCapabilityNameInTwoPlugins_SecondFailsNamingTheOwner()
    {
        using var temp = new TempFolder();
        temp.CopyFixture(TestPlugins.Echo, "a-echo");
        var copy = temp.CopyFixture(TestPlugins.Echo, "b-echo");
        var manifest = Path.Combine(copy, "plugin.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"fixture.echo\"", "\"fixture.echo2\"", StringComparison.Ordinal));

        using var host = TestHost.Start(temp, temp.PluginsRoot);

        Assert.Equal(PluginStatus.Loaded, host.Record("fixture.echo").Status);
        var second = host.Record("fixture.echo2");
        Assert.Equal(PluginStatus.Failed, second.Status);
        Assert.Contains("filter:echo is already provided by plugin 'fixture.echo'", second.Error, StringComparison.Ordinal);
        Assert.Equal("fixture.echo", ((Imaging.Host.Guards.IGuarded)host.Filters["echo"]).PluginId);
    }

    [Fact]
    public void Start_DisabledByConfiguration_ListedAsDisabledNotLoaded()
    {
        using var host = TestHost.Start(o => o.DisabledPlugins.Add("fixture.echo"), TestPlugins.Fixture(TestPlugins.Echo), TestPlugins.Fixture(TestPlugins.PhiEcho));

        Assert.Equal(PluginStatus.Disabled, host.Record("fixture.echo").Status);
        Assert.Equal(PluginStatus.Loaded, host.Record("fixture.phiecho").Status);
        Assert.Equal(["phi-echo"], host.Filters.Names);
    }

    [Fact]
    public void Start_MissingAndEmptyFolders_NoRecordsNoError()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("empty", "not-a-plugin"));

        using var host = TestHost.Start(temp, temp.Combine("does-not-exist"), temp.Combine("empty"));

        Assert.Empty(host.Host.Plugins);
        Assert.Empty(host.Filters);
    }

    [Fact]
    public void Start_InvalidManifest_FailedWithTheManifestProblem()
    {
        using var temp = new TempFolder();
        var folder = temp.CopyFixture(TestPlugins.Echo);
        File.WriteAllText(Path.Combine(folder, "plugin.json"), "{ \"id\": \"Not Valid\" }");

        using var host = TestHost.Start(temp, temp.PluginsRoot);

        var record = Assert.Single(host.Host.Plugins);
        Assert.Equal(PluginStatus.Failed, record.Status);
        Assert.Equal(TestPlugins.Echo, record.Id);
        Assert.Null(record.Manifest);
        Assert.Contains("\"id\"", record.Error, StringComparison.Ordinal);
    }
}
