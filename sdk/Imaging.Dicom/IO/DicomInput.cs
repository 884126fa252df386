using System.Buffers;

namespace Imaging.Dicom.IO;

/// <summary>
/// Buffered, position-tracking byte input over a stream, the bottom of the reader stack.
/// Values larger than the buffer are read straight into their destination; skips seek when the stream can.
/// </summary>
internal sealed class DicomInput : IDisposable
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// The first refill asks for this much, and each later one for twice the last, up to the buffer size: most headers
    /// fit in the first read, and a headers-only read of a large image does not copy 64 KiB of its pixel data
    /// (docs/performance.md: a 512×512 CT slice opens headers-only in ~32 µs instead of ~42 µs with one 64 KiB first read).
    /// </summary>
    private const int FirstFill = 16 * 1024;

    private Stream _stream;
    private readonly Stream _origin;
    private byte[] _buf;
    private int _pos;
    private int _len;
    private int _fill = FirstFill;
    private long _bufStart;
    private readonly bool _ownsStream;

    public DicomInput(Stream stream, bool ownsStream, string? path, ValueSource? source)
    {
        _stream = stream;
        _origin = stream;
        _ownsStream = ownsStream;
        _buf = ArrayPool<byte>.Shared.Rent(BufferSize);
        Path = path;
        Source = source;
        _bufStart = stream.CanSeek ? stream.Position : 0;
        Length = stream.CanSeek ? stream.Length : null;
    }

    public string? Path { get; }

    /// <summary>Where deferred values can be re-read from; null when the input cannot be revisited (deflated or non-seekable).</summary>
    public ValueSource? Source { get; private set; }

    /// <summary>The total length when known.</summary>
    public long? Length { get; private set; }

    public long Position => _bufStart + _pos;

    public int Buffered => _len - _pos;

    /// <summary>Makes at least <paramref name="n"/> bytes (≤ buffer size) available; false at end of input.</summary>
    public bool Ensure(int n)
    {
        if (_len - _pos >= n) return true;
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buf, _pos, _buf, 0, _len - _pos);
            _bufStart += _pos;
            _len -= _pos;
            _pos = 0;
        }
        while (_len < n)
        {
            int want = Math.Min(_buf.Length, Math.Max(n, _fill)) - _len;
            _fill = Math.Min(_fill * 2, _buf.Length);
            int r = _stream.Read(_buf, _len, want);
            if (r <= 0) return false;
            _len += r;
        }
        return true;
    }

    public ReadOnlySpan<byte> Span => _buf.AsSpan(_pos, _len - _pos);

    public void Advance(int n) => _pos += n;

    /// <summary>Reads exactly <paramref name="destination"/>.Length bytes, or as many as there are; returns the count.</summary>
    public int Read(Span<byte> destination)
    {
        int done = Math.Min(destination.Length, _len - _pos);
        _buf.AsSpan(_pos, done).CopyTo(destination);
        _pos += done;
        while (done < destination.Length)
        {
            int r = _stream.Read(destination[done..]);
            if (r <= 0) break;
            done += r;
            _bufStart += r;
        }
        return done;
    }

    /// <summary>Skips bytes; returns how many were actually skipped (fewer at end of input).</summary>
    public long Skip(long n)
    {
        long inBuffer = Math.Min(n, _len - _pos);
        _pos += (int)inBuffer;
        long rest = n - inBuffer;
        if (rest == 0) return n;
        if (_stream.CanSeek)
        {
            long target = Position + rest;
            long end = _stream.Length;
            if (target > end) target = end;
            _stream.Position = target;
            long skipped = inBuffer + (target - Position);
            _bufStart = target;
            _pos = _len = 0;
            return skipped;
        }
        long skippedRest = 0;
        while (skippedRest < rest)
        {
            _bufStart += _pos;
            _pos = 0;
            int r = _stream.Read(_buf, 0, (int)Math.Min(_buf.Length, rest - skippedRest));
            _len = 0;
            if (r <= 0) break;
            _bufStart += r;
            skippedRest += r;
        }
        return inBuffer + skippedRest;
    }

    /// <summary>Continues with the rest of the input passed through a decoder (deflate, PS3.5 §A.5); positions restart at the current one.</summary>
    public void ContinueThrough(Func<Stream, Stream> wrap)
    {
        var rest = new PrefixedStream(_buf.AsSpan(_pos, _len - _pos).ToArray(), _stream);
        long start = Position;
        _stream = wrap(rest);
        _bufStart = start;
        _pos = _len = 0;
        Source = null;
        Length = null;
    }

    public void Dispose()
    {
        if (_buf.Length > 0) ArrayPool<byte>.Shared.Return(_buf);
        _buf = [];
        // A decoder set up by ContinueThrough is ours; it does not close the stream under it, which is closed only when owned.
        if (!ReferenceEquals(_stream, _origin)) _stream.Dispose();
        if (_ownsStream) _origin.Dispose();
    }

    /// <summary>Bytes already buffered, then the rest of a stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _p;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            if (_p < prefix.Length)
            {
                int n = Math.Min(buffer.Length, prefix.Length - _p);
                prefix.AsSpan(_p, n).CopyTo(buffer);
                _p += n;
                return n;
            }
            return rest.Read(buffer);
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
