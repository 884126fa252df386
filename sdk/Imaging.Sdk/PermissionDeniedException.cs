namespace Imaging.Sdk;

/// <summary>A plugin asked for something its manifest's permissions do not allow.</summary>
public sealed class PermissionDeniedException : ImagingPluginException
{
    /// <summary>Creates the exception.</summary>
    public PermissionDeniedException(string pluginId, PluginPermissions missing, string what)
        : base($"Plugin '{pluginId}' needs the '{PluginManifest.FormatPermissions(missing)}' permission to {what}; add it to \"permissions\" in its plugin.json.")
    {
        PluginId = pluginId;
        Missing = missing;
    }

    /// <summary>The plugin that asked.</summary>
    public string PluginId { get; }

    /// <summary>The permission it lacks.</summary>
    public PluginPermissions Missing { get; }
}
