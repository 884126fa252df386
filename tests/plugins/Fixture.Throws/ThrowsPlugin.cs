using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Throws;

/// <summary>The entry type of fixture.throws (see its .csproj for what the host must report).</summary>
public sealed class ThrowsPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) => throw new InvalidOperationException("boom");
}
