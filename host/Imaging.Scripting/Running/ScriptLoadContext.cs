using System.Reflection;
using System.Runtime.Loader;

namespace Imaging.Scripting.Running;

/// <summary>
/// The collectible load context one compiled script runs in. The platform (Imaging.Dicom, Imaging.Sdk,
/// Imaging.Scripting, the BCL) comes from the default context — the same types the host hands to the script — while
/// <c>#r</c>'ed assemblies, and their dependencies beside them, load here.
/// </summary>
internal sealed class ScriptLoadContext : AssemblyLoadContext
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _folders = [];

    public ScriptLoadContext(IEnumerable<string> referenceFiles)
        : base("imaging-script", isCollectible: true)
    {
        foreach (var file in referenceFiles)
        {
            _byName.TryAdd(Path.GetFileNameWithoutExtension(file), file);
            var folder = Path.GetDirectoryName(file)!;
            if (!_folders.Contains(folder, StringComparer.Ordinal)) _folders.Add(folder);
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name) return null;
        if (Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase))) return null;
        if (_byName.TryGetValue(name, out var path)) return LoadCopy(path);
        foreach (var folder in _folders)
        {
            var candidate = Path.Combine(folder, name + ".dll");
            if (File.Exists(candidate)) return LoadCopy(candidate);
        }
        return null;
    }

    // From a copy in memory, not the path: the file stays free to be rebuilt while a script or REPL session runs, and a
    // rebuilt file at the same path is not mistaken for the image the runtime cached for an earlier run.
    private Assembly LoadCopy(string path)
    {
        using var image = new MemoryStream(File.ReadAllBytes(path), writable: false);
        var symbolsPath = Path.ChangeExtension(path, ".pdb");
        using var symbols = File.Exists(symbolsPath) ? new MemoryStream(File.ReadAllBytes(symbolsPath), writable: false) : null;
        return LoadFromStream(image, symbols);
    }
}
