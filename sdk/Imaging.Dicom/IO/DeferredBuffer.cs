using System.Buffers.Binary;

namespace Imaging.Dicom.IO;

/// <summary>Where deferred values are read from: a file reopened on demand, or a seekable stream shared under a lock.</summary>
internal abstract class ValueSource
{
    public abstract string? Path { get; }
    public abstract void Read(long offset, Span<byte> destination);
    public abstract Stream OpenRange(long offset, long length);

    public sealed class FileSource(string path) : ValueSource
    {
        public override string? Path => path;

        public override void Read(long offset, Span<byte> destination)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            int done = 0;
            while (done < destination.Length)
            {
                int n = RandomAccess.Read(handle, destination[done..], offset + done);
                if (n == 0) throw new DicomFormatException($"the file ends before the deferred value's {destination.Length} bytes ({done} read); was it changed since it was opened?", path, offset + done);
                done += n;
            }
        }

        public override Stream OpenRange(long offset, long length)
        {
            var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            fs.Position = offset;
            return new RangeStream(fs, length);
        }
    }

    public sealed class StreamSource(Stream stream, string? path) : ValueSource
    {
        private readonly Lock _gate = new();
        public override string? Path => path;

        public override void Read(long offset, Span<byte> destination)
        {
            lock (_gate)
            {
                stream.Position = offset;
                stream.ReadExactly(destination);
            }
        }

        public override Stream OpenRange(long offset, long length)
        {
            var copy = new byte[length];
            Read(offset, copy);
            return new MemoryStream(copy, writable: false);
        }
    }
}

/// <summary>A value left in its source until first touched (pydicom's deferred read; PS3.10 files can exceed memory).</summary>
internal sealed class DeferredBuffer(ValueSource source, long offset, long length, int swapUnit) : DicomBuffer
{
    private ReadOnlyMemory<byte>? _loaded;

    public long Offset => offset;
    public override long Length => length;
    public override bool IsLoaded => _loaded is not null;

    public override ReadOnlyMemory<byte> Memory
    {
        get
        {
            if (_loaded is { } m) return m;
            if (length > Array.MaxLength)
                throw new DicomException($"the value at offset {offset} is {length} bytes, too large for one array; read it with OpenRead().");
            var bytes = new byte[length];
            source.Read(offset, bytes);
            Swap(bytes, swapUnit);
            _loaded = bytes;
            return bytes;
        }
    }

    public override Stream OpenRead()
    {
        if (_loaded is { } m) return new MemoryStream(m.ToArray(), writable: false);
        if (swapUnit > 1) return new MemoryStream(Memory.ToArray(), writable: false);
        return source.OpenRange(offset, length);
    }

    /// <summary>Reverses the byte order of each unit (big endian → little endian), PS3.5 §7.3.</summary>
    internal static void Swap(Span<byte> bytes, int unit)
    {
        switch (unit)
        {
            case 2:
                var s16 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(bytes[..(bytes.Length & ~1)]);
                BinaryPrimitives.ReverseEndianness(s16, s16);
                break;
            case 4:
                var s32 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bytes[..(bytes.Length & ~3)]);
                BinaryPrimitives.ReverseEndianness(s32, s32);
                break;
            case 8:
                var s64 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes[..(bytes.Length & ~7)]);
                BinaryPrimitives.ReverseEndianness(s64, s64);
                break;
        }
    }
}

/// <summary>A read-only window of a stream; disposing it disposes the stream.</summary>
internal sealed class RangeStream(Stream inner, long length) : Stream
{
    private readonly long _length = length;
    private long _remaining = length;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;
    public override long Position { get => _length - _remaining; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override int Read(Span<byte> buffer)
    {
        if (_remaining <= 0) return 0;
        if (buffer.Length > _remaining) buffer = buffer[..(int)_remaining];
        int n = inner.Read(buffer);
        _remaining -= n;
        return n;
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
