using Imaging.Sdk;
using Microsoft.Extensions.Logging;

namespace Imaging.Host.Loading;

/// <summary>The <see cref="IPluginContext"/> handed to <see cref="IPlugin.ConfigureServices"/>.</summary>
internal sealed class PluginContext(PluginManifest manifest, string folder, Version sdkVersion, ILoggerFactory loggerFactory, IReadOnlyDictionary<string, string> settings) : IPluginContext
{
    public PluginManifest Manifest { get; } = manifest;
    public string PluginDirectory { get; } = folder;
    public Version SdkVersion { get; } = sdkVersion;
    public ILoggerFactory LoggerFactory { get; } = loggerFactory;
    public IReadOnlyDictionary<string, string> Settings { get; } = settings;
}
