using Imaging.Plugins.Folder.Sink;
using Imaging.Plugins.Folder.Source;
using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Imaging.Plugins.Folder;

/// <summary>
/// The <c>imaging.folder</c> plugin: the <c>folder</c> source (<see cref="FolderSource"/>, PS3.10 files from a file or
/// folder tree) and the <c>folder</c> sink (<see cref="FolderSink"/>, PS3.10 files in a patient/study/series tree).
/// Needs <c>phi</c> (it reads and writes data sets as they are) and <c>filesystem-write</c> (the sink writes through
/// the host's <see cref="Sdk.Security.IFileOutput"/>).
/// </summary>
public sealed class FolderPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(context);
        // Loggers named after the plugin, unless the host already put loggers in the plugin's container.
        services.TryAddSingleton(context.LoggerFactory);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddSource<FolderSource>();
        services.AddSink<FolderSink>();
    }
}
