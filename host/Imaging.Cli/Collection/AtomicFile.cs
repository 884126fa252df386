using System.Text;

namespace Imaging.Cli.Collection;

/// <summary>Writes a file so that readers see the old file (or none) or the whole new one, never a half-written one: a temporary file beside it, flushed to disk, then renamed over it.</summary>
internal static class AtomicFile
{
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        write(writer);
    }, overwrite: true);

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; without <paramref name="overwrite"/> an existing file raises <see cref="IOException"/> and is left as it was (checked at the rename, so no race).</summary>
    public static void Write(string path, Action<Stream> write, bool overwrite)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new IOException($"{path}: not a file path");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such directory");
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
