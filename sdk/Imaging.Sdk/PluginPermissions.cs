namespace Imaging.Sdk;

/// <summary>
/// What a plugin may do, declared in <c>plugin.json</c> (<c>"permissions": ["network", "phi", "filesystem-write"]</c>).
/// The host enforces them on the services it hands out; see ARCHITECTURE.md for what this does and does not guarantee.
/// </summary>
[Flags]
public enum PluginPermissions
{
    /// <summary>No permissions: the plugin sees de-identified datasets only, gets no network or file-output services.</summary>
    None = 0,

    /// <summary><c>network</c>: the plugin receives network-capable services (<see cref="Security.INetworkAccess"/>, PACS connectors).</summary>
    Network = 1,

    /// <summary><c>phi</c>: the plugin receives datasets as they are, with protected health information; each call is audited.</summary>
    Phi = 2,

    /// <summary><c>filesystem-write</c>: the plugin receives <see cref="Security.IFileOutput"/> to write files; each write is audited.</summary>
    FileSystemWrite = 4,
}
