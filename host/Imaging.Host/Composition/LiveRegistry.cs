using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;

namespace Imaging.Host.Composition;

/// <summary>
/// A registry that always answers from the host's current set of plugins, so that whoever holds it (a plugin, a REPL
/// session) sees reloads and never keeps an unloaded plugin alive through it. <paramref name="view"/> adapts each
/// capability for the holder (e.g. de-identifying sources for a plugin without <c>phi</c>); <paramref name="visible"/>
/// hides capabilities the holder may not use.
/// </summary>
internal sealed class LiveRegistry<T>(Func<CapabilityRegistry<T>> source, Func<T, T>? view = null, Func<T, bool>? visible = null) : ICapabilityRegistry<T> where T : class, ICapability
{
    public CapabilityKind Kind => current().Kind;

    /// <summary>The current registry, narrowed to what the holder may see.</summary>
    private CapabilityRegistry<T> current() => visible is null ? source() : new CapabilityRegistry<T>(source().Where(visible));

    public IReadOnlyList<string> Names => current().Names;

    public int Count => current().Count;

    public T this[string name] => Adapt(current()[name]);

    public bool TryGet(string name, [MaybeNullWhen(false)] out T capability)
    {
        if (current().TryGet(name, out var c))
        {
            capability = Adapt(c);
            return true;
        }
        capability = null;
        return false;
    }

    public IEnumerator<T> GetEnumerator() => current().Select(Adapt).ToList().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T Adapt(T c) => view is null ? c : view(c);
}
