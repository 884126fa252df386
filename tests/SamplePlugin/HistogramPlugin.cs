using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contoso.Histogram;

/// <summary>Entry point of the Contoso histogram plugin: a <c>histogram</c> AI model and a <c>clip</c> filter.</summary>
public sealed class HistogramPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(context);
        context.LoggerFactory.CreateLogger<HistogramPlugin>()
            .LogDebug("Contoso histogram {Version} on SDK {Sdk}", context.Manifest.Version, context.SdkVersion);
        services.AddAiModel<HistogramModel>();
        services.AddFilter<ClipFilter>();
    }
}
