using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Json12;

/// <summary>Registers <see cref="Json12Filter"/>.</summary>
public sealed class Json12Plugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) => services.AddFilter<Json12Filter>();
}
