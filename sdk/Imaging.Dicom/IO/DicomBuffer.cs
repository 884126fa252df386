namespace Imaging.Dicom.IO;

/// <summary>
/// The bytes of one value, little endian whatever the transfer syntax (big endian input is swapped on read).
/// Either in memory or deferred: a deferred buffer reads its bytes from the source on first use, so a file's
/// large values (pixel data of a 2 GB+ file) need not be in memory to open it.
/// </summary>
public abstract class DicomBuffer
{
    /// <summary>An empty value.</summary>
    public static DicomBuffer Empty { get; } = new MemoryBuffer(ReadOnlyMemory<byte>.Empty);

    /// <summary>The length of the value in bytes.</summary>
    public abstract long Length { get; }

    /// <summary>True when the bytes are in memory; false while a deferred value has not been read.</summary>
    public abstract bool IsLoaded { get; }

    /// <summary>The bytes; a deferred value is read from its source now.</summary>
    /// <exception cref="DicomException">The value is 2 GiB or longer (use <see cref="OpenRead"/>), or the source is gone.</exception>
    public abstract ReadOnlyMemory<byte> Memory { get; }

    /// <summary>The bytes as a stream, for values too large to hold in memory.</summary>
    public abstract Stream OpenRead();

    /// <summary>Wraps bytes without copying them; the caller must not change them afterwards.</summary>
    public static DicomBuffer FromMemory(ReadOnlyMemory<byte> bytes) => bytes.Length == 0 ? Empty : new MemoryBuffer(bytes);

    /// <summary>Copies the value to a stream without holding all of a deferred value in memory.</summary>
    public virtual void CopyTo(Stream destination)
    {
        if (IsLoaded || Length < 1 << 20)
        {
            destination.Write(Memory.Span);
            return;
        }
        using var s = OpenRead();
        s.CopyTo(destination, 1 << 20);
    }
}

internal sealed class MemoryBuffer(ReadOnlyMemory<byte> bytes) : DicomBuffer
{
    public override long Length => bytes.Length;
    public override bool IsLoaded => true;
    public override ReadOnlyMemory<byte> Memory => bytes;
    public override Stream OpenRead() => new MemoryStream(bytes.ToArray(), writable: false);
}
