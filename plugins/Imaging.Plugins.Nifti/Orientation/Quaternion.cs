namespace Imaging.Plugins.Nifti.Orientation;

/// <summary>
/// The qform rotation as NIfTI stores it: a unit quaternion (a, b, c, d) with a ≥ 0, of which only b, c, d are stored
/// (nifti1.h "METHOD 2"; nifti1_io.c <c>nifti_quatern_to_mat44</c> and <c>nifti_mat44_to_quatern</c>).
/// </summary>
internal static class Quaternion
{
    /// <summary>The rotation matrix R[row, column] of the quaternion (b, c, d), with a = sqrt(1 − b² − c² − d²).</summary>
    public static double[,] ToRotation(double b, double c, double d)
    {
        double a = 1.0 - (b * b + c * c + d * d);
        if (a < 1e-7)
        {
            // Special case from nifti1_io.c: a 180° rotation; normalise (b, c, d) and take a = 0.
            a = 1.0 / Math.Sqrt(b * b + c * c + d * d);
            b *= a; c *= a; d *= a;
            a = 0;
        }
        else a = Math.Sqrt(a);
        return new double[,]
        {
            { a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
            { 2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) },
            { 2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b },
        };
    }

    /// <summary>(b, c, d) of a proper rotation matrix (determinant +1), with a ≥ 0.</summary>
    public static (double B, double C, double D) FromRotation(double[,] r)
    {
        double r11 = r[0, 0], r12 = r[0, 1], r13 = r[0, 2];
        double r21 = r[1, 0], r22 = r[1, 1], r23 = r[1, 2];
        double r31 = r[2, 0], r32 = r[2, 1], r33 = r[2, 2];
        double a = r11 + r22 + r33 + 1, b, c, d;
        if (a > 0.5)
        {
            a = 0.5 * Math.Sqrt(a);
            b = 0.25 * (r32 - r23) / a;
            c = 0.25 * (r13 - r31) / a;
            d = 0.25 * (r21 - r12) / a;
        }
        else
        {
            double xd = 1 + r11 - (r22 + r33), yd = 1 + r22 - (r11 + r33), zd = 1 + r33 - (r11 + r22);
            if (xd > 1)
            {
                b = 0.5 * Math.Sqrt(xd);
                c = 0.25 * (r12 + r21) / b;
                d = 0.25 * (r13 + r31) / b;
                a = 0.25 * (r32 - r23) / b;
            }
            else if (yd > 1)
            {
                c = 0.5 * Math.Sqrt(yd);
                b = 0.25 * (r12 + r21) / c;
                d = 0.25 * (r23 + r32) / c;
                a = 0.25 * (r13 - r31) / c;
            }
            else
            {
                d = 0.5 * Math.Sqrt(zd);
                b = 0.25 * (r13 + r31) / d;
                c = 0.25 * (r23 + r32) / d;
                a = 0.25 * (r21 - r12) / d;
            }
            if (a < 0) { b = -b; c = -c; d = -d; }
        }
        return (b, c, d);
    }

    /// <summary>
    /// The orthogonal matrix nearest to <paramref name="m"/> (polar decomposition by Newton iteration
    /// X ← (X + X⁻ᵀ)/2, as nifti1_io.c's <c>nifti_mat33_polar</c>), for a qform when the sform has shear (gantry tilt).
    /// </summary>
    public static double[,] NearestOrthogonal(double[,] m)
    {
        var x = (double[,])m.Clone();
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var inverseTranspose = InverseTranspose(x);
            double change = 0;
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                {
                    double next = 0.5 * (x[i, j] + inverseTranspose[i, j]);
                    change = Math.Max(change, Math.Abs(next - x[i, j]));
                    x[i, j] = next;
                }
            if (change < 1e-15) break;
        }
        return x;
    }

    private static double[,] InverseTranspose(double[,] m)
    {
        // Cofactor matrix / determinant = (m⁻¹)ᵀ.
        var cof = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                int i1 = (i + 1) % 3, i2 = (i + 2) % 3, j1 = (j + 1) % 3, j2 = (j + 2) % 3;
                cof[i, j] = m[i1, j1] * m[i2, j2] - m[i1, j2] * m[i2, j1];
            }
        double det = m[0, 0] * cof[0, 0] + m[0, 1] * cof[0, 1] + m[0, 2] * cof[0, 2];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) cof[i, j] /= det;
        return cof;
    }
}
