using System.Globalization;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// One buildable 3-D volume of a series: its slices sorted along the slice normal (never by Instance Number), its
/// geometry, and what its spacing looked like. Load it whole (<see cref="Load"/>, within the memory budget) or a slab at
/// a time (<see cref="ReadSlab{T}"/>).
/// </summary>
public sealed class VolumeStack
{
    private readonly bool _typeCertain;

    internal VolumeStack(int index, List<VolumeSlice> slices, VolumeGeometry geometry, (SampleType Type, bool Certain) type, VolumeSplitKey key, string? value,
        double nominalSpacing, List<double> gaps, List<VolumeGap> irregular, double shear, VolumeReadOptions options)
    {
        Index = index;
        Slices = slices;
        Geometry = geometry;
        SampleType = type.Type;
        _typeCertain = type.Certain;
        SplitKey = key;
        SplitValue = value;
        NominalSpacing = nominalSpacing;
        Gaps = gaps;
        IrregularGaps = irregular;
        ShearDegrees = shear;
        Options = options;
        Format = slices[0].Format;
    }

    /// <summary>Position in <see cref="VolumeSeries.Stacks"/> (0 is the largest stack).</summary>
    public int Index { get; }

    /// <summary>The slices, sorted by position along the slice normal (k = 0 first).</summary>
    public IReadOnlyList<VolumeSlice> Slices { get; }

    /// <summary>The geometry the loaded volume has.</summary>
    public VolumeGeometry Geometry { get; }

    /// <summary>
    /// The voxel type <see cref="Load"/> produces (see <see cref="VolumeReadOptions.VoxelType"/>). Int16 chosen for signed
    /// or unsigned 16-bit data whose rescaled range may not fit in theory is checked slice by slice while loading; when a
    /// slice does not fit, <see cref="Load"/> returns Float32 voxels and says so in the report.
    /// </summary>
    public SampleType SampleType { get; }

    /// <summary>The stored pixel format (of the first slice; all slices of a stack share it).</summary>
    public PixelFormat Format { get; }

    /// <summary>The attribute that set this stack apart from the others at the same positions, or <see cref="VolumeSplitKey.None"/>.</summary>
    public VolumeSplitKey SplitKey { get; }

    /// <summary>This stack's value of <see cref="SplitKey"/> (e.g. the Temporal Position Identifier), or null.</summary>
    public string? SplitValue { get; }

    /// <summary>The nominal slice spacing along the normal (mm): the most frequent gap.</summary>
    public double NominalSpacing { get; }

    /// <summary>Every gap between consecutive slices along the normal (mm), SizeK − 1 of them.</summary>
    public IReadOnlyList<double> Gaps { get; }

    /// <summary>The gaps that are not the nominal spacing (missing slices among them).</summary>
    public IReadOnlyList<VolumeGap> IrregularGaps { get; }

    /// <summary>True when every gap is the nominal spacing.</summary>
    public bool IsRegular => IrregularGaps.Count == 0;

    /// <summary>Slices missing in gaps of whole multiples of the spacing.</summary>
    public int MissingSliceCount => IrregularGaps.Sum(g => g.MissingSlices);

    /// <summary>The angle (degrees) between the slice-to-slice direction and the plane normal: the gantry tilt, 0 when not sheared.</summary>
    public double ShearDegrees { get; }

    /// <summary>Bytes the loaded volume takes.</summary>
    public long SizeInBytes => Geometry.VoxelCount * SampleTypes.Size(SampleType);

    internal VolumeReadOptions Options { get; }

    internal VolumeReport? Report { get; set; }

    /// <summary>
    /// Loads the whole stack: one voxel array of the final size, each slice decoded in parallel straight into its part
    /// of it, rescale applied in place.
    /// </summary>
    /// <exception cref="VolumeException">The volume exceeds <see cref="VolumeReadOptions.MemoryBudget"/> (use <see cref="ReadSlab{T}"/>),
    /// or its spacing is irregular and <see cref="VolumeReadOptions.RefuseIrregularSpacing"/> is set.</exception>
    /// <exception cref="DicomException">A slice cannot be decoded; the message names it.</exception>
    public Volume Load(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckRegular();
        var type = SampleType;
        if (type == SampleType.Int16 && !_typeCertain)
        {
            try
            {
                return LoadAs(SampleType.Int16, progress, cancellationToken);
            }
            catch (VoxelConversion.Int16OverflowException ex)
            {
                Report?.Add(new VolumeFinding(VolumeFindingKind.ValueRange, VolumeFindingSeverity.Info,
                    $"stack {Index}: {ex.Message}; loaded as Float32 instead", Index));
                type = SampleType.Float32;
            }
        }
        return LoadAs(type, progress, cancellationToken);
    }

