using Imaging.Sdk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Imaging.Plugins.Tests.Fixtures;

/// <summary>What a host hands a plugin's ConfigureServices, built from the plugin's own plugin.json.</summary>
public sealed class TestPluginContext(string pluginDirectory) : IPluginContext
{
    public PluginManifest Manifest { get; } = PluginManifest.Load(pluginDirectory);

    public string PluginDirectory { get; } = pluginDirectory;

    public Version SdkVersion => SdkInfo.Version;

    public ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public IReadOnlyDictionary<string, string> Settings => Manifest.Settings;
}
