using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Plugins.Tests.Nifti;

/// <summary>Small volumes with asymmetric content and chosen geometry, for NIfTI tests.</summary>
internal static class NiftiTestVolumes
{
    /// <summary>Axial, identity directions in LPS, origin off-centre.</summary>
    public static VolumeGeometry Axial(int si = 5, int sj = 4, int sk = 3) => new(si, sj, sk,
        new Vector3D(0.75, 0.8, 2.5), new Vector3D(-10, 20.5, -30), new Vector3D(1, 0, 0), new Vector3D(0, 1, 0), new Vector3D(0, 0, 1));

    /// <summary>Oblique: rotated 30° about z then 20° about x, right-handed.</summary>
    public static VolumeGeometry Oblique(bool leftHanded = false)
    {
        double a = Math.PI / 6, b = Math.PI / 9;
        var row = new Vector3D(Math.Cos(a), Math.Sin(a) * Math.Cos(b), Math.Sin(a) * Math.Sin(b));
        var col = new Vector3D(-Math.Sin(a), Math.Cos(a) * Math.Cos(b), Math.Cos(a) * Math.Sin(b));
        var normal = Vector3D.Cross(row, col);
        return new VolumeGeometry(6, 5, 4, new Vector3D(0.9, 1.1, 3), new Vector3D(12.25, -40.5, 7), row, col, leftHanded ? -normal : normal);
    }

    /// <summary>A volume of <paramref name="type"/> whose voxel value encodes its index (i + 10 j + 100 k, shifted to the type's range).</summary>
    public static Volume Create(SampleType type, VolumeGeometry? geometry = null)
    {
        var g = geometry ?? Axial();
        var voxels = Array.CreateInstance(type switch
        {
            SampleType.UInt8 => typeof(byte), SampleType.Int8 => typeof(sbyte), SampleType.UInt16 => typeof(ushort), SampleType.Int16 => typeof(short),
            SampleType.UInt32 => typeof(uint), SampleType.Int32 => typeof(int), SampleType.Float32 => typeof(float), _ => typeof(double),
        }, g.VoxelCount);
        for (int k = 0, n = 0; k < g.SizeK; k++)
            for (int j = 0; j < g.SizeJ; j++)
                for (int i = 0; i < g.SizeI; i++, n++)
                {
                    double v = i + 10 * j + 100 * k;
                    voxels.SetValue(type switch
                    {
                        SampleType.UInt8 => (object)(byte)v,
                        SampleType.Int8 => (sbyte)(v - 120),
                        SampleType.UInt16 => (ushort)(v * 200 + 1),
                        SampleType.Int16 => (short)(v * 100 - 20000),
                        SampleType.UInt32 => (uint)(v * 1e7),
                        SampleType.Int32 => (int)(v * 1e6 - 1e8),
                        SampleType.Float32 => (float)(v * 0.5 - 33.25),
                        SampleType.Float64 => v * 1e-3 - 1e5,
                        _ => throw new ArgumentOutOfRangeException(nameof(type)),
                    }, n);
                }
        return new Volume(g, type, voxels);
    }

    /// <summary>Every voxel as a double, in storage order (i fastest).</summary>
    public static double[] Values(Volume v)
    {
        var result = new double[v.Voxels.Length];
        for (int n = 0; n < result.Length; n++) result[n] = Convert.ToDouble(v.Voxels.GetValue(n), System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }
}
