namespace Imaging.Host;

/// <summary>Raised after plugins were loaded, reloaded or unloaded.</summary>
public sealed class PluginsChangedEventArgs(IReadOnlyList<PluginRecord> changed) : EventArgs
{
    /// <summary>The records of the plugins that changed (their new state).</summary>
    public IReadOnlyList<PluginRecord> Changed { get; } = changed;
}
