using Microsoft.Extensions.Logging;

namespace Imaging.Sdk;

/// <summary>What the host gives a plugin while it configures its services.</summary>
public interface IPluginContext
{
    /// <summary>The plugin's parsed <c>plugin.json</c>.</summary>
    PluginManifest Manifest { get; }

    /// <summary>The absolute path of the folder the plugin was loaded from (read-only by convention).</summary>
    string PluginDirectory { get; }

    /// <summary>The SDK version the host runs with (<see cref="SdkInfo.Version"/> of the host's copy).</summary>
    Version SdkVersion { get; }

    /// <summary>Loggers whose category names are prefixed with the plugin id.</summary>
    ILoggerFactory LoggerFactory { get; }

    /// <summary>Settings: the manifest's <c>settings</c> object overlaid with the host's configuration for this plugin.</summary>
    IReadOnlyDictionary<string, string> Settings { get; }
}
