using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Imaging.Plugins.Nifti;

/// <summary>
/// The <c>imaging.nifti</c> plugin: the <c>nifti</c> volume format (<see cref="NiftiFormat"/>). Needs
/// <c>filesystem-write</c> to write files (through the host's <see cref="Sdk.Security.IFileOutput"/>); reading needs nothing.
/// </summary>
public sealed class NiftiPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(context);
        services.TryAddSingleton(context.LoggerFactory);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddVolumeFormat<NiftiFormat>();
    }
}
