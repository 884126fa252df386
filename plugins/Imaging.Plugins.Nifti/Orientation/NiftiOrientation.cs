using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Nifti.Format;

namespace Imaging.Plugins.Nifti.Orientation;

/// <summary>Which of nifti1.h's three methods gave a file's voxel-to-world map.</summary>
internal enum OrientationSource
{
    /// <summary>Method 1 (ANALYZE): pixdim only, no orientation known.</summary>
    PixDim,
    /// <summary>Method 2: the qform (quaternion, qfac, pixdim, qoffset).</summary>
    Qform,
    /// <summary>Method 3: the sform (srow_x/y/z).</summary>
    Sform,
}

/// <summary>
/// Between a NIfTI header's voxel → RAS map and a <see cref="VolumeGeometry"/> in DICOM's LPS (PS3.3 §C.7.6.2.1.1).
/// Reading prefers the sform when sform_code &gt; 0, then the qform when qform_code &gt; 0, then pixdim alone
/// (what nibabel's <c>get_best_affine</c> and nifti1_io do). Writing sets both, code 1 (scanner).
/// </summary>
internal static class NiftiOrientation
{
    /// <summary>NIFTI_XFORM_SCANNER_ANAT.</summary>
    public const int ScannerAnatomical = 1;

    /// <summary>The voxel → RAS (mm) map the header gives, and which method gave it.</summary>
    public static (Affine Ras, OrientationSource Source) ToRas(NiftiHeader h)
    {
        if (h.SformCode > 0)
        {
            var s = new Affine();
            for (int row = 0; row < 3; row++)
                for (int c = 0; c < 4; c++) s[row, c] = h.SRow[row][c];
            if (s.IsFinite() && Math.Abs(s.Determinant()) > 1e-12) return (s, OrientationSource.Sform);
        }
        if (h.QformCode > 0)
        {
            var q = Qform(h);
            if (q.IsFinite()) return (q, OrientationSource.Qform);
        }
        var p = new Affine();
        for (int d = 0; d < 3; d++) p[d, d] = Size(h.PixDim[d + 1]);
        return (p, OrientationSource.PixDim);
    }

    /// <summary>The qform as an affine: R·diag(dx, dy, qfac·dz) plus qoffset (nifti1.h METHOD 2).</summary>
    public static Affine Qform(NiftiHeader h)
    {
        var r = Quaternion.ToRotation(h.Quatern[0], h.Quatern[1], h.Quatern[2]);
        double qfac = h.PixDim[0] < 0 ? -1 : 1;
        double[] scale = [Size(h.PixDim[1]), Size(h.PixDim[2]), qfac * Size(h.PixDim[3])];
        var a = new Affine();
        for (int row = 0; row < 3; row++)
        {
            for (int c = 0; c < 3; c++) a[row, c] = r[row, c] * scale[c];
            a[row, 3] = h.QOffset[row];
        }
        return a;
    }

    /// <summary>The geometry in LPS of a volume with these sizes whose voxel → RAS map is <paramref name="ras"/>.</summary>
    public static VolumeGeometry ToGeometry(Affine ras, int sizeI, int sizeJ, int sizeK)
    {
        var lps = ras.FlipXY();
        double si = lps.ColumnNorm(0), sj = lps.ColumnNorm(1), sk = lps.ColumnNorm(2);
        return new VolumeGeometry(
            sizeI, sizeJ, sizeK,
            new Vector3D(si, sj, sk),
            new Vector3D(lps[0, 3], lps[1, 3], lps[2, 3]),
            Unit(lps, 0, si), Unit(lps, 1, sj), Unit(lps, 2, sk));
    }

    /// <summary>The voxel → LPS map of <paramref name="g"/>: columns direction × spacing, translation the origin.</summary>
    public static Affine ToLps(VolumeGeometry g)
    {
        var a = new Affine();
        Vector3D[] dirs = [g.RowDirection, g.ColumnDirection, g.SliceDirection];
        double[] spacing = [g.Spacing.X, g.Spacing.Y, g.Spacing.Z];
        for (int c = 0; c < 3; c++)
        {
            a[0, c] = dirs[c].X * spacing[c];
            a[1, c] = dirs[c].Y * spacing[c];
            a[2, c] = dirs[c].Z * spacing[c];
        }
        a[0, 3] = g.Origin.X; a[1, 3] = g.Origin.Y; a[2, 3] = g.Origin.Z;
        return a;
    }

    /// <summary>
    /// Sets pixdim, the sform (exactly the geometry, in RAS) and the qform (its nearest rigid rotation, qfac = −1 when the
    /// axes are left-handed), both with code 1 (scanner anatomical).
    /// </summary>
    public static void Apply(NiftiHeader h, VolumeGeometry g)
    {
        var ras = ToLps(g).FlipXY();
        for (int row = 0; row < 3; row++)
            for (int c = 0; c < 4; c++) h.SRow[row][c] = ras[row, c];
        h.SformCode = ScannerAnatomical;

        double[] spacing = [g.Spacing.X, g.Spacing.Y, g.Spacing.Z];
        var r = new double[3, 3];
        for (int row = 0; row < 3; row++)
            for (int c = 0; c < 3; c++) r[row, c] = ras[row, c] / spacing[c];
        double qfac = ras.Determinant() < 0 ? -1 : 1;
        if (qfac < 0)
            for (int row = 0; row < 3; row++) r[row, 2] = -r[row, 2];
        var (b, c2, d) = Quaternion.FromRotation(Quaternion.NearestOrthogonal(r));
        h.Quatern[0] = b; h.Quatern[1] = c2; h.Quatern[2] = d;
        for (int row = 0; row < 3; row++) h.QOffset[row] = ras[row, 3];
        h.QformCode = ScannerAnatomical;
        h.PixDim[0] = qfac;
        h.PixDim[1] = spacing[0]; h.PixDim[2] = spacing[1]; h.PixDim[3] = spacing[2];
    }

    private static Vector3D Unit(Affine a, int c, double norm) =>
        norm > 0 ? new Vector3D(a[0, c] / norm, a[1, c] / norm, a[2, c] / norm) : new Vector3D(c == 0 ? 1 : 0, c == 1 ? 1 : 0, c == 2 ? 1 : 0);

    /// <summary>A voxel size from pixdim: non-positive or non-finite sizes count as 1 mm (nifti1_io does the same).</summary>
    private static double Size(double pixdim) => double.IsFinite(pixdim) && pixdim > 0 ? pixdim : 1;
}
