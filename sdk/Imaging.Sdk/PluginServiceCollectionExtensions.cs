using Imaging.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Sdk;

/// <summary>
/// How a plugin registers its capabilities in <see cref="IPlugin.ConfigureServices"/>. Each is a singleton; its
/// constructor may ask for the plugin's own services and for the host services its permissions allow
/// (<see cref="Security.IAuditLog"/>, <see cref="Security.IFileOutput"/>, <see cref="Security.INetworkAccess"/>, loggers).
/// </summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>Registers a source / reader.</summary>
    public static IServiceCollection AddSource<T>(this IServiceCollection services) where T : class, IDicomSource
        => services.AddSingleton<IDicomSource, T>();

    /// <summary>Registers a sink / writer.</summary>
    public static IServiceCollection AddSink<T>(this IServiceCollection services) where T : class, IDicomSink
        => services.AddSingleton<IDicomSink, T>();

    /// <summary>Registers an anonymizer.</summary>
    public static IServiceCollection AddAnonymizer<T>(this IServiceCollection services) where T : class, IAnonymizer
        => services.AddSingleton<IAnonymizer, T>();

    /// <summary>Registers a filter.</summary>
    public static IServiceCollection AddFilter<T>(this IServiceCollection services) where T : class, IFilter
        => services.AddSingleton<IFilter, T>();

    /// <summary>Registers a PACS connector (needs the <c>network</c> permission to be useful).</summary>
    public static IServiceCollection AddPacsConnector<T>(this IServiceCollection services) where T : class, IPacsConnector
        => services.AddSingleton<IPacsConnector, T>();

    /// <summary>Registers a codec.</summary>
    public static IServiceCollection AddCodec<T>(this IServiceCollection services) where T : class, ICodec
        => services.AddSingleton<ICodec, T>();

    /// <summary>Registers an AI model.</summary>
    public static IServiceCollection AddAiModel<T>(this IServiceCollection services) where T : class, IAiModel
        => services.AddSingleton<IAiModel, T>();

    /// <summary>Registers a volume filter.</summary>
    public static IServiceCollection AddVolumeFilter<T>(this IServiceCollection services) where T : class, IVolumeFilter
        => services.AddSingleton<IVolumeFilter, T>();

    /// <summary>Registers a volume file format (writing needs the <c>filesystem-write</c> permission).</summary>
    public static IServiceCollection AddVolumeFormat<T>(this IServiceCollection services) where T : class, IVolumeFormat
        => services.AddSingleton<IVolumeFormat, T>();
}
