using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Plugins.Tests.Filters.Oracles;

/// <summary>Small random volumes with an oblique, anisotropic geometry, deterministic per seed, for the scipy comparisons.</summary>
public static class TestVolumes
{
    /// <summary>23 × 17 × 11 voxels: odd, different sizes on every axis, so an i/j/k mix-up fails.</summary>
    public const int SizeI = 23, SizeJ = 17, SizeK = 11;

    /// <summary>Spacing (0.7, 0.9, 2.0) mm, origin away from zero, rows and columns rotated by 30° about z.</summary>
    public static VolumeGeometry Geometry(int sizeI = SizeI, int sizeJ = SizeJ, int sizeK = SizeK)
    {
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        return new VolumeGeometry(sizeI, sizeJ, sizeK, new Vector3D(0.7, 0.9, 2.0), new Vector3D(-20.5, 14.25, -33),
            new Vector3D(c, s, 0), new Vector3D(-s, c, 0), new Vector3D(0, 0, 1));
    }

    /// <summary>Random values in [<paramref name="min"/>, <paramref name="max"/>] of <paramref name="type"/> (floats get fractions).</summary>
    public static Volume Random(SampleType type, int seed, double min = -1000, double max = 3000)
    {
        var g = Geometry();
        var random = new Random(seed);
        var values = new double[g.VoxelCount];
        for (int n = 0; n < values.Length; n++)
        {
            double v = min + random.NextDouble() * (max - min);
            values[n] = type is SampleType.Float32 or SampleType.Float64 ? v : Math.Round(v);
        }
        Array voxels = type switch
        {
            SampleType.Int16 => values.Select(v => (short)v).ToArray(),
            SampleType.UInt16 => values.Select(v => (ushort)v).ToArray(),
            SampleType.UInt8 => values.Select(v => (byte)v).ToArray(),
            SampleType.Float32 => values.Select(v => (float)v).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return new Volume(g, type, voxels);
    }

    /// <summary>The voxels as doubles, in index order.</summary>
    public static double[] Values(Volume volume)
    {
        var values = new double[volume.Voxels.Length];
        for (int n = 0; n < values.Length; n++) values[n] = Convert.ToDouble(volume.Voxels.GetValue(n), System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>The voxels as float64, for the oracle (exact for every type used here).</summary>
    public static void Write(ScipyOracle oracle, string name, Volume volume) => oracle.Write(name, Values(volume));

    /// <summary>The numpy shape "(k, j, i)" of <paramref name="volume"/>.</summary>
    public static string Shape(Volume volume) => $"({volume.Geometry.SizeK}, {volume.Geometry.SizeJ}, {volume.Geometry.SizeI})";

    /// <summary>Asserts that every voxel is within <paramref name="tolerance"/> of the oracle's, naming the first that is not.</summary>
    public static void AssertClose(double[] expected, Volume actual, double tolerance)
    {
        var a = Values(actual);
        Assert.Equal(expected.Length, a.Length);
        var g = actual.Geometry;
        for (int n = 0; n < a.Length; n++)
        {
            if (!(Math.Abs(expected[n] - a[n]) <= tolerance))
                Assert.Fail($"voxel ({n % g.SizeI}, {n / g.SizeI % g.SizeJ}, {n / (g.SizeI * g.SizeJ)}): expected {expected[n]}, got {a[n]} (tolerance {tolerance})");
        }
    }
}
