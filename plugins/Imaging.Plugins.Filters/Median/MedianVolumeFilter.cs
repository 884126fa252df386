using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Volumes;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Median;

/// <summary>
/// The <c>median</c> volume filter: the median of the (2r+1)³ box around each voxel (<c>radius</c> in voxels, one value
/// or <c>radius=x,y,z</c> along i, j, k, each 0 … <see cref="MaxRadius"/>), edges clamped — scipy.ndimage.median_filter(v,
/// size=2r+1, mode='nearest'). 8- and 16-bit integer volumes use a sliding histogram (<see cref="BoxMedian"/>); others a
/// selection per voxel. Output: the input's sample type (a median is one of the input values) and geometry.
/// </summary>
public sealed class MedianVolumeFilter : IVolumeFilter
{
    /// <summary>The largest radius accepted on any axis, in voxels.</summary>
    public const int MaxRadius = 15;

    /// <inheritdoc />
    public string Name => "median";

    /// <inheritdoc />
    public string Description => "3-D median over a box of (2 radius + 1) voxels per axis (edges clamped; histogram-based for 8/16-bit integers).";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new("radius", "Box radius in voxels: one whole number, or x,y,z along i, j, k; each 0 to 15.", "1"),
    ];

    /// <inheritdoc />
    public Task<Volume> ApplyAsync(Volume input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => VolumeFilterRun.RunAsync(this, input, arguments, (volume, args) =>
        {
            var radius = ArgumentReader.PerAxisIntegers(args, "radius", 3, 1, 0, MaxRadius, "voxels");
            var loop = new SlabLoop(3, progress, cancellationToken);
            var grid = VoxelConversion.ToGrid(volume, loop);
            var filtered = grid.Like();
            BoxMedian.Apply(grid, filtered, radius, VoxelConversion.IsSmallInteger(volume.SampleType), loop);
            var voxels = VoxelConversion.ToArray(filtered, volume.SampleType, loop);
            loop.Finish("median done");
            return new Volume(volume.Geometry, volume.SampleType, voxels);
        }, cancellationToken);
}
