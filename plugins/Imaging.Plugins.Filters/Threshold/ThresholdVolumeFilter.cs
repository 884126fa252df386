using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Volumes;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Threshold;

/// <summary>
/// The <c>threshold</c> volume filter (<see cref="ThresholdRule"/>: <c>lower</c>, <c>upper</c>, inclusive). Mode
/// <c>mask</c> (default) gives a uint8 volume of 1 inside and 0 outside; mode <c>clip</c> keeps the input's sample type
/// with values clamped into [lower, upper] (integers: clamped in float, then rounded half away from zero — fractional
/// bounds round inwards only when they are at .5 or more). The geometry is the input's.
/// </summary>
public sealed class ThresholdVolumeFilter : IVolumeFilter
{
    /// <inheritdoc />
    public string Name => "threshold";

    /// <inheritdoc />
    public string Description => "Threshold: a uint8 0/1 mask of lower <= v <= upper, or (mode=clip) values clamped into [lower, upper].";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => ThresholdRule.Descriptors;

    /// <inheritdoc />
    public Task<Volume> ApplyAsync(Volume input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => VolumeFilterRun.RunAsync(this, input, arguments, (volume, args) =>
        {
            var rule = ThresholdRule.Read(args);
            var loop = new SlabLoop(3, progress, cancellationToken);
            var grid = VoxelConversion.ToGrid(volume, loop);
            var data = grid.Data;
            int slice = grid.SliceSize;
            float lower = (float)Math.Max(rule.Lower, float.MinValue), upper = (float)Math.Min(rule.Upper, float.MaxValue);
            loop.Run("threshold", grid.SizeK, (from, to) =>
            {
                for (int n = from * slice; n < to * slice; n++)
                {
                    float v = data[n];
                    data[n] = rule.Clip ? Math.Clamp(v, lower, upper) : (v >= rule.Lower && v <= rule.Upper ? 1 : 0);
                }
            });
            var type = rule.Clip ? volume.SampleType : SampleType.UInt8;
            var voxels = VoxelConversion.ToArray(grid, type, loop);
            loop.Finish("threshold done");
            return new Volume(volume.Geometry, type, voxels);
        }, cancellationToken);
}
