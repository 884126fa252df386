using System.Reflection;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>
/// DESIGN.md's layers as rules over built assemblies (their metadata's AssemblyRef table, nothing loaded). Each rule
/// returns one message per offending reference or file, naming the assembly or plugin folder and the reference.
/// </summary>
internal static class AssemblyRules
{
    /// <summary>Every reference of <paramref name="assembly"/> satisfies <paramref name="allowed"/>; <paramref name="rule"/> says what is allowed.</summary>
    public static IEnumerable<string> ReferencesOnly(AssemblyFile assembly, Func<AssemblyName, bool> allowed, string rule) =>
        assembly.References.Where(r => !allowed(r))
            .Select(r => $"{assembly.FileName} ({assembly.Path}) references {AssemblyFile.Describe(r)}: {rule}");

    /// <summary>No reference of <paramref name="assembly"/> is named in <paramref name="forbidden"/>.</summary>
    public static IEnumerable<string> ReferencesNone(AssemblyFile assembly, IEnumerable<string> forbidden, string rule)
    {
        var set = forbidden.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return assembly.References.Where(r => r.Name is { } n && set.Contains(n))
            .Select(r => $"{assembly.FileName} ({assembly.Path}) references {AssemblyFile.Describe(r)}: {rule}");
    }

    /// <summary>
    /// A plugin's entry assembly (plugin.json "entryAssembly") exists and references neither a host assembly nor
    /// another plugin's assembly (<paramref name="pluginAssemblies"/>: every plugin's name; its own is skipped).
    /// </summary>
    public static IEnumerable<string> PluginEntryIsolated(LaidOutPlugin plugin, IEnumerable<string> hostAssemblies, IEnumerable<string> pluginAssemblies)
    {
        if (plugin.Manifest is null)
        {
            yield return $"{plugin}: no valid plugin.json, so its entry assembly cannot be checked: {plugin.ManifestError}";
            yield break;
        }
        var entry = plugin.EntryAssemblyPath!;
        if (!File.Exists(entry))
        {
            yield return $"{plugin}: entry assembly {plugin.Manifest.EntryAssembly} (plugin.json) is not in the folder.";
            yield break;
        }
        var assembly = AssemblyFile.Read(entry);
        var own = new[] { plugin.Name, plugin.EntryAssemblyName, assembly.Name.Name ?? "" };
        var others = pluginAssemblies.Where(p => !own.Contains(p, StringComparer.OrdinalIgnoreCase));
        foreach (var v in ReferencesNone(assembly, hostAssemblies, "a plugin never references the host; it talks to it through Imaging.Sdk contracts and DI (DESIGN.md: layers)."))
            yield return $"{plugin}: {v}";
        foreach (var v in ReferencesNone(assembly, others, "a plugin never references another plugin (DESIGN.md: layers)."))
            yield return $"{plugin}: {v}";
    }

    /// <summary>
    /// A plugin folder (any depth, runtimes/ included) holds no copy of an assembly the host shares (Imaging.Sdk,
    /// Imaging.Dicom*, the DI and logging abstractions) nor of a host assembly: shared types must come from the host,
    /// or the plugin's types would not match the host's.
    /// </summary>
    public static IEnumerable<string> PluginCarriesNoSharedCopy(LaidOutPlugin plugin, IEnumerable<string> hostAssemblies)
    {
        var host = hostAssemblies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(plugin.Folder, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var relative = Path.GetRelativePath(plugin.Folder, file).Replace('\\', '/');
            if (Layers.IsShared(name))
                yield return $"{plugin}: carries its own {relative}. Shared types (Imaging.Sdk, Imaging.Dicom*, DI and logging abstractions) must come from the host: reference them with Private=\"false\" / ExcludeAssets=\"runtime\" (plugins/ImagingPlugin.targets).";
            else if (host.Contains(name))
                yield return $"{plugin}: carries host assembly {relative}. A plugin never references the host (DESIGN.md: layers).";
        }
    }
}
