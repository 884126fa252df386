namespace Imaging.Plugins.Filters.Volumes;

/// <summary>
/// The filters' working image: float32 samples laid out like a <see cref="Imaging.Dicom.Imaging.Volumes.Volume"/>
/// (index = i + SizeI·(j + SizeJ·k)). A frame is a grid with <see cref="SizeK"/> = 1 (i = column, j = row).
/// </summary>
internal sealed class Grid
{
    /// <summary>A zeroed grid.</summary>
    public Grid(int sizeI, int sizeJ, int sizeK)
        : this(sizeI, sizeJ, sizeK, new float[checked((long)sizeI * sizeJ * sizeK)])
    {
    }

    /// <summary>Wraps <paramref name="data"/>, which must hold sizeI × sizeJ × sizeK samples.</summary>
    public Grid(int sizeI, int sizeJ, int sizeK, float[] data)
    {
        if (data.LongLength != (long)sizeI * sizeJ * sizeK)
            throw new ArgumentException($"{data.Length} samples for a {sizeI}×{sizeJ}×{sizeK} grid.", nameof(data));
        SizeI = sizeI;
        SizeJ = sizeJ;
        SizeK = sizeK;
        Data = data;
    }

    /// <summary>Samples along i (fastest).</summary>
    public int SizeI { get; }

    /// <summary>Samples along j.</summary>
    public int SizeJ { get; }

    /// <summary>Samples along k (slowest).</summary>
    public int SizeK { get; }

    /// <summary>Samples in one k slice.</summary>
    public int SliceSize => SizeI * SizeJ;

    /// <summary>The samples.</summary>
    public float[] Data { get; }

    /// <summary>The size along <paramref name="axis"/> (0 = i, 1 = j, 2 = k).</summary>
    public int Size(int axis) => axis switch { 0 => SizeI, 1 => SizeJ, _ => SizeK };

    /// <summary>The index step along <paramref name="axis"/>.</summary>
    public int Stride(int axis) => axis switch { 0 => 1, 1 => SizeI, _ => SliceSize };

    /// <summary>A zeroed grid of the same size.</summary>
    public Grid Like() => new(SizeI, SizeJ, SizeK);
}
