using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Dicom.Imaging.Tests.Volumes;

public class VolumeGeometryTests
{
    private static VolumeGeometry Sheared()
    {
        double t = 20 * Math.PI / 180;
        var row = new Vector3D(1, 0, 0);
        var column = new Vector3D(0, Math.Cos(t), Math.Sin(t));
        return new VolumeGeometry(64, 48, 10, new Vector3D(0.8, 0.7, 2.5), new Vector3D(-10, 5, 30), row, column, new Vector3D(0, 0, 1));
    }

    [Fact]
    public void VoxelToPatient_ShearedGrid_FollowsTheDefinition()
    {
        var g = Sheared();
        var p = g.VoxelToPatient(3, 4, 5);
        var expected = g.Origin + g.RowDirection * (3 * 0.8) + g.ColumnDirection * (4 * 0.7) + g.SliceDirection * (5 * 2.5);
        Assert.Equal(0, Vector3D.Distance(expected, p), 9);
    }

    [Fact]
    public void PatientToVoxel_ShearedGrid_InvertsVoxelToPatient()
    {
        var g = Sheared();
        var index = g.PatientToVoxel(g.VoxelToPatient(7.5, 2.25, 9));
        Assert.Equal(7.5, index.X, 9);
        Assert.Equal(2.25, index.Y, 9);
        Assert.Equal(9, index.Z, 9);
    }

    [Fact]
    public void GetPatientToVoxelMatrix_TimesVoxelToPatient_IsIdentity()
    {
        var g = Sheared();
        double[] a = g.GetVoxelToPatientMatrix(), b = g.GetPatientToVoxelMatrix();
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
            {
                double sum = 0;
                for (int m = 0; m < 4; m++) sum += b[r * 4 + m] * a[m * 4 + c];
                Assert.Equal(r == c ? 1 : 0, sum, 9);
            }
    }

    [Fact]
    public void ShearDegrees_TiltedColumns_IsTheTilt()
    {
        var g = Sheared();
        Assert.True(g.IsSheared);
        Assert.Equal(20, g.ShearDegrees, 6);
        Assert.Equal(0, Vector3D.Dot(g.SliceNormal, g.RowDirection), 9);
    }

    [Fact]
    public void Slab_Middle_StartsAtThatSlice()
    {
        var g = Sheared();
        var slab = g.Slab(4, 3);
        Assert.Equal(3, slab.SizeK);
        Assert.Equal(0, Vector3D.Distance(g.VoxelToPatient(1, 2, 5), slab.VoxelToPatient(1, 2, 1)), 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Slab(8, 3));
    }

    [Fact]
    public void PatientToVoxel_DegenerateGrid_Throws()
    {
        var g = Sheared() with { SliceDirection = new Vector3D(1, 0, 0) };
        Assert.Throws<InvalidOperationException>(() => g.PatientToVoxel(Vector3D.Zero));
    }

    [Fact]
    public void Cross_AxisVectors_RightHanded()
    {
        Assert.Equal(new Vector3D(0, 0, 1), Vector3D.Cross(new Vector3D(1, 0, 0), new Vector3D(0, 1, 0)));
        Assert.Equal(5, new Vector3D(3, 4, 0).Length, 12);
        Assert.Equal(90, Vector3D.AngleDegrees(new Vector3D(1, 0, 0), new Vector3D(0, 0, 2)), 9);
    }
}
