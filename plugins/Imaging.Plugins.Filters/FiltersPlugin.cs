using Imaging.Plugins.Filters.Gaussian;
using Imaging.Plugins.Filters.Invert;
using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Plugins.Filters;

/// <summary>
/// The <c>imaging.filters</c> plugin: the <c>gaussian</c> (<see cref="GaussianFilter"/>) and <c>invert</c>
/// (<see cref="InvertFilter"/>) filters on native monochrome pixel data (PS3.3 C.7.6.3). Needs no permission: it
/// works on whatever data set it is given (de-identified by the host) and touches neither files nor the network.
/// </summary>
public sealed class FiltersPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddFilter<GaussianFilter>();
        services.AddFilter<InvertFilter>();
    }
}
