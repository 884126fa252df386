using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Volumes;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Resample;

/// <summary>
/// The <c>resample</c> volume filter: trilinear resampling to <c>spacing</c> (mm; one value or <c>spacing=x,y,z</c>
/// along i, j, k). Geometry: the same origin (centre of voxel 0) and directions, the new spacing, and along each axis
/// ⌊(n − 1)·Δ/Δ′⌋ + 1 voxels, so the new voxel centres stay within the old first … last centres
/// (<see cref="TrilinearResampler"/>; scipy.ndimage.map_coordinates order=1, mode='nearest'). Output: the input's sample
/// type (rounded half away from zero, clamped) or float32 with <c>output=float32</c>.
/// </summary>
public sealed class ResampleVolumeFilter : IVolumeFilter
{
    /// <summary>The most voxels an output may have.</summary>
    public static readonly long MaxOutputVoxels = VoxelConversion.MaxVoxels;

    /// <inheritdoc />
    public string Name => "resample";

    /// <inheritdoc />
    public string Description => "Trilinear resampling to a new spacing (mm); same origin and directions; size floor((n-1) spacing/new spacing)+1.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new("spacing", "New spacing in mm: one value, or x,y,z along i, j, k; each greater than 0.", "1"),
        OutputType.Descriptor,
    ];

    /// <inheritdoc />
    public Task<Volume> ApplyAsync(Volume input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => VolumeFilterRun.RunAsync(this, input, arguments, (volume, args) =>
        {
            var spacing = ArgumentReader.PerAxis(args, "spacing", 3, 1, 0, 1e6, true, "mm");
            var output = OutputType.Read(args, volume.SampleType);
            var g = volume.Geometry;
            double[] old = [g.Spacing.X, g.Spacing.Y, g.Spacing.Z];
            long si = TrilinearResampler.NewSize(g.SizeI, old[0], spacing[0]);
            long sj = TrilinearResampler.NewSize(g.SizeJ, old[1], spacing[1]);
            long sk = TrilinearResampler.NewSize(g.SizeK, old[2], spacing[2]);
            if ((double)si * sj * sk > MaxOutputVoxels || si >= int.MaxValue || sj >= int.MaxValue || sk >= int.MaxValue)
                throw new InvalidInputException($"Argument 'spacing' would make a {si}×{sj}×{sk} volume, more than {MaxOutputVoxels} voxels.");
            var loop = new SlabLoop(3, progress, cancellationToken);
            var grid = VoxelConversion.ToGrid(volume, loop);
            double[] factor = [spacing[0] / old[0], spacing[1] / old[1], spacing[2] / old[2]];
            var resampled = TrilinearResampler.Resample(grid, (int)si, (int)sj, (int)sk, factor, loop);
            Array voxels = output == Imaging.Dicom.Imaging.Pixels.SampleType.Float32 ? resampled.Data : VoxelConversion.ToArray(resampled, output, loop);
            loop.Finish("resample done");
            var geometry = g with { SizeI = (int)si, SizeJ = (int)sj, SizeK = (int)sk, Spacing = new Vector3D(spacing[0], spacing[1], spacing[2]) };
            return new Volume(geometry, output, voxels);
        }, cancellationToken);
}
