using Imaging.Host.Tests.Infrastructure;

namespace Imaging.Host.Tests;

/// <summary>The host starts with the shipped plugins (built from plugins/ next to the tests), as an application would.</summary>
public sealed class StartupTests
{
    [Fact]
    public void Start_ShippedPlugins_CompletesWithEveryPluginLoaded()
    {
        Assert.True(Directory.Exists(TestPlugins.ShippedRoot), $"{TestPlugins.ShippedRoot} is missing: the build did not lay out plugins/");

        using var host = TestHost.Start(TestPlugins.ShippedRoot);

        Assert.NotEmpty(host.Host.Plugins);
        Assert.All(host.Host.Plugins, r => Assert.True(r.Status == PluginStatus.Loaded, $"{r.Id}: {r.Status}: {r.Error}"));
        Assert.True(host.Host.StartupTime > TimeSpan.Zero);
    }

    [Fact]
    public void Start_ShippedAndFixtures_ShippedUnaffectedByBrokenFixtures()
    {
        using var host = TestHost.Start(TestPlugins.ShippedRoot, TestPlugins.FixturesRoot);

        Assert.All(host.Host.Plugins.Where(r => r.Folder.StartsWith(TestPlugins.ShippedRoot, StringComparison.Ordinal)),
            r => Assert.Equal(PluginStatus.Loaded, r.Status));
        Assert.Contains(host.Host.Plugins, r => r.Status == PluginStatus.Failed);
    }
}
