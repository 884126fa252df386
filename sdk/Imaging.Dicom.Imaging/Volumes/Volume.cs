using System.Runtime.InteropServices;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// A 3-D image with geometry, like MATLAB's <c>medicalVolume</c>: voxels in one typed array, i fastest, then j, then k
/// (index = i + SizeI·(j + SizeJ·k)), holding modality values (Rescale Slope/Intercept applied, PS3.3 §C.11.1).
/// Build one from a series or an enhanced multi-frame instance with <see cref="VolumeSeries"/>.
/// </summary>
public sealed class Volume
{
    /// <summary>Wraps voxels; <paramref name="voxels"/> must be a <c>T[]</c> of <see cref="VolumeGeometry.VoxelCount"/> elements matching <paramref name="sampleType"/>.</summary>
    /// <exception cref="ArgumentException">The array's element type or length does not match; the message says which.</exception>
    public Volume(VolumeGeometry geometry, SampleType sampleType, Array voxels)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(voxels);
        var expected = SampleTypes.ClrType(sampleType);
        var actual = voxels.GetType().GetElementType();
        if (voxels.Rank != 1 || actual != expected)
            throw new ArgumentException($"the voxels are a {voxels.GetType().Name}, but sample type {sampleType} needs a {expected.Name}[].", nameof(voxels));
        if (voxels.LongLength != geometry.VoxelCount)
            throw new ArgumentException($"the voxels hold {voxels.LongLength} elements, but the geometry {geometry.SizeI}×{geometry.SizeJ}×{geometry.SizeK} needs {geometry.VoxelCount}.", nameof(voxels));
        Geometry = geometry;
        SampleType = sampleType;
        Voxels = voxels;
    }

    /// <summary>Where the voxels are.</summary>
    public VolumeGeometry Geometry { get; }

    /// <summary>The element type of <see cref="Voxels"/>.</summary>
    public SampleType SampleType { get; }

    /// <summary>The voxels (a <c>short[]</c>, <c>float[]</c>, … as <see cref="SampleType"/> says).</summary>
    public Array Voxels { get; }

    /// <summary>Bytes the voxels take.</summary>
    public long SizeInBytes => Voxels.LongLength * SampleTypes.Size(SampleType);

    /// <summary>The voxels as a span of <typeparamref name="T"/>, which must match <see cref="SampleType"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the volume's element type; the message names both.</exception>
    public Span<T> GetVoxels<T>() where T : unmanaged
    {
        // Checked against the sample type, not with `is T[]`: the runtime lets a short[] pass as a ushort[] (and byte[]/sbyte[], int[]/uint[]).
        if (typeof(T) != SampleTypes.ClrType(SampleType) || Voxels is not T[] array)
            throw new InvalidOperationException($"the volume holds {SampleType} voxels ({Voxels.GetType().GetElementType()?.Name}), not {typeof(T).Name}.");
        return array;
    }

    /// <summary>The voxels of slice <paramref name="k"/> (SizeI × SizeJ values, row-major).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such slice.</exception>
    public Span<T> GetSlice<T>(int k) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Geometry.SizeK);
        int n = Geometry.SizeI * Geometry.SizeJ;
        return GetVoxels<T>().Slice(k * n, n);
    }

    /// <summary>The value of voxel (<paramref name="i"/>, <paramref name="j"/>, <paramref name="k"/>) as a double.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the volume.</exception>
    public double GetValue(int i, int j, int k)
    {
        var g = Geometry;
        if ((uint)i >= (uint)g.SizeI || (uint)j >= (uint)g.SizeJ || (uint)k >= (uint)g.SizeK)
            throw new ArgumentOutOfRangeException(nameof(i), $"voxel ({i}, {j}, {k}) is outside {g.SizeI}×{g.SizeJ}×{g.SizeK}.");
        long index = i + (long)g.SizeI * (j + (long)g.SizeJ * k);
        // By sample type: a short[] also matches `is ushort[]` at run time, so the array's type cannot decide.
        return SampleType switch
        {
            SampleType.UInt8 => ((byte[])Voxels)[index],
            SampleType.Int8 => ((sbyte[])Voxels)[index],
            SampleType.UInt16 => ((ushort[])Voxels)[index],
            SampleType.Int16 => ((short[])Voxels)[index],
            SampleType.UInt32 => ((uint[])Voxels)[index],
            SampleType.Int32 => ((int[])Voxels)[index],
            SampleType.Float32 => ((float[])Voxels)[index],
            _ => ((double[])Voxels)[index],
        };
    }

    /// <summary>"Volume 512×512×300 Int16, spacing (…)".</summary>
    public override string ToString() => $"Volume {Geometry.SizeI}×{Geometry.SizeJ}×{Geometry.SizeK} {SampleType}, spacing {Geometry.Spacing}, origin {Geometry.Origin}";
}
