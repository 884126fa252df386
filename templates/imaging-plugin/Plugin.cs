using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Smoothing;

/// <summary>
/// The plugin's entry point, named by <c>entryAssembly</c> in plugin.json. The host creates it once per load and calls
/// <see cref="ConfigureServices"/>; every capability registered here must be of a kind listed in plugin.json's
/// <c>capabilities</c>.
/// </summary>
public sealed class Plugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(context);
        services.AddFilter<BoxSmoothingFilter>();
    }
}
