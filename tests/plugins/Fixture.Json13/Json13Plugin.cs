using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Json13;

/// <summary>Registers <see cref="Json13Filter"/>.</summary>
public sealed class Json13Plugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) => services.AddFilter<Json13Filter>();
}
