using System.Runtime.InteropServices;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// Reads frames of one file, in increasing frame order, as decoded stored samples into a caller's bytes. When the pixel
/// data is native little endian and still in the file (a deferred value), frames are read straight from the file into
/// the destination (one stream, read forward); otherwise through <see cref="PixelData"/>.
/// </summary>
internal sealed class FrameSource : IDisposable
{
    private readonly DicomFile _file;
    private readonly PixelFormat _format;
    private readonly VolumeReadOptions _options;
    private readonly DicomElement? _deferred;
    private Stream? _stream;
    private long _position;
    private PixelData? _pixels;
    private byte[]? _skip;

    public FrameSource(DicomFile file, PixelFormat format, VolumeReadOptions options)
    {
        _file = file;
        _format = format;
        _options = options;
        var ts = file.TransferSyntax;
        if (!ts.IsEncapsulated && !ts.IsBigEndian && !ts.IsDeflated && format.SamplesPerPixel == 1 && format.BitsAllocated >= 8
            && file.Dataset.TryGetElement(format.PixelDataTag, out var element) && !element.Buffer.IsLoaded)
            _deferred = element;
    }

    public void Read(int frame, Span<byte> destination)
    {
        if (_deferred is null)
        {
            try
            {
                _pixels ??= PixelData.Open(_file, _options.Codecs);
                Copy(_pixels, frame, destination);
            }
            catch (DicomException e) when (_file.FilePath is { } path && !e.Message.Contains(path, StringComparison.Ordinal))
            {
                // In a folder of hundreds of slices, an error is useless without the file it is about.
                throw new DicomException($"{path}: {e.Message}", e);
            }
            return;
        }
        long length = _format.NativeFrameLength, start = frame * length;
        if (start + length > _deferred.Length)
            throw new DicomException($"pixel data: frame {frame + 1} of {_file.FilePath} is truncated: it needs bytes {start}..{start + length - 1} of {_deferred.Length}.");
        _stream ??= _deferred.Buffer.OpenRead();
        if (start < _position) throw new InvalidOperationException("frames must be read in increasing order.");
        Skip(start - _position);
        _stream.ReadExactly(destination[..(int)length]);
        _position = start + length;
        if (!_format.IsFloat && _format.BitsStored < _format.BitsAllocated) SampleDecoder.FixUnusedBits(destination[..(int)length], _format);
    }

    private void Skip(long bytes)
    {
        if (bytes == 0) return;
        var buffer = _skip ??= new byte[1 << 20];
        while (bytes > 0)
        {
            int got = _stream!.Read(buffer.AsSpan(0, (int)Math.Min(bytes, buffer.Length)));
            if (got == 0) throw new DicomException($"pixel data of {_file.FilePath} ends early.");
            bytes -= got;
        }
    }

    private static void Copy(PixelData pixels, int frame, Span<byte> destination)
    {
        switch (pixels.Format.SampleType)
        {
            case SampleType.UInt8: pixels.CopyFrame(frame, destination); break;
            case SampleType.Int8: pixels.CopyFrame(frame, MemoryMarshal.Cast<byte, sbyte>(destination)); break;
            case SampleType.UInt16: pixels.CopyFrame(frame, MemoryMarshal.Cast<byte, ushort>(destination)); break;
            case SampleType.Int16: pixels.CopyFrame(frame, MemoryMarshal.Cast<byte, short>(destination)); break;
            case SampleType.UInt32: pixels.CopyFrame(frame, MemoryMarshal.Cast<byte, uint>(destination)); break;
            case SampleType.Int32: pixels.CopyFrame(frame, MemoryMarshal.Cast<byte, int>(destination)); break;
            case SampleType.Float32: pixels.CopyFrame(frame, MemoryMarshal.Cast<byte, float>(destination)); break;
            case SampleType.Float64: pixels.CopyFrame(frame, MemoryMarshal.Cast<byte, double>(destination)); break;
        }
    }

    public void Dispose() => _stream?.Dispose();
}
