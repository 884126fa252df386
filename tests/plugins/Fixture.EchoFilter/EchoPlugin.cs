using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.EchoFilter;

/// <summary>Registers <see cref="EchoFilter"/>.</summary>
public sealed class EchoPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) => services.AddFilter<EchoFilter>();
}
