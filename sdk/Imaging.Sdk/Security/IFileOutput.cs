namespace Imaging.Sdk.Security;

/// <summary>
/// Writing files, for plugins with the <c>filesystem-write</c> permission (others do not receive this service). Each
/// write goes to a temporary name in the target folder and is renamed into place when complete, so a failed or
/// cancelled write never leaves a half-written file or replaces an existing one with garbage; each is audited.
/// </summary>
public interface IFileOutput
{
    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>; creates the folder when missing.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    /// <param name="overwrite">Whether an existing file may be replaced; when false an existing file raises <see cref="IOException"/>.</param>
    /// <param name="cancellationToken">Cancels the write; the target is left untouched.</param>
    Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, bool overwrite = false, CancellationToken cancellationToken = default);
}
