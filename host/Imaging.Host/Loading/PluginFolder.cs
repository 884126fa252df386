using System.Security.Cryptography;
using System.Text;
using Imaging.Sdk;

namespace Imaging.Host.Loading;

/// <summary>Finds plugin folders under the configured roots and fingerprints them (to tell when one changed).</summary>
internal static class PluginFolder
{
    /// <summary>Each folder holding a <c>plugin.json</c>: a root itself, or its immediate sub-folders, in name order.</summary>
    public static IReadOnlyList<string> Discover(IEnumerable<string> roots)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            string full;
            try { full = Path.GetFullPath(root); } catch (ArgumentException) { continue; }
            if (!Directory.Exists(full)) continue;
            if (File.Exists(Path.Combine(full, PluginManifest.FileName)))
            {
                if (seen.Add(full)) found.Add(full);
                continue;
            }
            string[] children;
            try { children = Directory.GetDirectories(full); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            Array.Sort(children, StringComparer.Ordinal);
            foreach (var child in children)
            {
                if (File.Exists(Path.Combine(child, PluginManifest.FileName)) && seen.Add(child)) found.Add(child);
            }
        }
        return found;
    }

    /// <summary>A hash of every file's relative path, size and modification time under <paramref name="folder"/>.</summary>
    public static string Fingerprint(string folder)
    {
        var sb = new StringBuilder();
        try
        {
            var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var f in files)
            {
                var info = new FileInfo(f);
                sb.Append(Path.GetRelativePath(folder, f)).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sb.Append("unreadable:").Append(e.Message);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
