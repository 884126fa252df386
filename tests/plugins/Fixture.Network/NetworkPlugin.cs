using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Network;

/// <summary>Registers <see cref="NetworkFilter"/> and <see cref="StubPacsConnector"/> (plugin.json declares network).</summary>
public sealed class NetworkPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        services.AddFilter<NetworkFilter>();
        services.AddPacsConnector<StubPacsConnector>();
    }
}
