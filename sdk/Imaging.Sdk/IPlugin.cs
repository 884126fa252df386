using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Sdk;

/// <summary>
/// The entry point of a plugin: one public, non-abstract class with a parameterless constructor in the plugin's entry
/// assembly implements it. The host calls <see cref="ConfigureServices"/> once per load; the plugin registers its
/// capabilities (see <see cref="PluginServiceCollectionExtensions"/>) and any private services they need.
/// </summary>
/// <remarks>
/// The services a plugin registers live in its own container, built from the host's services that the plugin's
/// permissions allow (<see cref="PluginPermissions"/>) plus its own. Only the capabilities it registers are visible to
/// the rest of the platform, through the registries (<see cref="Registries.ICapabilityRegistry{T}"/>).
/// </remarks>
public interface IPlugin
{
    /// <summary>Registers the plugin's capabilities and services.</summary>
    /// <param name="services">The plugin's own service collection.</param>
    /// <param name="context">What the host tells the plugin about itself: manifest, folder, logging, settings.</param>
    void ConfigureServices(IServiceCollection services, IPluginContext context);
}
