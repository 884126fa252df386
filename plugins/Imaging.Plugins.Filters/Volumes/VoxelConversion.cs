using System.Numerics;
using System.Runtime.CompilerServices;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Sdk;

namespace Imaging.Plugins.Filters.Volumes;

/// <summary>
/// Typed voxels ↔ the float32 <see cref="Grid"/>: reading converts every sample type exactly up to 24 bits of
/// integer (int8/16, uint8/16 exactly; int32/uint32 beyond ±2²⁴ and float64 lose precision); writing rounds half away
/// from zero and clamps to the target type's range (NaN → 0) for integer types, and copies for float types.
/// </summary>
internal static class VoxelConversion
{
    /// <summary>The largest volume the filters take: a float32 working copy must fit one .NET array.</summary>
    public static readonly long MaxVoxels = Array.MaxLength;

    /// <summary>Checks that <paramref name="volume"/> fits the filters' working arrays.</summary>
    /// <exception cref="InvalidInputException">Too large.</exception>
    public static void CheckSize(Volume volume, string filter)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        if (g.VoxelCount > MaxVoxels)
            throw new InvalidInputException($"The {filter} volume filter cannot work on a {g.SizeI}×{g.SizeJ}×{g.SizeK} volume: more than {MaxVoxels} voxels.");
    }

    /// <summary>A float32 copy of the volume's voxels, one pass of <paramref name="loop"/> (per slice).</summary>
    public static Grid ToGrid(Volume volume, SlabLoop loop)
    {
        var g = volume.Geometry;
        var grid = new Grid(g.SizeI, g.SizeJ, g.SizeK);
        int slice = grid.SliceSize;
        var target = grid.Data;
        loop.Run("reading voxels", g.SizeK, (from, to) =>
        {
            int start = from * slice, length = (to - from) * slice;
            var destination = target.AsSpan(start, length);
            // By SampleType, not by the array's type: the runtime lets a short[] pass for a ushort[] (and sbyte[] for byte[]).
            var voxels = volume.Voxels;
            switch (volume.SampleType)
            {
                case SampleType.UInt8: Widen<byte>(((byte[])voxels).AsSpan(start, length), destination); break;
                case SampleType.Int8: Widen<sbyte>(((sbyte[])voxels).AsSpan(start, length), destination); break;
                case SampleType.UInt16: Widen<ushort>(((ushort[])voxels).AsSpan(start, length), destination); break;
                case SampleType.Int16: Widen<short>(((short[])voxels).AsSpan(start, length), destination); break;
                case SampleType.UInt32: Widen<uint>(((uint[])voxels).AsSpan(start, length), destination); break;
                case SampleType.Int32: Widen<int>(((int[])voxels).AsSpan(start, length), destination); break;
                case SampleType.Float32: ((float[])voxels).AsSpan(start, length).CopyTo(destination); break;
                case SampleType.Float64: Widen<double>(((double[])voxels).AsSpan(start, length), destination); break;
                default: throw new InvalidInputException($"Unexpected sample type {volume.SampleType}.");
            }
        });
        return grid;
    }

    /// <summary>The grid's samples as a new array of <paramref name="type"/>, one pass of <paramref name="loop"/> (per slice).</summary>
    public static Array ToArray(Grid grid, SampleType type, SlabLoop loop)
    {
        var array = Allocate(type, grid.Data.LongLength);
        int slice = grid.SliceSize;
        var source = grid.Data;
        loop.Run("writing voxels", grid.SizeK, (from, to) =>
        {
            int start = from * slice, length = (to - from) * slice;
            var values = source.AsSpan(start, length);
            switch (type)
            {
                case SampleType.UInt8: Narrow(values, ((byte[])array).AsSpan(start, length)); break;
                case SampleType.Int8: Narrow(values, ((sbyte[])array).AsSpan(start, length)); break;
                case SampleType.UInt16: Narrow(values, ((ushort[])array).AsSpan(start, length)); break;
                case SampleType.Int16: Narrow(values, ((short[])array).AsSpan(start, length)); break;
                case SampleType.UInt32: Narrow(values, ((uint[])array).AsSpan(start, length)); break;
                case SampleType.Int32: Narrow(values, ((int[])array).AsSpan(start, length)); break;
                case SampleType.Float32: values.CopyTo(((float[])array).AsSpan(start, length)); break;
                case SampleType.Float64: for (int n = 0; n < values.Length; n++) ((double[])array)[start + n] = values[n]; break;
            }
        });
        return array;
    }

    /// <summary>A new zeroed voxel array of <paramref name="type"/>.</summary>
    public static Array Allocate(SampleType type, long length) => type switch
    {
        SampleType.UInt8 => new byte[length],
        SampleType.Int8 => new sbyte[length],
        SampleType.UInt16 => new ushort[length],
        SampleType.Int16 => new short[length],
        SampleType.UInt32 => new uint[length],
        SampleType.Int32 => new int[length],
        SampleType.Float32 => new float[length],
        SampleType.Float64 => new double[length],
        _ => throw new InvalidInputException($"Unknown sample type {type}."),
    };

    /// <summary>True for the integer sample types of at most 16 bits, whose values a 65,536-bin histogram holds.</summary>
    public static bool IsSmallInteger(SampleType type) => type is SampleType.UInt8 or SampleType.Int8 or SampleType.UInt16 or SampleType.Int16;

    /// <summary>True for the float sample types.</summary>
    public static bool IsFloat(SampleType type) => type is SampleType.Float32 or SampleType.Float64;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Widen<T>(ReadOnlySpan<T> source, Span<float> destination) where T : unmanaged, INumberBase<T>
    {
        for (int n = 0; n < source.Length; n++) destination[n] = float.CreateTruncating(source[n]);
    }

    /// <summary>Rounds half away from zero (in double, so x.4999999 stays below), clamps to T's range, NaN → 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Narrow<T>(ReadOnlySpan<float> source, Span<T> destination) where T : unmanaged, INumberBase<T>, IMinMaxValue<T>
    {
        double min = double.CreateTruncating(T.MinValue), max = double.CreateTruncating(T.MaxValue);
        for (int n = 0; n < source.Length; n++)
        {
            double v = source[n];
            double r = Math.Truncate(v + Math.CopySign(0.5, v));
            r = r < min ? min : r > max ? max : r; // NaN fails both tests and stays NaN
            destination[n] = T.CreateTruncating(double.IsNaN(r) ? 0L : (long)r);
        }
    }
}
