using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Registries;

/// <summary>A registry over a fixed set of capabilities (the host builds one per kind; tests can build their own).</summary>
/// <typeparam name="T">The capability contract.</typeparam>
public sealed class CapabilityRegistry<T> : ICapabilityRegistry<T> where T : class, ICapability
{
    private readonly SortedDictionary<string, T> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the registry.</summary>
    /// <exception cref="ArgumentException">Two capabilities share a name, or <typeparamref name="T"/> is not a capability contract.</exception>
    public CapabilityRegistry(IEnumerable<T> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        if (!CapabilityKinds.TryGetKind(typeof(T), out var kind))
            throw new ArgumentException($"{typeof(T).Name} is not a capability contract.", nameof(capabilities));
        Kind = kind.Value;
        foreach (var c in capabilities)
        {
            if (!_byName.TryAdd(c.Name, c))
                throw new ArgumentException($"Two {CapabilityKinds.GetName(Kind)} capabilities are named '{c.Name}'.", nameof(capabilities));
        }
        Names = [.. _byName.Keys];
    }

    /// <inheritdoc />
    public CapabilityKind Kind { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Names { get; }

    /// <inheritdoc />
    public int Count => _byName.Count;

    /// <inheritdoc />
    public T this[string name] => TryGet(name, out var c) ? c : throw new CapabilityNotFoundException(Kind, name, Names);

    /// <inheritdoc />
    public bool TryGet(string name, [MaybeNullWhen(false)] out T capability) => _byName.TryGetValue(name, out capability);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _byName.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
