using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Imaging.Dicom;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Tests.Reloading;

/// <summary>A changed plugin folder is unloaded and loaded again without restarting the host, and the old context is collected.</summary>
public sealed class HotReloadTests
{
    [Fact]
    public async Task WatchForChanges_ManifestVersionChanged_ReloadedAndOldContextCollected()
    {
        using var temp = new TempFolder();
        var folder = temp.CopyFixture(TestPlugins.Echo);
        using var host = TestHost.Start(temp, temp.PluginsRoot);
        var old = await UseEchoAsync(host);
        var reloaded = new TaskCompletionSource<PluginRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Host.PluginsChanged += (_, e) =>
        {
            if (e.Changed.FirstOrDefault(r => r.Id == "fixture.echo" && r.Version == "1.0.1") is { } r) reloaded.TrySetResult(r);
        };
        host.Host.WatchForChanges(TimeSpan.FromMilliseconds(100));

        ManifestEdit.SetVersion(folder, "1.0.0", "1.0.1");

        var record = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(PluginStatus.Loaded, record.Status);
        Assert.Equal("1.0.1", host.Record("fixture.echo").Version);
        Assert.NotNull(await UseEchoAsync(host));
        Assert.True(Unloading.WaitUntilCollected(old), "the load context of fixture.echo 1.0.0 was not collected after the reload");
    }

    [Fact]
    public async Task Reload_ById_NewContextNewVersionOldCollected()
    {
        using var temp = new TempFolder();
        var folder = temp.CopyFixture(TestPlugins.Echo);
        using var host = TestHost.Start(temp, temp.PluginsRoot);
        var old = await UseEchoAsync(host);
        var events = new List<PluginsChangedEventArgs>();
        host.Host.PluginsChanged += (_, e) => events.Add(e);
        ManifestEdit.SetVersion(folder, "1.0.0", "1.0.1");

        var record = host.Host.Reload("fixture.echo");

        Assert.NotNull(record);
        Assert.Equal((PluginStatus.Loaded, "1.0.1"), (record.Status, record.Version));
        Assert.Equal("1.0.1", Assert.Single(Assert.Single(events).Changed).Version);
        Assert.Equal(["echo"], host.Filters.Names);
        Assert.True(Unloading.WaitUntilCollected(old), "the load context of fixture.echo was not collected after Reload");
    }

