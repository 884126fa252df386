using System.Diagnostics.CodeAnalysis;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk;

/// <summary>Maps <see cref="CapabilityKind"/> to its manifest name and contract interface.</summary>
public static class CapabilityKinds
{
    private static readonly (CapabilityKind Kind, string Name, Type Contract)[] Table =
    [
        (CapabilityKind.Source, "source", typeof(IDicomSource)),
        (CapabilityKind.Sink, "sink", typeof(IDicomSink)),
        (CapabilityKind.Anonymizer, "anonymizer", typeof(IAnonymizer)),
        (CapabilityKind.Filter, "filter", typeof(IFilter)),
        (CapabilityKind.PacsConnector, "pacs", typeof(IPacsConnector)),
        (CapabilityKind.Codec, "codec", typeof(ICodec)),
        (CapabilityKind.AiModel, "ai-model", typeof(IAiModel)),
        (CapabilityKind.VolumeFilter, "volume-filter", typeof(IVolumeFilter)),
        (CapabilityKind.VolumeFormat, "volume-format", typeof(IVolumeFormat)),
    ];

    /// <summary>Every capability kind, in declaration order.</summary>
    public static IReadOnlyList<CapabilityKind> All { get; } = Array.ConvertAll(Table, t => t.Kind);

    /// <summary>The name used in <c>plugin.json</c> (<c>source</c>, <c>sink</c>, <c>anonymizer</c>, <c>filter</c>, <c>pacs</c>, <c>codec</c>, <c>ai-model</c>, <c>volume-filter</c>, <c>volume-format</c>).</summary>
    public static string GetName(CapabilityKind kind) => Find(kind).Name;

    /// <summary>The contract interface of <paramref name="kind"/> (for example <see cref="IFilter"/>).</summary>
    public static Type GetContract(CapabilityKind kind) => Find(kind).Contract;

    /// <summary>Parses a manifest name (case-insensitive).</summary>
    public static bool TryParse(string name, out CapabilityKind kind)
    {
        foreach (var t in Table)
        {
            if (string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) { kind = t.Kind; return true; }
        }
        kind = default;
        return false;
    }

    /// <summary>The kind whose contract is <paramref name="contract"/>, if any.</summary>
    public static bool TryGetKind(Type contract, [NotNullWhen(true)] out CapabilityKind? kind)
    {
        foreach (var t in Table)
        {
            if (t.Contract == contract) { kind = t.Kind; return true; }
        }
        kind = null;
        return false;
    }

    private static (CapabilityKind Kind, string Name, Type Contract) Find(CapabilityKind kind)
    {
        foreach (var t in Table) if (t.Kind == kind) return t;
        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown capability kind.");
    }
}
