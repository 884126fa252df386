namespace Imaging.Cli.Anonymize;

/// <summary>
/// Checks IN and OUT of `imaging anonymize` before anything is read: IN exists, OUT is new or an empty folder, and
/// neither lies inside the other (compared after resolving symbolic links, so a link cannot smuggle OUT into IN).
/// </summary>
internal static class AnonymizePaths
{
    private const int MaxLinkDepth = 40;

    /// <summary>Null when IN and OUT may be used, else the one-line reason (without the "imaging: " prefix).</summary>
    public static string? Problem(string input, string output)
    {
        if (!File.Exists(input) && !Directory.Exists(input)) return $"{input}: no such file or directory";
        if (File.Exists(output)) return $"{output}: is a file; OUT is a new folder";
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
            return $"{output}: exists and is not empty; anonymize writes into a new or empty folder only";
        var realIn = Real(input);
        var realOut = Real(output);
        if (Directory.Exists(input) && IsInside(realOut, realIn))
            return $"{output}: is inside the input folder {input}; write the anonymized copy somewhere else";
        if (IsInside(realIn, realOut))
            return $"{input}: is inside the output folder {output}; write the anonymized copy somewhere else";
        return null;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var f = Path.TrimEndingDirectorySeparator(folder);
        var p = Path.TrimEndingDirectorySeparator(path);
        return p.Equals(f, comparison) || p.StartsWith(f + Path.DirectorySeparatorChar, comparison);
    }

    /// <summary>The full path with every symbolic link among its existing parts resolved; parts that do not exist yet are kept as spelled.</summary>
    public static string Real(string path) => Real(Path.GetFullPath(path), 0);

    private static string Real(string full, int depth)
    {
        if (depth > MaxLinkDepth) return full;
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            var next = Path.Join(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } link)
            {
                var target = Path.IsPathRooted(link) ? link : Path.Join(current, link);
                current = Real(Path.GetFullPath(target), depth + 1);
            }
            else if (!info.Exists)
            {
                return Path.Join([current, .. parts[i..]]);
            }
            else
            {
                current = next;
            }
        }
        return current;
    }
}
