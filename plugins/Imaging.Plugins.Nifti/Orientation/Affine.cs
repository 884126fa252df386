namespace Imaging.Plugins.Nifti.Orientation;

/// <summary>
/// A 3×4 affine map (the top of a 4×4 with last row 0 0 0 1): world = M·(i, j, k) + T. Column c of the 3×3 part is the
/// step in world space for one voxel along index c.
/// </summary>
internal sealed class Affine
{
    private readonly double[,] _m = new double[3, 4];

    /// <summary>Element (row, column); column 3 is the translation.</summary>
    public double this[int row, int column]
    {
        get => _m[row, column];
        set => _m[row, column] = value;
    }

    /// <summary>The column <paramref name="c"/> as a vector.</summary>
    public (double X, double Y, double Z) Column(int c) => (_m[0, c], _m[1, c], _m[2, c]);

    /// <summary>The length of column <paramref name="c"/> of the 3×3 part (the voxel size along that index).</summary>
    public double ColumnNorm(int c) => Math.Sqrt(_m[0, c] * _m[0, c] + _m[1, c] * _m[1, c] + _m[2, c] * _m[2, c]);

    /// <summary>
    /// The same map in the other patient convention: NIfTI world is RAS (x right→left is −, y posterior→anterior is +),
    /// DICOM is LPS, so x and y change sign and z stays (nifti1.h "qform_code > 0"; PS3.3 §C.7.6.2.1.1).
    /// </summary>
    public Affine FlipXY()
    {
        var r = new Affine();
        for (int c = 0; c < 4; c++)
        {
            r[0, c] = -_m[0, c];
            r[1, c] = -_m[1, c];
            r[2, c] = _m[2, c];
        }
        return r;
    }

    /// <summary>The determinant of the 3×3 part.</summary>
    public double Determinant() =>
        _m[0, 0] * (_m[1, 1] * _m[2, 2] - _m[1, 2] * _m[2, 1])
        - _m[0, 1] * (_m[1, 0] * _m[2, 2] - _m[1, 2] * _m[2, 0])
        + _m[0, 2] * (_m[1, 0] * _m[2, 1] - _m[1, 1] * _m[2, 0]);

    /// <summary>Whether every element is finite.</summary>
    public bool IsFinite()
    {
        foreach (var v in _m) if (!double.IsFinite(v)) return false;
        return true;
    }
}
