using Imaging.Sdk;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>
/// A plugin folder as ImagingPluginLayout.targets leaves it next to a host (<c>plugins/&lt;AssemblyName&gt;/</c>):
/// its manifest read with the SDK's own <see cref="PluginManifest"/>, or the reason it could not be.
/// </summary>
internal sealed record LaidOutPlugin(string Folder, PluginManifest? Manifest, string? ManifestError)
{
    /// <summary>The folder name: the plugin project's AssemblyName.</summary>
    public string Name => Path.GetFileName(Folder);

    public string? EntryAssemblyPath => Manifest is null ? null : Path.Combine(Folder, Manifest.EntryAssembly);

    /// <summary>The entry assembly's name (file name without .dll), or the folder name without a manifest.</summary>
    public string EntryAssemblyName => Manifest is null ? Name : Path.GetFileNameWithoutExtension(Manifest.EntryAssembly);

    /// <summary>Every folder of <paramref name="pluginsRoot"/> (none when it does not exist).</summary>
    public static IReadOnlyList<LaidOutPlugin> In(string pluginsRoot) =>
        !Directory.Exists(pluginsRoot)
            ? []
            : Directory.EnumerateDirectories(pluginsRoot).Order(StringComparer.Ordinal).Select(Read).ToList();

    public static LaidOutPlugin Read(string folder)
    {
        try
        {
            return new LaidOutPlugin(folder, PluginManifest.Load(folder), null);
        }
        catch (PluginManifestException e)
        {
            return new LaidOutPlugin(folder, null, e.Message);
        }
    }

    public override string ToString() => $"plugin folder plugins/{Name}";
}
