namespace Imaging.Cli.Collection;

/// <summary>
/// Lists the files under a folder for the collection: hidden folders and files (name starting with '.', or the Hidden
/// attribute) are skipped unless asked for, symbolic links are followed, and every real folder and file is visited once, so link loops
/// and links to folders already seen end the walk instead of repeating it. Paths keep the spelling of the root given.
/// </summary>
internal static class FolderWalker
{
    private const int MaxLinkDepth = 40;

    public sealed record Result(IReadOnlyList<string> Files, IReadOnlyList<UnreadableFile> Problems);

    /// <param name="root">The folder to walk.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <param name="includeHidden">Visit hidden folders and files too (the PHI scan must not miss a file because of its name).</param>
    public static Result Walk(string root, CancellationToken cancellationToken = default, bool includeHidden = false)
    {
        var files = new List<string>();
        var problems = new List<UnreadableFile>();
        var seenFolders = new HashSet<string>(PathComparer);
        var seenFiles = new HashSet<string>(PathComparer);
        var pending = new Stack<(string Path, string Real)>();
        var realRoot = RealPath(root, 0) ?? Path.GetFullPath(root);
        pending.Push((root, realRoot));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (folder, real) = pending.Pop();
            if (!seenFolders.Add(real)) continue; // marked when visited, so the first path in name order wins
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(new UnreadableFile(folder, HeaderReader.Reason(ex, folder)) { Exception = ex });
                continue;
            }
            Array.Sort(entries, (a, b) => string.CompareOrdinal(b.Name, a.Name)); // reversed: the stack pops them in order
            foreach (var entry in entries)
            {
                if (!includeHidden && IsHidden(entry)) continue;
                var path = Path.Join(folder, entry.Name);
                bool isLink = entry.LinkTarget is not null;
                string? target = isLink ? RealPath(path, 0) : Path.Join(real, entry.Name);
                if (target is null)
                {
                    problems.Add(new UnreadableFile(path, $"broken symbolic link (to {entry.LinkTarget})"));
                    continue;
                }
                if (entry is DirectoryInfo || isLink && Directory.Exists(target))
                {
                    if (!seenFolders.Contains(target)) pending.Push((path, target));
                }
                else if (seenFiles.Add(target))
                {
                    files.Add(path);
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        problems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new Result(files, problems);
    }

    private static StringComparer PathComparer => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.') || (OperatingSystem.IsWindows() && entry.Attributes.HasFlag(FileAttributes.Hidden));

    /// <summary>
    /// The path with every symbolic link in it resolved (what realpath(3) gives), or null when a link is broken or the
    /// links nest deeper than <see cref="MaxLinkDepth"/> (a loop).
    /// </summary>
    private static string? RealPath(string path, int depth)
    {
        if (depth > MaxLinkDepth) return null;
        var full = Path.GetFullPath(path);
        var rootPart = Path.GetPathRoot(full) ?? "";
        var current = rootPart;
        foreach (var part in full[rootPart.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(current, part);
            FileSystemInfo info = new FileInfo(next);
            if (!info.Exists) info = new DirectoryInfo(next);
            if (!info.Exists && info.LinkTarget is null) return null;
            if (info.LinkTarget is { } link)
            {
                var resolved = Path.IsPathRooted(link) ? link : Path.Join(current, link);
                var real = RealPath(resolved, depth + 1);
                if (real is null) return null;
                current = real;
            }
            else
            {
                current = next;
            }
        }
        return current;
    }
}
