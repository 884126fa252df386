using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Dicom.Imaging.Tests.Volumes;

public class VolumeTests
{
    private static readonly VolumeGeometry Geometry = new(4, 3, 2, new Vector3D(1, 1, 1), Vector3D.Zero, new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), new Vector3D(0, 0, 1));

    [Fact]
    public void Constructor_WrongElementType_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Volume(Geometry, SampleType.Int16, new float[24]));
        Assert.Contains("Int16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new Volume(Geometry, SampleType.Int16, new short[23]));

    [Fact]
    public void GetValue_IndexOrder_IFastestThenJThenK()
    {
        var voxels = new short[24];
        for (int n = 0; n < 24; n++) voxels[n] = (short)n;
        var v = new Volume(Geometry, SampleType.Int16, voxels);
        Assert.Equal(1 + 4 * (2 + 3 * 1), v.GetValue(1, 2, 1));
        Assert.Equal(12, v.GetSlice<short>(1)[0]);
        Assert.Throws<InvalidOperationException>(() => v.GetVoxels<float>());
        // The runtime lets a short[] pass as a ushort[]; the volume must not.
        Assert.Throws<InvalidOperationException>(() => v.GetVoxels<ushort>());
        voxels[0] = -5;
        Assert.Equal(-5, v.GetValue(0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => v.GetValue(4, 0, 0));
    }
}
