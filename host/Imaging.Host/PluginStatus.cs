namespace Imaging.Host;

/// <summary>Where a plugin found in a plugin folder stands.</summary>
public enum PluginStatus
{
    /// <summary>Loaded; its capabilities are in the registries.</summary>
    Loaded,

    /// <summary>Not loaded: its manifest asks for an SDK range that excludes the host's SDK version.</summary>
    Incompatible,

    /// <summary>Not loaded: the manifest, the assembly, the entry type or its <c>ConfigureServices</c> failed (see the error).</summary>
    Failed,

    /// <summary>Not loaded: disabled by configuration.</summary>
    Disabled,
}
