using Imaging.Sdk;

namespace Imaging.Host;

/// <summary>What the host knows about one plugin folder: identity, status, capabilities and, when it failed, why.</summary>
public sealed record PluginRecord
{
    /// <summary>The plugin id from the manifest, or the folder name when the manifest could not be read.</summary>
    public required string Id { get; init; }

    /// <summary>The plugin folder.</summary>
    public required string Folder { get; init; }

    /// <summary>The manifest, when it could be read.</summary>
    public PluginManifest? Manifest { get; init; }

    /// <summary>Whether it loaded, and if not, why not (<see cref="Error"/>).</summary>
    public required PluginStatus Status { get; init; }

    /// <summary>The reason it is not loaded, in one line; null when loaded.</summary>
    public string? Error { get; init; }

    /// <summary>The capabilities it provides (empty unless loaded).</summary>
    public IReadOnlyList<CapabilityInfo> Capabilities { get; init; } = [];

    /// <summary>How long loading took (manifest, assemblies, <c>ConfigureServices</c>, construction).</summary>
    public TimeSpan LoadTime { get; init; }

    /// <summary>The plugin version from the manifest, or empty.</summary>
    public string Version => Manifest?.Version ?? "";

    /// <summary>The permissions from the manifest.</summary>
    public PluginPermissions Permissions => Manifest?.Permissions ?? PluginPermissions.None;
}
