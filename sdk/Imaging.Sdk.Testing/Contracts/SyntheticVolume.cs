using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// A small volume for the volume contracts: 24 × 20 × 6 int16 voxels, anisotropic spacing (0.8, 0.7, 2.5 mm), an origin
/// away from zero and a non-axial orientation, so a capability that mixes up i/j, spacing order or LPS/RAS shows it.
/// Voxel values encode their index (i + 3j + 50k − 100), so every voxel is different along each axis.
/// </summary>
internal static class SyntheticVolume
{
    public static Volume Create()
    {
        const int ni = 24, nj = 20, nk = 6;
        var voxels = new short[ni * nj * nk];
        for (int k = 0; k < nk; k++)
            for (int j = 0; j < nj; j++)
                for (int i = 0; i < ni; i++)
                    voxels[i + ni * (j + nj * k)] = (short)(i + 3 * j + 50 * k - 100);
        // A rotation of 30° about the patient's foot-head axis: rows run left-posterior, columns anterior-left.
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        var geometry = new VolumeGeometry(ni, nj, nk,
            Spacing: new Vector3D(0.8, 0.7, 2.5),
            Origin: new Vector3D(-12.5, 30.25, -40),
            RowDirection: new Vector3D(c, s, 0),
            ColumnDirection: new Vector3D(-s, c, 0),
            SliceDirection: new Vector3D(0, 0, 1));
        return new Volume(geometry, SampleType.Int16, voxels);
    }

    /// <summary>What differs between two volumes' geometry and voxels, or null when they agree (geometry within <paramref name="tolerance"/> mm).</summary>
    public static string? Compare(Volume expected, Volume actual, double tolerance = 1e-3)
    {
        var e = expected.Geometry;
        var a = actual.Geometry;
        if ((e.SizeI, e.SizeJ, e.SizeK) != (a.SizeI, a.SizeJ, a.SizeK))
            return $"size {a.SizeI}×{a.SizeJ}×{a.SizeK}, expected {e.SizeI}×{e.SizeJ}×{e.SizeK}";
        foreach (var (name, x, y) in new[] { ("spacing", e.Spacing, a.Spacing), ("origin", e.Origin, a.Origin), ("row direction", e.RowDirection, a.RowDirection),
                     ("column direction", e.ColumnDirection, a.ColumnDirection), ("slice direction", e.SliceDirection, a.SliceDirection) })
        {
            if (Math.Abs(x.X - y.X) > tolerance || Math.Abs(x.Y - y.Y) > tolerance || Math.Abs(x.Z - y.Z) > tolerance)
                return $"{name} ({y.X:0.###}, {y.Y:0.###}, {y.Z:0.###}), expected ({x.X:0.###}, {x.Y:0.###}, {x.Z:0.###}) in LPS";
        }
        var ev = ToDoubles(expected);
        var av = ToDoubles(actual);
        for (int n = 0; n < ev.Length; n++)
        {
            if (Math.Abs(ev[n] - av[n]) > 1e-6)
            {
                int i = n % e.SizeI, j = n / e.SizeI % e.SizeJ, k = n / (e.SizeI * e.SizeJ);
                return $"voxel ({i}, {j}, {k}) is {av[n]}, expected {ev[n]}";
            }
        }
        return null;
    }

    public static double[] ToDoubles(Volume volume)
    {
        var values = new double[volume.Voxels.Length];
        for (int n = 0; n < values.Length; n++) values[n] = Convert.ToDouble(volume.Voxels.GetValue(n), System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
