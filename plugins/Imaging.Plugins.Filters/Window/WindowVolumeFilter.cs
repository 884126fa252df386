using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Volumes;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Window;

/// <summary>
/// The <c>window</c> volume filter: VOI LUT Function LINEAR (PS3.3 §C.11.2.1.2.1, <see cref="LinearWindow"/>) of the
/// voxels (modality values) onto a uint8 volume 0 … 255 with the input's geometry. Arguments <c>center</c> and
/// <c>width</c> (≥ 1); a missing one comes from the window spanning the volume's own minimum … maximum.
/// </summary>
public sealed class WindowVolumeFilter : IVolumeFilter
{
    /// <inheritdoc />
    public string Name => "window";

    /// <inheritdoc />
    public string Description => "Window/level (LINEAR, PS3.3 C.11.2.1.2) onto a uint8 volume; center/width default to the volume's range.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => LinearWindow.Descriptors;

    /// <inheritdoc />
    public Task<Volume> ApplyAsync(Volume input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => VolumeFilterRun.RunAsync(this, input, arguments, (volume, args) =>
        {
            var loop = new SlabLoop(2, progress, cancellationToken);
            var grid = VoxelConversion.ToGrid(volume, loop);
            var window = LinearWindow.Read(args, () => Spanning(grid.Data));
            var data = grid.Data;
            var result = new byte[data.Length];
            int slice = grid.SliceSize;
            loop.Run("window", grid.SizeK, (from, to) =>
            {
                for (int n = from * slice; n < to * slice; n++) result[n] = window.Apply(data[n]);
            });
            loop.Finish("window done");
            return new Volume(volume.Geometry, SampleType.UInt8, result);
        }, cancellationToken);

    private static LinearWindow Spanning(float[] data)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var v in data)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return LinearWindow.Spanning(min, max);
    }
}
