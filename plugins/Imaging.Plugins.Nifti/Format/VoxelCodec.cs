using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Plugins.Nifti.Format;

/// <summary>
/// Moves voxels between NIfTI's byte layout (one datatype, the header's byte order, i fastest) and typed arrays, and
/// applies <c>scl_slope</c>/<c>scl_inter</c> (nifti1.h: y = scl_slope·x + scl_inter when scl_slope ≠ 0).
/// </summary>
internal static class VoxelCodec
{
    /// <summary>Bytes per chunk when streaming voxels (keeps every span well inside int range).</summary>
    private const int ChunkBytes = 1 << 24;

    /// <summary>The bytes of one voxel of <paramref name="type"/>, or 0 when it is not supported.</summary>
    public static int BytesPerVoxel(NiftiDataType type) => type switch
    {
        NiftiDataType.UInt8 or NiftiDataType.Int8 => 1,
        NiftiDataType.Int16 or NiftiDataType.UInt16 => 2,
        NiftiDataType.Int32 or NiftiDataType.UInt32 or NiftiDataType.Float32 => 4,
        NiftiDataType.Float64 or NiftiDataType.Int64 or NiftiDataType.UInt64 => 8,
        _ => 0,
    };

    /// <summary>The NIfTI datatype that stores <paramref name="sampleType"/> unchanged.</summary>
    public static NiftiDataType ForSampleType(SampleType sampleType) => sampleType switch
    {
        SampleType.UInt8 => NiftiDataType.UInt8,
        SampleType.Int8 => NiftiDataType.Int8,
        SampleType.UInt16 => NiftiDataType.UInt16,
        SampleType.Int16 => NiftiDataType.Int16,
        SampleType.UInt32 => NiftiDataType.UInt32,
        SampleType.Int32 => NiftiDataType.Int32,
        SampleType.Float32 => NiftiDataType.Float32,
        SampleType.Float64 => NiftiDataType.Float64,
        _ => throw new ArgumentOutOfRangeException(nameof(sampleType), sampleType, "no NIfTI datatype"),
    };

