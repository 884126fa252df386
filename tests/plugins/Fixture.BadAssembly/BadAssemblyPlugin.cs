using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.BadAssembly;

/// <summary>The entry type of fixture.badassembly (see its .csproj for what the host must report).</summary>
public sealed class BadAssemblyPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
    }
}