    [Fact]
    public void Reload_UnknownId_ReturnsNull()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo));

        Assert.Null(host.Host.Reload("fixture.nothing"));
        Assert.Equal(PluginStatus.Loaded, host.Record("fixture.echo").Status);
    }

    [Fact]
    public void Refresh_NothingChanged_NoChangesNoEvent()
    {
        using var temp = new TempFolder();
        temp.CopyFixture(TestPlugins.Echo);
        using var host = TestHost.Start(temp, temp.PluginsRoot);
        var context = host.Host.GetLoadContext("fixture.echo");
        int raised = 0;
        host.Host.PluginsChanged += (_, _) => raised++;

        Assert.Empty(host.Host.Refresh());
        Assert.Equal(0, raised);
        Assert.True(SameContext(context, host.Host.GetLoadContext("fixture.echo")));
    }

    [Fact]
    public async Task Refresh_VersionChanged_ReloadsIt()
    {
        using var temp = new TempFolder();
        var folder = temp.CopyFixture(TestPlugins.Echo);
        using var host = TestHost.Start(temp, temp.PluginsRoot);
        var old = await UseEchoAsync(host);
        ManifestEdit.SetVersion(folder, "1.0.0", "1.0.1");

        var changed = host.Host.Refresh();

        var record = Assert.Single(changed);
        Assert.Equal(("fixture.echo", PluginStatus.Loaded, "1.0.1"), (record.Id, record.Status, record.Version));
        Assert.True(Unloading.WaitUntilCollected(old), "the load context of fixture.echo was not collected after Refresh");
    }

    [Fact]
    public void Refresh_FolderAddedAndRemoved_LoadsNewUnloadsGone()
    {
        using var temp = new TempFolder();
        var echo = temp.CopyFixture(TestPlugins.Echo);
        using var host = TestHost.Start(temp, temp.PluginsRoot);

        temp.CopyFixture(TestPlugins.PhiEcho);
        var added = Assert.Single(host.Host.Refresh());
        Assert.Equal(("fixture.phiecho", PluginStatus.Loaded), (added.Id, added.Status));
        Assert.Equal(["echo", "phi-echo"], host.Filters.Names);

        Directory.Delete(echo, recursive: true);
        var removed = Assert.Single(host.Host.Refresh());
        Assert.Equal(("fixture.echo", PluginStatus.Disabled), (removed.Id, removed.Status));
        Assert.Equal(["phi-echo"], host.Filters.Names);
        Assert.Equal(["fixture.phiecho"], host.Host.Plugins.Select(r => r.Id));
    }

    [Fact]
    public async Task Refresh_ChangedPluginNowIncompatible_UnloadedAndReported()
    {
        using var temp = new TempFolder();
        var folder = temp.CopyFixture(TestPlugins.Echo);
        using var host = TestHost.Start(temp, temp.PluginsRoot);
        var old = await UseEchoAsync(host);
        var manifest = Path.Combine(folder, "plugin.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("[1.0,2.0)", "[9.0,10.0)", StringComparison.Ordinal));

        var record = Assert.Single(host.Host.Refresh());

        Assert.Equal(PluginStatus.Incompatible, record.Status);
        Assert.Contains("[9.0,10.0)", record.Error, StringComparison.Ordinal);
        Assert.Empty(host.Filters);
        Assert.True(Unloading.WaitUntilCollected(old), "the load context of the replaced fixture.echo was not collected");
    }

    [Fact]
    public void Refresh_FailedPluginFixed_LoadsIt()
    {
        using var temp = new TempFolder();
        var folder = temp.CopyFixture(TestPlugins.Echo);
        var manifest = Path.Combine(folder, "plugin.json");
        var good = File.ReadAllText(manifest);
        File.WriteAllText(manifest, good.Replace("[1.0,2.0)", "[9.0,10.0)", StringComparison.Ordinal));
        using var host = TestHost.Start(temp, temp.PluginsRoot);
        Assert.Equal(PluginStatus.Incompatible, host.Record("fixture.echo").Status);
        Assert.Empty(host.Host.Refresh());

        File.WriteAllText(manifest, good);
        var record = Assert.Single(host.Host.Refresh());

        Assert.Equal(PluginStatus.Loaded, record.Status);
        Assert.Equal(["echo"], host.Filters.Names);
    }

    [Fact]
    public async Task Registry_HeldAcrossReload_AnswersFromTheNewPlugin()
    {
        using var temp = new TempFolder();
        var folder = temp.CopyFixture(TestPlugins.Echo);
        using var host = TestHost.Start(temp, temp.PluginsRoot);
        var filters = host.Filters;
        ManifestEdit.SetVersion(folder, "1.0.0", "1.0.1");

        host.Host.Reload("fixture.echo");

        var output = await filters["echo"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);
        Assert.Equal("YES", output.GetString(DicomTag.PatientIdentityRemoved));
        Assert.Equal("1.0.1", host.Record("fixture.echo").Version);
    }

    /// <summary>Runs the echo filter once and returns a weak reference to its load context, keeping nothing of the plugin alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static async Task<WeakReference<AssemblyLoadContext>> UseEchoAsync(TestHost host)
    {
        var output = await host.Filters["echo"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);
        Assert.Equal("YES", output.GetString(DicomTag.PatientIdentityRemoved));
        return host.Host.GetLoadContext("fixture.echo") ?? throw new InvalidOperationException("fixture.echo is not loaded");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool SameContext(WeakReference<AssemblyLoadContext>? a, WeakReference<AssemblyLoadContext>? b)
        => a is not null && b is not null && a.TryGetTarget(out var x) && b.TryGetTarget(out var y) && ReferenceEquals(x, y);
}
