using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;

namespace Imaging.Host.Composition;

/// <summary>An immutable snapshot of every loaded capability, one registry per kind; replaced whole when plugins change.</summary>
internal sealed class CapabilitySet
{
    private readonly Dictionary<CapabilityKind, object> _registries = [];

    public CapabilitySet(IEnumerable<ICapability> capabilities)
    {
        var all = capabilities.ToList();
        Add<IDicomSource>(all);
        Add<IDicomSink>(all);
        Add<IAnonymizer>(all);
        Add<IFilter>(all);
        Add<IPacsConnector>(all);
        Add<ICodec>(all);
        Add<IAiModel>(all);
        Add<IVolumeFilter>(all);
        Add<IVolumeFormat>(all);
    }

    public static CapabilitySet Empty { get; } = new([]);

    public CapabilityRegistry<T> Get<T>() where T : class, ICapability
        => CapabilityKinds.TryGetKind(typeof(T), out var kind) ? (CapabilityRegistry<T>)_registries[kind.Value] : throw new ArgumentException($"{typeof(T).Name} is not a capability contract.");

    private void Add<T>(List<ICapability> all) where T : class, ICapability
    {
        var registry = new CapabilityRegistry<T>(all.OfType<T>());
        _registries[registry.Kind] = registry;
    }
}
