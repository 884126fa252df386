using Imaging.Sdk.Security;

namespace Imaging.Host.Security;

/// <summary>
/// <see cref="IFileOutput"/> for plugins with <c>filesystem-write</c>: writes to a temporary file in the target folder,
/// renames it into place when complete, and records a <c>file-write</c> audit event.
/// </summary>
internal sealed class AuditedFileOutput(IAuditLog audit, string pluginId) : IFileOutput
{
    public async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        if (!overwrite && File.Exists(full)) throw new IOException($"{full}: the file exists and overwriting was not asked for.");
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        audit.Record(new AuditEvent(pluginId, AuditAction.FileWrite, "file-output", full));
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