    /// <summary>Loads the whole stack on the thread pool (see <see cref="Load"/>).</summary>
    public Task<Volume> LoadAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Load(progress, cancellationToken), cancellationToken);

    /// <summary>
    /// Reads slices <paramref name="firstSlice"/> … <paramref name="firstSlice"/> + <paramref name="sliceCount"/> − 1 into
    /// <paramref name="destination"/> (sliceCount × SizeI × SizeJ voxels of <typeparamref name="T"/>, which must be
    /// <see cref="SampleType"/>'s type, or float/double): streaming access to volumes above the memory budget. The slab's
    /// geometry is <c>Geometry.Slab(firstSlice, sliceCount)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The type or destination size is wrong.</exception>
    /// <exception cref="VolumeException">Int16 voxels were asked and a slice's values do not fit them.</exception>
    public void ReadSlab<T>(int firstSlice, int sliceCount, Memory<T> destination, IProgress<int>? progress = null, CancellationToken cancellationToken = default) where T : unmanaged
    {
        if (firstSlice < 0 || sliceCount < 0 || firstSlice + sliceCount > Slices.Count)
            throw new ArgumentOutOfRangeException(nameof(firstSlice), $"slab {firstSlice}+{sliceCount} is outside the {Slices.Count} slices.");
        var output = typeof(T) == typeof(short) ? SampleType.Int16 : typeof(T) == typeof(float) ? SampleType.Float32 : typeof(T) == typeof(double) ? SampleType.Float64
            : throw new ArgumentException($"slabs are read as short, float or double voxels, not {typeof(T).Name}.", nameof(destination));
        long needed = (long)sliceCount * Geometry.SizeI * Geometry.SizeJ;
        if (destination.Length < needed)
            throw new ArgumentException($"{sliceCount} slices of {Geometry.SizeI}×{Geometry.SizeJ} need {needed} voxels; the destination holds {destination.Length}.", nameof(destination));
        if (output == SampleType.Int16 && Format.SampleType is not (SampleType.Int16 or SampleType.UInt16 or SampleType.UInt8 or SampleType.Int8))
            throw new ArgumentException($"{Format.SampleType} stored samples cannot be read as short voxels; read float.", nameof(destination));
        try
        {
            SliceLoader.Load(this, firstSlice, sliceCount, destination, output, progress, cancellationToken);
        }
        catch (VoxelConversion.Int16OverflowException ex)
        {
            throw new VolumeException($"{ex.Message}: read this stack as float.", Report, ex);
        }
    }

    private Volume LoadAs(SampleType type, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        long bytes = Geometry.VoxelCount * SampleTypes.Size(type);
        if (bytes > Options.MemoryBudget || Geometry.VoxelCount > Array.MaxLength)
            throw new VolumeException(
                $"stack {Index} is {Geometry.SizeI}×{Geometry.SizeJ}×{Geometry.SizeK} {type} = {Gib(bytes)}, above the memory budget of {Gib(Options.MemoryBudget)}"
                + (Geometry.VoxelCount > Array.MaxLength ? " and one array's limit" : "")
                + $": read it in slabs with VolumeStack.ReadSlab (Geometry.Slab gives each slab's geometry), or raise VolumeReadOptions.MemoryBudget.", Report);
        int n = checked((int)Geometry.VoxelCount);
        switch (type)
        {
            case SampleType.Int16:
                var s = GC.AllocateUninitializedArray<short>(n);
                SliceLoader.Load<short>(this, 0, Slices.Count, s, type, progress, cancellationToken);
                return new Volume(Geometry, type, s);
            case SampleType.Float32:
                var f = GC.AllocateUninitializedArray<float>(n);
                SliceLoader.Load<float>(this, 0, Slices.Count, f, type, progress, cancellationToken);
                return new Volume(Geometry, type, f);
            default:
                var d = GC.AllocateUninitializedArray<double>(n);
                SliceLoader.Load<double>(this, 0, Slices.Count, d, type, progress, cancellationToken);
                return new Volume(Geometry, type, d);
        }
    }

    private void CheckRegular()
    {
        if (Options.RefuseIrregularSpacing && !IsRegular)
            throw new VolumeException(
                $"stack {Index} has irregular spacing ({IrregularGaps.Count} gaps differ from {NominalSpacing.ToString("0.###", CultureInfo.InvariantCulture)} mm, {MissingSliceCount} missing slices) and RefuseIrregularSpacing is set.", Report);
    }

    private static string Gib(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.## GiB", CultureInfo.InvariantCulture)
        : (bytes / (double)(1L << 20)).ToString("0.# MiB", CultureInfo.InvariantCulture);

    /// <summary>"stack 0: 512×512×300, Int16, spacing (…)" plus the split value.</summary>
    public override string ToString() =>
        $"stack {Index}: {Geometry.SizeI}×{Geometry.SizeJ}×{Geometry.SizeK} {SampleType}, spacing {Geometry.Spacing}"
        + (SplitKey != VolumeSplitKey.None ? $", {StackSorter.Describe(SplitKey)} = {SplitValue}" : "");
}
