namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>A point or direction in patient space, in double precision (millimetres, LPS; PS3.3 §C.7.6.2.1.1).</summary>
/// <param name="X">Towards the patient's left.</param>
/// <param name="Y">Towards the patient's posterior.</param>
/// <param name="Z">Towards the patient's head.</param>
public readonly record struct Vector3D(double X, double Y, double Z)
{
    /// <summary>The zero vector.</summary>
    public static Vector3D Zero => default;

    /// <summary>Euclidean length (norm).</summary>
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>Component-wise sum.</summary>
    public static Vector3D operator +(Vector3D a, Vector3D b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Component-wise difference.</summary>
    public static Vector3D operator -(Vector3D a, Vector3D b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Negation.</summary>
    public static Vector3D operator -(Vector3D a) => new(-a.X, -a.Y, -a.Z);

    /// <summary>Scaling by a number.</summary>
    public static Vector3D operator *(Vector3D a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    /// <summary>Scaling by a number.</summary>
    public static Vector3D operator *(double s, Vector3D a) => new(a.X * s, a.Y * s, a.Z * s);

    /// <summary>Division by a number.</summary>
    public static Vector3D operator /(Vector3D a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    /// <summary>Dot product.</summary>
    public static double Dot(Vector3D a, Vector3D b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    /// <summary>Cross product <paramref name="a"/> × <paramref name="b"/> (row × column direction = slice normal, PS3.3 §C.7.6.2.1.1).</summary>
    public static Vector3D Cross(Vector3D a, Vector3D b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    /// <summary>Distance between two points.</summary>
    public static double Distance(Vector3D a, Vector3D b) => (a - b).Length;

    /// <summary>The angle between two directions, in degrees (0 … 180).</summary>
    public static double AngleDegrees(Vector3D a, Vector3D b)
    {
        double la = a.Length, lb = b.Length;
        if (la == 0 || lb == 0) return 0;
        double c = Math.Clamp(Dot(a, b) / (la * lb), -1.0, 1.0);
        return Math.Acos(c) * 180.0 / Math.PI;
    }

    /// <summary>This vector scaled to length 1.</summary>
    /// <exception cref="InvalidOperationException">The vector has length 0.</exception>
    public Vector3D Normalize()
    {
        double l = Length;
        if (l == 0 || double.IsNaN(l)) throw new InvalidOperationException("cannot normalise a zero-length vector.");
        return this / l;
    }

    /// <summary>Reads three values (e.g. Image Position (Patient)) starting at <paramref name="offset"/>.</summary>
    public static Vector3D FromArray(ReadOnlySpan<double> values, int offset = 0) => new(values[offset], values[offset + 1], values[offset + 2]);

    /// <summary>"(x, y, z)" with up to 4 decimals, invariant culture.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({X:0.####}, {Y:0.####}, {Z:0.####})");
}
