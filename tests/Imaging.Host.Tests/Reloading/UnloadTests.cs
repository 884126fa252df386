using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Imaging.Dicom;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Tests.Reloading;

/// <summary>Unloading a plugin removes its capabilities and lets its load context be collected.</summary>
public sealed class UnloadTests
{
    [Fact]
    public async Task Unload_UsedFilter_RemovedFromRegistryAndContextCollected()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo), TestPlugins.Fixture(TestPlugins.PhiEcho));
        var context = await HotReloadTests.UseEchoAsync(host);

        Assert.True(host.Host.Unload("fixture.echo"));

        Assert.False(host.Filters.TryGet("echo", out _));
        Assert.Equal(["phi-echo"], host.Filters.Names);
        Assert.Null(host.Host.GetLoadContext("fixture.echo"));
        Assert.True(Unloading.WaitUntilCollected(context), "the load context of fixture.echo was not collected after Unload");
    }

    [Fact]
    public async Task Unload_PluginWithHostServices_ContextCollected()
    {
        // fixture.network holds INetworkAccess and the live PACS registry; fixture.probe the audit log: none may pin them.
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Network), TestPlugins.Fixture(TestPlugins.Probe));
        var (network, probe) = await UseNetworkAndProbeAsync(host);

        Assert.True(host.Host.Unload("fixture.network"));
        Assert.True(host.Host.Unload("fixture.probe"));

        Assert.Empty(host.Filters);
        Assert.Empty(host.Host.GetRegistry<IPacsConnector>());
        Assert.True(Unloading.WaitUntilCollected(network), "the load context of fixture.network was not collected after Unload");
        Assert.True(Unloading.WaitUntilCollected(probe), "the load context of fixture.probe was not collected after Unload");
    }

    [Fact]
    public async Task Unload_PluginResolvingServicesOnEveryCall_ContextCollected()
    {
        // Repeated resolutions make Microsoft.Extensions.DependencyInjection compile resolvers for the plugin's own types
        // (its dynamic engine, on a background thread): they must not keep the context alive.
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Probe));
        var context = await UseProbeRepeatedlyAsync(host, calls: 20);

        Assert.True(host.Host.Unload("fixture.probe"));

        Assert.True(Unloading.WaitUntilCollected(context), "the load context of fixture.probe was not collected after Unload");
    }

    [Fact]
    public void Unload_ThenRefresh_StaysUnloaded()
    {
        using var temp = new TempFolder();
        temp.CopyFixture(TestPlugins.Echo);
        using var host = TestHost.Start(temp, temp.PluginsRoot);

        host.Host.Unload("fixture.echo");
        var changed = host.Host.Refresh();

        Assert.Empty(changed);
        Assert.Empty(host.Filters);
        var record = host.Record("fixture.echo");
        Assert.Equal((PluginStatus.Disabled, "unloaded"), (record.Status, record.Error));
    }

    [Fact]
    public void Unload_ThenReloadById_LoadedAgain()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo));

        host.Host.Unload("fixture.echo");
        var record = host.Host.Reload("fixture.echo");

        Assert.Equal(PluginStatus.Loaded, record?.Status);
        Assert.Equal(["echo"], host.Filters.Names);
        Assert.Equal(PluginStatus.Loaded, host.Record("fixture.echo").Status);
    }

    [Fact]
    public void Unload_ThenFolderChanged_RefreshLoadsTheNewFiles()
    {
        using var temp = new TempFolder();
        var folder = temp.CopyFixture(TestPlugins.Echo);
        using var host = TestHost.Start(temp, temp.PluginsRoot);
        host.Host.Unload("fixture.echo");

        ManifestEdit.SetVersion(folder, "1.0.0", "1.0.1");
        var record = Assert.Single(host.Host.Refresh());

        Assert.Equal((PluginStatus.Loaded, "1.0.1"), (record.Status, record.Version));
    }

    [Fact]
    public async Task Unload_NewtonsoftPlugin_ContextCollected()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Json13));
        var context = await UseJsonAsync(host);

        Assert.True(host.Host.Unload("fixture.json13"));

        Assert.True(Unloading.WaitUntilCollected(context), "the load context of fixture.json13 was not collected after Unload");
    }

    [Fact]
    public void Unload_UnknownOrFailedId_ReturnsFalse()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo), TestPlugins.Fixture(TestPlugins.Throws));
        var events = 0;
        host.Host.PluginsChanged += (_, _) => events++;

        Assert.False(host.Host.Unload("fixture.nothing"));
        Assert.False(host.Host.Unload("fixture.throws"));

        Assert.Equal(0, events);
        Assert.Equal(["echo"], host.Filters.Names);
    }

    [Fact]
    public void Unload_RaisesPluginsChangedWithUnloadedRecord()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo));
        PluginsChangedEventArgs? raised = null;
        host.Host.PluginsChanged += (_, e) => raised = e;

        host.Host.Unload("fixture.echo");

        var record = Assert.Single(raised!.Changed);
        Assert.Equal(("fixture.echo", PluginStatus.Disabled), (record.Id, record.Status));
        Assert.Empty(record.Capabilities);
    }

    [Fact]
    public async Task Dispose_Host_EveryContextCollected()
    {
        var contexts = await StartUseAndDisposeAsync();

        Assert.All(contexts, c => Assert.True(Unloading.WaitUntilCollected(c), "a plugin load context was not collected after the host was disposed"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(WeakReference<AssemblyLoadContext>, WeakReference<AssemblyLoadContext>)> UseNetworkAndProbeAsync(TestHost host)
    {
        var input = PhiDataset.Create();
        var fromNetwork = await host.Filters["network"].ApplyAsync(input, CapabilityArguments.Empty);
        var fromProbe = await host.Filters["probe"].ApplyAsync(input, CapabilityArguments.Parse(["claim=someone.else"]));
        await host.Host.GetRegistry<IPacsConnector>()["fixture-pacs"].EchoAsync(new PacsEndpoint(new Uri("dicom://PEER@127.0.0.1:104")));
        Assert.Equal("pacs:fixture-pacs", fromNetwork.GetString(DicomTag.ImageComments));
        Assert.Equal("pacs:none", fromProbe.GetString(DicomTag.ImageComments));
        return (host.Host.GetLoadContext("fixture.network")!, host.Host.GetLoadContext("fixture.probe")!);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference<AssemblyLoadContext>> UseProbeRepeatedlyAsync(TestHost host, int calls)
    {
        var probe = host.Filters["probe"];
        var input = PhiDataset.Create();
        for (int i = 0; i < calls; i++)
        {
            var output = await probe.ApplyAsync(input, CapabilityArguments.Empty);
            Assert.Equal("pacs:none", output.GetString(DicomTag.ImageComments));
            await Task.Delay(5);
        }
        return host.Host.GetLoadContext("fixture.probe")!;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference<AssemblyLoadContext>> UseJsonAsync(TestHost host)
    {
        var output = await host.Filters["json13"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);
        Assert.Contains("13.0.0.0", output.GetString(DicomTag.ImageComments), StringComparison.Ordinal);
        return host.Host.GetLoadContext("fixture.json13")!;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<IReadOnlyList<WeakReference<AssemblyLoadContext>>> StartUseAndDisposeAsync()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo), TestPlugins.Fixture(TestPlugins.Json12), TestPlugins.Fixture(TestPlugins.PhiEcho));
        foreach (var filter in host.Filters) await filter.ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);
        return [host.Host.GetLoadContext("fixture.echo")!, host.Host.GetLoadContext("fixture.json12")!, host.Host.GetLoadContext("fixture.phiecho")!];
    }
}
