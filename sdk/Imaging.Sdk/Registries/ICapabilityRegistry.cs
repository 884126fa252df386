using System.Diagnostics.CodeAnalysis;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Registries;

/// <summary>
/// The capabilities of one kind, by name, across every loaded plugin (e.g. <c>ICapabilityRegistry&lt;IFilter&gt;</c>).
/// Resolve it from DI; it is a snapshot of the plugins loaded when it was created.
/// </summary>
/// <typeparam name="T">The capability contract (<see cref="IFilter"/>, <see cref="IDicomSource"/>, ...).</typeparam>
public interface ICapabilityRegistry<T> : IReadOnlyCollection<T> where T : class, ICapability
{
    /// <summary>The kind of capability held.</summary>
    CapabilityKind Kind { get; }

    /// <summary>The names, sorted.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The capability named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="CapabilityNotFoundException">No such name; the message lists the names that exist.</exception>
    T this[string name] { get; }

    /// <summary>Looks up a capability by name (case-insensitive).</summary>
    bool TryGet(string name, [MaybeNullWhen(false)] out T capability);
}
