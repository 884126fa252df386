using Imaging.Dicom.Imaging.Codecs;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>How <see cref="VolumeSeries"/> sorts, checks and loads slices.</summary>
public sealed record VolumeReadOptions
{
    /// <summary>The options used when none are given.</summary>
    public static VolumeReadOptions Default { get; } = new();

    /// <summary>
    /// The most bytes one loaded volume may take. Larger stacks are not loaded whole: <see cref="VolumeStack.Load"/>
    /// throws a <see cref="VolumeException"/> that says so, and <see cref="VolumeStack.ReadSlab{T}"/> reads them in slabs.
    /// Default: 4 GiB or half of the memory the GC may use, whichever is smaller.
    /// </summary>
    public long MemoryBudget { get; init; } = DefaultBudget();

    /// <summary>Refuse to load a stack whose spacing is irregular (missing slices included). Default false: build it (as MATLAB's <c>dicomreadVolume</c> does) and report it.</summary>
    public bool RefuseIrregularSpacing { get; init; }

    /// <summary>A gap counts as regular when it differs from the nominal spacing by at most this fraction of it (default 0.02), or by 0.001 mm.</summary>
    public double SpacingTolerance { get; init; } = 0.02;

    /// <summary>Two Image Orientation (Patient) values are the same when no component differs by more than this (default 1e-4).</summary>
    public double OrientationTolerance { get; init; } = 1e-4;

    /// <summary>
    /// The voxel type, or null to choose: <see cref="SampleType.Int16"/> when stored values are integers, every slice's
    /// Rescale Slope and Intercept are integers and the modality values fit; <see cref="SampleType.Float64"/> for Double
    /// Float Pixel Data; otherwise <see cref="SampleType.Float32"/>. Only Int16, Float32 and Float64 are accepted.
    /// </summary>
    public SampleType? VoxelType { get; init; }

    /// <summary>Threads that decode slices; default (-1) uses every processor.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Codecs for encapsulated pixel data; <see cref="PixelCodecRegistry.Default"/> when null.</summary>
    public PixelCodecRegistry? Codecs { get; init; }

    private static long DefaultBudget()
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long half = available > 0 ? available / 2 : long.MaxValue;
        return Math.Min(4L << 30, half);
    }
}
