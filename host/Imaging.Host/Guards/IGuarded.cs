namespace Imaging.Host.Guards;

/// <summary>A host-made wrapper around a plugin's capability.</summary>
public interface IGuarded
{
    /// <summary>The plugin's own object (tests and <c>plugins inspect</c> look at its type; callers use the wrapper).</summary>
    object Inner { get; }

    /// <summary>The id of the plugin that provides the capability.</summary>
    string PluginId { get; }

    /// <summary>The permissions of that plugin (a holder sees only capabilities whose network/file-write permissions it also has).</summary>
    Imaging.Sdk.PluginPermissions Permissions { get; }
}
