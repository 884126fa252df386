using Imaging.Sdk;

namespace Imaging.Host;

/// <summary>One capability a loaded plugin provides.</summary>
/// <param name="Kind">The capability kind.</param>
/// <param name="Name">Its name in the registry.</param>
/// <param name="Description">What it does.</param>
public sealed record CapabilityInfo(CapabilityKind Kind, string Name, string Description)
{
    /// <summary><c>kind:name</c>, e.g. <c>filter:gaussian</c>.</summary>
    public override string ToString() => $"{CapabilityKinds.GetName(Kind)}:{Name}";
}
