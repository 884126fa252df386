using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Probe;

/// <summary>Registers <see cref="ProbeFilter"/> and its private <see cref="ProbeCall"/>.</summary>
public sealed class ProbePlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        services.AddFilter<ProbeFilter>();
        services.AddTransient<ProbeCall>();
    }
}
