using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.WantsFileOutput;

/// <summary>Registers <see cref="WantsFileOutputFilter"/> although plugin.json declares no permission (no filesystem-write).</summary>
public sealed class WantsFileOutputPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) => services.AddFilter<WantsFileOutputFilter>();
}
