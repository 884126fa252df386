using Imaging.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Plugins.Anonymizer;

/// <summary>
/// The <c>imaging.anonymizer</c> plugin: the <c>basic</c> profile of PS3.15 Annex E (Table E.1-1) with its options,
/// registered as the anonymizer <c>ps315</c> (<see cref="Ps315Anonymizer"/>).
/// Needs <c>phi</c>: it must see the original attributes to remove them.
/// </summary>
public sealed class AnonymizerPlugin : IPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAnonymizer<Ps315Anonymizer>();
    }
}