    /// <summary>
    /// Reads <paramref name="count"/> voxels of <paramref name="type"/> from <paramref name="stream"/> and returns them as
    /// the sample type that holds them: the same type when the scaling is the identity (slope 0, NaN, or 1 with
    /// intercept 0), else 32-bit float (64-bit for 64-bit sources) with the scaling applied. 64-bit integers become Float64.
    /// </summary>
    /// <exception cref="EndOfStreamException">The stream ends before the voxels do.</exception>
    public static async Task<(SampleType Type, Array Voxels)> ReadAsync(Stream stream, NiftiDataType type, bool bigEndian, int count, double slope, double intercept, CancellationToken cancellationToken)
    {
        bool scaled = double.IsFinite(slope) && double.IsFinite(intercept) && slope != 0 && !(slope == 1 && intercept == 0);
        switch (type)
        {
            case NiftiDataType.UInt8: return Scale(SampleType.UInt8, await ReadRawAsync<byte>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), scaled, slope, intercept);
            case NiftiDataType.Int8: return Scale(SampleType.Int8, await ReadRawAsync<sbyte>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), scaled, slope, intercept);
            case NiftiDataType.Int16: return Scale(SampleType.Int16, await ReadRawAsync<short>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), scaled, slope, intercept);
            case NiftiDataType.UInt16: return Scale(SampleType.UInt16, await ReadRawAsync<ushort>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), scaled, slope, intercept);
            case NiftiDataType.Int32: return Scale(SampleType.Int32, await ReadRawAsync<int>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), scaled, slope, intercept);
            case NiftiDataType.UInt32: return Scale(SampleType.UInt32, await ReadRawAsync<uint>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), scaled, slope, intercept);
            case NiftiDataType.Float32: return Scale(SampleType.Float32, await ReadRawAsync<float>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), scaled, slope, intercept);
            case NiftiDataType.Float64: return ScaleDouble(await ReadRawAsync<double>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), v => v, scaled, slope, intercept);
            case NiftiDataType.Int64: return ScaleDouble(await ReadRawAsync<long>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), v => v, scaled, slope, intercept);
            case NiftiDataType.UInt64: return ScaleDouble(await ReadRawAsync<ulong>(stream, count, bigEndian, cancellationToken).ConfigureAwait(false), v => v, scaled, slope, intercept);
            default: throw new NotSupportedException($"datatype {(int)type} ({type})");
        }
    }

    /// <summary>Writes <paramref name="voxels"/> (a typed array) little endian to <paramref name="stream"/>, in chunks.</summary>
    public static async Task WriteAsync(Stream stream, Array voxels, IProgress<long>? bytesWritten, CancellationToken cancellationToken)
    {
        switch (voxels)
        {
            case byte[] a: await WriteRawAsync(stream, a, bytesWritten, cancellationToken).ConfigureAwait(false); break;
            case sbyte[] a: await WriteRawAsync(stream, a, bytesWritten, cancellationToken).ConfigureAwait(false); break;
            case short[] a: await WriteRawAsync(stream, a, bytesWritten, cancellationToken).ConfigureAwait(false); break;
            case ushort[] a: await WriteRawAsync(stream, a, bytesWritten, cancellationToken).ConfigureAwait(false); break;
            case int[] a: await WriteRawAsync(stream, a, bytesWritten, cancellationToken).ConfigureAwait(false); break;
            case uint[] a: await WriteRawAsync(stream, a, bytesWritten, cancellationToken).ConfigureAwait(false); break;
            case float[] a: await WriteRawAsync(stream, a, bytesWritten, cancellationToken).ConfigureAwait(false); break;
            case double[] a: await WriteRawAsync(stream, a, bytesWritten, cancellationToken).ConfigureAwait(false); break;
            default: throw new ArgumentException($"voxels of type {voxels.GetType()} cannot be written", nameof(voxels));
        }
    }

    private static async Task<T[]> ReadRawAsync<T>(Stream stream, int count, bool bigEndian, CancellationToken cancellationToken) where T : unmanaged
    {
        var result = new T[count];
        int size = Marshal.SizeOf<T>(), perChunk = Math.Max(1, ChunkBytes / size);
        var buffer = new byte[Math.Min((long)count * size, (long)perChunk * size)];
        for (int start = 0; start < count; start += perChunk)
        {
            int n = Math.Min(perChunk, count - start);
            await stream.ReadExactlyAsync(buffer.AsMemory(0, n * size), cancellationToken).ConfigureAwait(false);
            var target = MemoryMarshal.AsBytes(result.AsSpan(start, n));
            buffer.AsSpan(0, n * size).CopyTo(target);
            if (size > 1 && bigEndian != !BitConverter.IsLittleEndian) Reverse(target, size);
        }
        return result;
    }

    private static async Task WriteRawAsync<T>(Stream stream, T[] voxels, IProgress<long>? bytesWritten, CancellationToken cancellationToken) where T : unmanaged
    {
        int size = Marshal.SizeOf<T>(), perChunk = Math.Max(1, ChunkBytes / size);
        var buffer = new byte[Math.Min((long)voxels.Length * size, (long)perChunk * size)];
        long written = 0;
        for (int start = 0; start < voxels.Length; start += perChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = Math.Min(perChunk, voxels.Length - start);
            var chunk = buffer.AsSpan(0, n * size);
            MemoryMarshal.AsBytes(voxels.AsSpan(start, n)).CopyTo(chunk);
            if (size > 1 && !BitConverter.IsLittleEndian) Reverse(chunk, size);
            await stream.WriteAsync(buffer.AsMemory(0, n * size), cancellationToken).ConfigureAwait(false);
            written += n * size;
            bytesWritten?.Report(written);
        }
    }

    /// <summary>Swaps the byte order of each <paramref name="size"/>-byte element in place.</summary>
    private static void Reverse(Span<byte> bytes, int size)
    {
        switch (size)
        {
            case 2: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<byte, ushort>(bytes)); break;
            case 4: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(bytes), MemoryMarshal.Cast<byte, uint>(bytes)); break;
            case 8: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(bytes), MemoryMarshal.Cast<byte, ulong>(bytes)); break;
        }
    }

    private static (SampleType, Array) Scale<T>(SampleType type, T[] raw, bool scaled, double slope, double intercept) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        if (!scaled) return (type, raw);
        var result = new float[raw.Length];
        for (int i = 0; i < raw.Length; i++) result[i] = (float)(double.CreateTruncating(raw[i]) * slope + intercept);
        return (SampleType.Float32, result);
    }

    private static (SampleType, Array) ScaleDouble<T>(T[] raw, Func<T, double> convert, bool scaled, double slope, double intercept)
    {
        if (raw is double[] same && !scaled) return (SampleType.Float64, same);
        double s = scaled ? slope : 1, b = scaled ? intercept : 0;
        var result = new double[raw.Length];
        for (int i = 0; i < raw.Length; i++) result[i] = convert(raw[i]) * s + b;
        return (SampleType.Float64, result);
    }
}
