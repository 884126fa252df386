namespace Imaging.Sdk;

/// <summary>No capability of the requested kind has the requested name; the message lists the names that exist.</summary>
public sealed class CapabilityNotFoundException : ImagingPluginException
{
    /// <summary>Creates the exception.</summary>
    public CapabilityNotFoundException(CapabilityKind kind, string name, IEnumerable<string> available)
        : base($"No {CapabilityKinds.GetName(kind)} named '{name}'. Available: {Join(available)}.")
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>The kind that was asked for.</summary>
    public CapabilityKind Kind { get; }

    /// <summary>The name that was asked for.</summary>
    public string Name { get; }

    private static string Join(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none (is the plugin that provides it installed and loaded? see 'imaging plugins list')" : string.Join(", ", list);
    }
}
