using Imaging.Plugins.Anonymizer;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>The plugin registers the anonymizer the CLI finds by profile <c>basic</c>.</summary>
public sealed class AnonymizerPluginTests
{
    [Fact]
    public void ConfigureServices_Always_RegistersPs315WithBasicProfile()
    {
        var services = new ServiceCollection();
        var dir = RepoPaths.PluginProject("Imaging.Plugins.Anonymizer");
        new AnonymizerPlugin().ConfigureServices(services, new TestPluginContext(dir));
        using var provider = services.BuildServiceProvider();
        var anonymizer = Assert.Single(provider.GetServices<IAnonymizer>());
        Assert.Equal("ps315", anonymizer.Name);
        Assert.Contains("basic", anonymizer.Profiles);
    }
}
