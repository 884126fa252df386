using Imaging.Sdk;

namespace Imaging.Plugins.Folder.Source;

/// <summary>
/// The files a <see cref="FolderSource"/> looks at: the location itself when it is a file, else every file under the
/// folder, recursively, without hidden files and folders (dot names, or the Hidden attribute) and without following
/// symbolic links to folders (no cycles), sorted by full path (ordinal) so that every run yields the same order.
/// </summary>
internal static class CandidateFiles
{
    /// <summary>Lists the candidate files of <paramref name="location"/>.</summary>
    /// <exception cref="InvalidInputException">The location is empty, malformed or does not exist.</exception>
    public static List<string> Find(string location)
    {
        if (string.IsNullOrWhiteSpace(location))
            throw new InvalidInputException("The folder source needs a location: a DICOM file or a folder.");
        string full;
        try
        {
            full = Path.GetFullPath(location);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException($"'{location}' is not a valid path: {e.Message}", e);
        }
        if (File.Exists(full)) return [full];
        if (!Directory.Exists(full))
            throw new InvalidInputException($"'{location}' does not exist: the folder source reads a DICOM file or a folder.");

        var oneLevel = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(full));
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = dir.EnumerateFileSystemInfos("*", oneLevel).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // a folder that vanished or cannot be listed is not worth stopping for
            }
            foreach (var entry in entries)
            {
                if (IsHidden(entry)) continue;
                if (entry is DirectoryInfo sub)
                {
                    if (sub.LinkTarget is null) pending.Push(sub);
                }
                else files.Add(entry.FullName);
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static bool IsHidden(FileSystemInfo entry)
        => entry.Name.StartsWith('.') || entry.Attributes.HasFlag(FileAttributes.Hidden);
}
