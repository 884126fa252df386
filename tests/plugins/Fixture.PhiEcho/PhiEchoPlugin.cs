using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.PhiEcho;

/// <summary>Registers <see cref="PhiEchoFilter"/>.</summary>
public sealed class PhiEchoPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) => services.AddFilter<PhiEchoFilter>();
}
