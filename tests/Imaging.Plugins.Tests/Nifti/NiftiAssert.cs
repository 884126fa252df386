using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Plugins.Tests.Nifti;

/// <summary>Geometry assertions shared by the NIfTI tests.</summary>
internal static class NiftiAssert
{
    /// <summary>The voxel → RAS affine of a geometry, computed here without the plugin: LPS columns, then x and y negated.</summary>
    public static double[,] ExpectedRas(VolumeGeometry g)
    {
        Vector3D[] dirs = [g.RowDirection, g.ColumnDirection, g.SliceDirection];
        double[] spacing = [g.Spacing.X, g.Spacing.Y, g.Spacing.Z];
        var m = new double[4, 4];
        for (int c = 0; c < 3; c++)
        {
            m[0, c] = -dirs[c].X * spacing[c];
            m[1, c] = -dirs[c].Y * spacing[c];
            m[2, c] = dirs[c].Z * spacing[c];
        }
        m[0, 3] = -g.Origin.X; m[1, 3] = -g.Origin.Y; m[2, 3] = g.Origin.Z; m[3, 3] = 1;
        return m;
    }

    public static void Matrix(double[,] expected, double[,] actual, double tolerance)
    {
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
                Assert.True(Math.Abs(expected[r, c] - actual[r, c]) <= tolerance, $"element [{r},{c}]: expected {expected[r, c]}, got {actual[r, c]}");
    }

    public static void Geometry(VolumeGeometry expected, VolumeGeometry actual, double tolerance)
    {
        Assert.Equal((expected.SizeI, expected.SizeJ, expected.SizeK), (actual.SizeI, actual.SizeJ, actual.SizeK));
        (Vector3D E, Vector3D A, string Name)[] pairs =
        [
            (expected.Spacing, actual.Spacing, "spacing"), (expected.Origin, actual.Origin, "origin"),
            (expected.RowDirection, actual.RowDirection, "row"), (expected.ColumnDirection, actual.ColumnDirection, "column"),
            (expected.SliceDirection, actual.SliceDirection, "slice"),
        ];
        foreach (var (e, a, name) in pairs)
            Assert.True(Vector3D.Distance(e, a) <= tolerance, $"{name}: expected {e}, got {a}");
    }
}
