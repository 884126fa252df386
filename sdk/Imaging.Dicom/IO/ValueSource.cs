namespace Imaging.Dicom.IO;

/// <summary>Where deferred values are read from: a file reopened on demand, or a seekable stream shared under a lock.</summary>
internal abstract class ValueSource
{
    public abstract string? Path { get; }
    public abstract void Read(long offset, Span<byte> destination);
    public abstract Stream OpenRange(long offset, long length);

    /// <summary>A file reopened by path on each read; the size and write time seen at open detect a file changed since.</summary>
    public sealed class FileSource(string path, long length, DateTime lastWriteUtc) : ValueSource
    {
        public override string? Path => path;

        public override void Read(long offset, Span<byte> destination)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (RandomAccess.GetLength(handle) != length || File.GetLastWriteTimeUtc(handle) != lastWriteUtc)
                throw new DicomFormatException("the file changed since it was opened, so its deferred values are gone; open it again", path, offset);
            int done = 0;
            while (done < destination.Length)
            {
                int n = RandomAccess.Read(handle, destination[done..], offset + done);
                if (n == 0) throw new DicomFormatException($"the file ends before the deferred value's {destination.Length} bytes ({done} read); was it changed since it was opened?", path, offset + done);
                done += n;
            }
        }

        public override Stream OpenRange(long offset, long count)
        {
            var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (fs.Length != length || File.GetLastWriteTimeUtc(fs.SafeFileHandle) != lastWriteUtc)
            {
                fs.Dispose();
                throw new DicomFormatException("the file changed since it was opened, so its deferred values are gone; open it again", path, offset);
            }
            fs.Position = offset;
            return new RangeStream(fs, count);
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
                // The reader may still be reading this stream (it touches the Specific Character Set and Private
                // Creators while it parses), so its position is put back.
                long resume = stream.Position;
                try
                {
                    stream.Position = offset;
                    stream.ReadExactly(destination);
                }
                finally
                {
                    stream.Position = resume;
                }
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
