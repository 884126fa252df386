using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.WantsNetwork;

/// <summary>Registers <see cref="WantsNetworkFilter"/> although plugin.json declares no permission.</summary>
public sealed class WantsNetworkPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) => services.AddFilter<WantsNetworkFilter>();
}
