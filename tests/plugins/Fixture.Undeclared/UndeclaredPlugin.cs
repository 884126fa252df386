using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Undeclared;

/// <summary>Registers a filter although plugin.json declares only a sink.</summary>
public sealed class UndeclaredPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) => services.AddFilter<UndeclaredFilter>();
}
