using Imaging.Dicom;

namespace Imaging.Plugins.Folder.Sink;

/// <summary>Compares a file already on disk with what the <see cref="FolderSink"/> would write there.</summary>
internal static class ExistingFile
{
    /// <summary>True when the file at <paramref name="path"/> holds exactly the bytes <paramref name="file"/> saves to (PS3.10 §7).</summary>
    public static async Task<bool> HasContentAsync(string path, DicomFile file, CancellationToken cancellationToken)
    {
        var expected = new MemoryStream();
        await Task.Run(() => file.Save(expected), cancellationToken).ConfigureAwait(false);
        await using var existing = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        if (existing.Length != expected.Length) return false;
        var mine = expected.GetBuffer();
        var buffer = new byte[1 << 16];
        long offset = 0;
        int n;
        while ((n = await existing.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (offset + n > expected.Length || !buffer.AsSpan(0, n).SequenceEqual(mine.AsSpan((int)offset, n))) return false;
            offset += n;
        }
        return offset == expected.Length;
    }
}
