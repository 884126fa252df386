using System.Collections.Concurrent;
using Imaging.Sdk.Security;

namespace Imaging.Plugins.Tests.Fixtures;

/// <summary>
/// A minimal <see cref="IFileOutput"/> as the host provides it: temp file in the target folder, renamed into place
/// when the write completes; an existing file raises <see cref="IOException"/> unless overwrite is asked.
/// </summary>
public sealed class TestFileOutput : IFileOutput
{
    public ConcurrentQueue<string> Written { get; } = new();

    public async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        if (!overwrite && File.Exists(full)) throw new IOException($"'{full}' already exists.");
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                await write(stream, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite);
        }
        finally
        {
            File.Delete(temp);
        }
        Written.Enqueue(full);
    }
}
