using Imaging.Plugins.Filters.Crop;
using Imaging.Plugins.Filters.Gaussian;
using Imaging.Plugins.Filters.Invert;
using Imaging.Plugins.Filters.Median;
using Imaging.Plugins.Filters.Resample;
using Imaging.Plugins.Filters.Threshold;
using Imaging.Plugins.Filters.Window;
using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Plugins.Filters;

/// <summary>
/// The <c>imaging.filters</c> plugin. Filters on instances (native monochrome pixel data, PS3.3 C.7.6.3; DERIVED output):
/// <c>gaussian</c>, <c>median</c>, <c>threshold</c>, <c>window</c>, <c>crop</c>, <c>resample</c>, <c>invert</c>.
/// Filters on volumes (the same kernels in 3-D): <c>gaussian</c>, <c>median</c>, <c>threshold</c>, <c>window</c>,
/// <c>crop</c>, <c>resample</c>. Needs no permission: it works on whatever it is given (de-identified by the host) and
/// touches neither files nor the network.
/// </summary>
public sealed class FiltersPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddFilter<GaussianFilter>();
        services.AddFilter<InvertFilter>();
        services.AddFilter<MedianFilter>();
        services.AddFilter<ThresholdFilter>();
        services.AddFilter<WindowFilter>();
        services.AddFilter<CropFilter>();
        services.AddFilter<ResampleFilter>();
        services.AddVolumeFilter<GaussianVolumeFilter>();
        services.AddVolumeFilter<MedianVolumeFilter>();
        services.AddVolumeFilter<ThresholdVolumeFilter>();
        services.AddVolumeFilter<WindowVolumeFilter>();
        services.AddVolumeFilter<CropVolumeFilter>();
        services.AddVolumeFilter<ResampleVolumeFilter>();
    }
}
