namespace Imaging.Host.Tests.Reloading;

/// <summary>Changes a copied plugin's manifest the way a rebuild would: a new file renamed into place (one atomic change).</summary>
internal static class ManifestEdit
{
    public static void SetVersion(string pluginFolder, string from, string to)
    {
        var manifest = Path.Combine(pluginFolder, "plugin.json");
        var text = File.ReadAllText(manifest);
        var updated = text.Replace($"\"version\": \"{from}\"", $"\"version\": \"{to}\"", StringComparison.Ordinal);
        if (updated == text) throw new InvalidOperationException($"{manifest} has no \"version\": \"{from}\"");
        var temp = Path.Combine(Path.GetTempPath(), $"plugin-{Guid.NewGuid():N}.json");
        File.WriteAllText(temp, updated);
        File.Move(temp, manifest, overwrite: true);
    }
}
