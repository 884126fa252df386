using System.Net;
using System.Net.Sockets;
using System.Text;
using Imaging.Dicom;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Tests.Security;

/// <summary>
/// The <c>network</c> and <c>filesystem-write</c> permissions both ways: a plugin without them cannot get the services
/// (it fails to load, saying which permission it lacks) nor PACS connectors; one with <c>network</c> gets them, audited.
/// Audit events a plugin records carry its own id.
/// </summary>
public sealed class ServicePermissionTests
{
    [Fact]
    public void Start_WantsNetworkWithoutPermission_FailedNamingNetwork()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.WantsNetwork), TestPlugins.Fixture(TestPlugins.Echo));

        var record = host.Record("fixture.wantsnetwork");
        Assert.Equal(PluginStatus.Failed, record.Status);
        Assert.Contains("'network' permission", record.Error, StringComparison.Ordinal);
        Assert.Contains("INetworkAccess", record.Error, StringComparison.Ordinal);
        Assert.Equal(["echo"], host.Filters.Names);
    }

    [Fact]
    public void Start_PacsConnectorWithoutNetworkAndPhi_FailedNamingBoth()
    {
        using var temp = new TempFolder();
        var copy = temp.CopyFixture(TestPlugins.Network);
        var manifest = Path.Combine(copy, "plugin.json");
        var text = File.ReadAllText(manifest);
        var edited = System.Text.RegularExpressions.Regex.Replace(text, "\"permissions\"\\s*:\\s*\\[[^\\]]*\\]", "\"permissions\": []");
        Assert.NotEqual(text, edited);
        File.WriteAllText(manifest, edited);
        using var host = TestHost.Start(temp, copy);

        var record = host.Record("fixture.network");
        Assert.Equal(PluginStatus.Failed, record.Status);
        Assert.Contains("'network, phi' permission to provide a PACS connector", record.Error, StringComparison.Ordinal);
        Assert.Empty(host.Host.GetRegistry<IPacsConnector>());
    }

    [Fact]
    public void Start_WantsFileOutputWithoutPermission_FailedNamingFilesystemWrite()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.WantsFileOutput));

        var record = host.Record("fixture.wantsfileoutput");
        Assert.Equal(PluginStatus.Failed, record.Status);
        Assert.Contains("'filesystem-write' permission", record.Error, StringComparison.Ordinal);
        Assert.Contains("IFileOutput", record.Error, StringComparison.Ordinal);
        Assert.Empty(host.Filters);
    }

    [Fact]
    public async Task ApplyAsync_WithNetwork_ConnectionMadeAndAudited()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Network));
        Assert.Equal(PluginStatus.Loaded, host.Record("fixture.network").Status);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var accepted = AcceptOneAsync(listener);

            await host.Filters["network"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Parse([$"port={port}"]));

            Assert.Equal("fixture.network", await accepted.WaitAsync(TimeSpan.FromSeconds(10)));
            var line = Assert.Single(host.Audit(), l => l.Action == "network");
            Assert.Equal("fixture.network", line.Plugin);
            Assert.Equal($"127.0.0.1:{port}", line.Target);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task ApplyAsync_WithNetwork_PluginSeesPacsConnectors()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Network));

        var output = await host.Filters["network"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);

        Assert.Equal("pacs:fixture-pacs", output.GetString(DicomTag.ImageComments));
    }

    [Fact]
    public async Task ApplyAsync_WithoutNetwork_PluginGetsNoPacsRegistry()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Network), TestPlugins.Fixture(TestPlugins.Probe));
        Assert.Equal(["fixture-pacs"], host.Host.GetRegistry<IPacsConnector>().Names);

        var output = await host.Filters["probe"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);

        Assert.Equal("pacs:none", output.GetString(DicomTag.ImageComments));
    }

    [Fact]
    public async Task EchoAsync_PacsConnector_AuditedAsNetworkUse()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Network));
        var endpoint = new PacsEndpoint(new Uri("dicom://PEER@127.0.0.1:11112"));

        await host.Host.GetRegistry<IPacsConnector>()["fixture-pacs"].EchoAsync(endpoint);

        var line = Assert.Single(host.Audit());
        Assert.Equal(("fixture.network", "network", "pacs:fixture-pacs"), (line.Plugin, line.Action, line.Capability));
        Assert.Contains("127.0.0.1:11112", line.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_PluginClaimsAnotherId_StampedWithItsOwn()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Probe));

        await host.Filters["probe"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Parse(["claim=imaging.folder"]));

        var line = Assert.Single(host.Audit());
        Assert.Equal("fixture.probe", line.Plugin);
        Assert.Equal(("file-write", "filter:probe", "claimed"), (line.Action, line.Capability, line.Target));
    }

    private static async Task<string> AcceptOneAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        return await reader.ReadToEndAsync();
    }
}
