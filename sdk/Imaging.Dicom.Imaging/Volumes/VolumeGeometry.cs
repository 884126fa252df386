namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// Where a volume's voxels are in the patient coordinate system (PS3.3 §C.7.6.2.1.1, LPS, millimetres): voxel (i, j, k)
/// — i along a row (column index), j down the columns (row index), k across slices — has its centre at
/// <c>Origin + i·Spacing[0]·RowDirection + j·Spacing[1]·ColumnDirection + k·Spacing[2]·SliceDirection</c>.
/// </summary>
/// <remarks>
/// With a tilted gantry the slice direction is not the slice normal (<see cref="SliceNormal"/>) and the voxel grid is
/// sheared; the transforms here stay exact because they use <see cref="SliceDirection"/> as stepped between slice origins
/// (as dcm2niix's sheared affine before its optional resampling).
/// </remarks>
/// <param name="SizeI">Voxels along i (Columns).</param>
/// <param name="SizeJ">Voxels along j (Rows).</param>
/// <param name="SizeK">Voxels along k (slices).</param>
/// <param name="Spacing">Spacing in mm along i, j, k (Pixel Spacing is row spacing\column spacing, so Spacing[0] is its second value);
/// Spacing.Z is the distance between consecutive slice origins, measured along <see cref="SliceDirection"/>.</param>
/// <param name="Origin">Centre of voxel (0,0,0) in LPS mm (Image Position (Patient) of the first slice).</param>
/// <param name="RowDirection">Unit vector of increasing i (first three values of Image Orientation (Patient)).</param>
/// <param name="ColumnDirection">Unit vector of increasing j (last three values of Image Orientation (Patient)).</param>
/// <param name="SliceDirection">Unit vector of increasing k: the slice normal, or the actual slice-to-slice direction when the gantry is tilted.</param>
public sealed record VolumeGeometry(
    int SizeI,
    int SizeJ,
    int SizeK,
    Vector3D Spacing,
    Vector3D Origin,
    Vector3D RowDirection,
    Vector3D ColumnDirection,
    Vector3D SliceDirection)
{
    /// <summary>Voxel count, SizeI × SizeJ × SizeK.</summary>
    public long VoxelCount => (long)SizeI * SizeJ * SizeK;

    /// <summary>The unit normal of the image planes, RowDirection × ColumnDirection (PS3.3 §C.7.6.2.1.1).</summary>
    public Vector3D SliceNormal => Vector3D.Cross(RowDirection, ColumnDirection).Normalize();

    /// <summary>
    /// The angle in degrees between <see cref="SliceDirection"/> and <see cref="SliceNormal"/>: 0 for an orthogonal grid,
    /// the gantry tilt for a tilted CT acquisition.
    /// </summary>
    public double ShearDegrees
    {
        get
        {
            double a = Vector3D.AngleDegrees(SliceDirection, SliceNormal);
            return a > 90 ? 180 - a : a;
        }
    }

    /// <summary>True when slices are stepped along a direction that is not the plane normal (more than 0.01°).</summary>
    public bool IsSheared => ShearDegrees > 0.01;

    /// <summary>The patient position (LPS mm) of the centre of voxel (<paramref name="i"/>, <paramref name="j"/>, <paramref name="k"/>); fractional indices interpolate linearly.</summary>
    public Vector3D VoxelToPatient(double i, double j, double k) =>
        Origin + RowDirection * (i * Spacing.X) + ColumnDirection * (j * Spacing.Y) + SliceDirection * (k * Spacing.Z);

    /// <summary>The continuous voxel index (i, j, k as X, Y, Z) of a patient position; round it to get the nearest voxel.</summary>
    /// <exception cref="InvalidOperationException">The geometry is degenerate (zero spacing or coplanar directions).</exception>
    public Vector3D PatientToVoxel(Vector3D point)
    {
        var m = GetPatientToVoxelMatrix();
        double x = point.X, y = point.Y, z = point.Z;
        return new Vector3D(
            m[0] * x + m[1] * y + m[2] * z + m[3],
            m[4] * x + m[5] * y + m[6] * z + m[7],
            m[8] * x + m[9] * y + m[10] * z + m[11]);
    }

    /// <summary>
    /// The 4×4 voxel → patient affine, row-major (16 values): columns are RowDirection·Spacing.X,
    /// ColumnDirection·Spacing.Y, SliceDirection·Spacing.Z and Origin; last row 0 0 0 1. This is the LPS affine; NIfTI's
    /// RAS affine negates the first two rows.
    /// </summary>
    public double[] GetVoxelToPatientMatrix()
    {
        Vector3D a = RowDirection * Spacing.X, b = ColumnDirection * Spacing.Y, c = SliceDirection * Spacing.Z;
        return
        [
            a.X, b.X, c.X, Origin.X,
            a.Y, b.Y, c.Y, Origin.Y,
            a.Z, b.Z, c.Z, Origin.Z,
            0, 0, 0, 1,
        ];
    }

    /// <summary>The inverse of <see cref="GetVoxelToPatientMatrix"/>: patient → continuous voxel index, row-major 4×4.</summary>
    /// <exception cref="InvalidOperationException">The geometry is degenerate (zero spacing or coplanar directions).</exception>
    public double[] GetPatientToVoxelMatrix()
    {
        Vector3D a = RowDirection * Spacing.X, b = ColumnDirection * Spacing.Y, c = SliceDirection * Spacing.Z;
        double det = Vector3D.Dot(a, Vector3D.Cross(b, c));
        if (Math.Abs(det) < 1e-12 || double.IsNaN(det))
            throw new InvalidOperationException($"the voxel grid is degenerate (spacing {Spacing}, directions {RowDirection}, {ColumnDirection}, {SliceDirection}); it has no inverse.");
        // Rows of the inverse of [a b c] are (b×c, c×a, a×b) / det.
        Vector3D r0 = Vector3D.Cross(b, c) / det, r1 = Vector3D.Cross(c, a) / det, r2 = Vector3D.Cross(a, b) / det;
        return
        [
            r0.X, r0.Y, r0.Z, -Vector3D.Dot(r0, Origin),
            r1.X, r1.Y, r1.Z, -Vector3D.Dot(r1, Origin),
            r2.X, r2.Y, r2.Z, -Vector3D.Dot(r2, Origin),
            0, 0, 0, 1,
        ];
    }

    /// <summary>The geometry of slices <paramref name="firstSlice"/> … <paramref name="firstSlice"/> + <paramref name="sliceCount"/> − 1 (a slab).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The slab is not inside the volume.</exception>
    public VolumeGeometry Slab(int firstSlice, int sliceCount)
    {
        if (firstSlice < 0 || sliceCount < 1 || firstSlice + sliceCount > SizeK)
            throw new ArgumentOutOfRangeException(nameof(firstSlice), $"slab {firstSlice}+{sliceCount} is outside 0…{SizeK - 1}.");
        return this with { SizeK = sliceCount, Origin = VoxelToPatient(0, 0, firstSlice) };
    }
}
