using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.FutureSdk;

/// <summary>The entry type of fixture.futuresdk (see its .csproj for what the host must report).</summary>
public sealed class FutureSdkPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
    }
}
