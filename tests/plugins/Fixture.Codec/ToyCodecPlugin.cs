using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Codec;

/// <summary>Registers <see cref="ToyCodec"/>.</summary>
public sealed class ToyCodecPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context) => services.AddCodec<ToyCodec>();
}
