using System.Text;

namespace Imaging.Cli.Collection;

/// <summary>Writes a text file so that readers see the old file or the whole new one, never a half-written one: a temporary file beside it, flushed to disk, then renamed over it.</summary>
internal static class AtomicFile
{
    public static void WriteText(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new IOException($"{path}: not a file path");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such directory");
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
