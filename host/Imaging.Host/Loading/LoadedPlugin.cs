using System.Runtime.Loader;
using Imaging.Sdk.Capabilities;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Imaging.Host.Loading;

/// <summary>A plugin that loaded: its record, its load context, its own service provider and its (guarded) capabilities.</summary>
internal sealed class LoadedPlugin(PluginRecord record, PluginLoader loader, ServiceProvider services, IReadOnlyList<ICapability> capabilities, string fingerprint)
{
    public PluginRecord Record { get; } = record;
    public string Fingerprint { get; } = fingerprint;
    public IReadOnlyList<ICapability> Capabilities { get; } = capabilities;
    public ServiceProvider Services { get; } = services;

    /// <summary>A weak reference to the load context, to observe that unloading completed.</summary>
    public WeakReference<AssemblyLoadContext> LoadContext { get; } = new(loader.LoadContext);

    /// <summary>Disposes the plugin's services, then unloads its assemblies (collected once nothing references them).</summary>
    public void Unload()
    {
        try { Services.Dispose(); }
        finally { loader.Dispose(); }
    }
}
