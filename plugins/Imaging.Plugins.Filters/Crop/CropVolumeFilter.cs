using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Volumes;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Crop;

/// <summary>
/// The <c>crop</c> volume filter: keeps the voxels in index ranges <c>i=a:b</c>, <c>j=</c>, <c>k=</c>
/// (<see cref="IndexRange"/>: Python slicing, stop excluded) or in a world box <c>box=x0,y0,z0,x1,y1,z1</c> (two
/// opposite corners in LPS mm; kept are the voxels whose indices lie within the index-space bounds of the box's eight
/// corners, so for an oblique volume a little more than the box). Output: the input's sample type and directions and
/// spacing; the origin moves to the centre of the first kept voxel, Origin + a·Δi·Row + b·Δj·Column + c·Δk·Slice.
/// </summary>
public sealed class CropVolumeFilter : IVolumeFilter
{
    /// <inheritdoc />
    public string Name => "crop";

    /// <inheritdoc />
    public string Description => "Crop to index ranges (i=a:b, j=, k=; Python slicing) or to a world box (box=x0,y0,z0,x1,y1,z1 in LPS mm).";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new("i", "Range of i (columns) kept, start:stop with stop excluded; negative counts from the end.", ":"),
        new("j", "Range of j (rows) kept.", ":"),
        new("k", "Range of k (slices) kept.", ":"),
        new("box", "Instead of i/j/k: a box x0,y0,z0,x1,y1,z1 in LPS mm (two opposite corners).", null),
    ];

    /// <inheritdoc />
    public Task<Volume> ApplyAsync(Volume input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => VolumeFilterRun.RunAsync(this, input, arguments, (volume, args) =>
        {
            var g = volume.Geometry;
            var (ri, rj, rk) = args.GetString("box") is null
                ? (IndexRange.Read(args, "i", g.SizeI), IndexRange.Read(args, "j", g.SizeJ), IndexRange.Read(args, "k", g.SizeK))
                : FromBox(args, g);
            var geometry = g with
            {
                SizeI = ri.Count,
                SizeJ = rj.Count,
                SizeK = rk.Count,
                Origin = g.VoxelToPatient(ri.Start, rj.Start, rk.Start),
            };
            var voxels = VoxelConversion.Allocate(volume.SampleType, geometry.VoxelCount);
            var loop = new SlabLoop(1, progress, cancellationToken);
            loop.Run("crop", rk.Count, (from, to) =>
            {
                for (int k = from; k < to; k++)
                    for (int j = 0; j < rj.Count; j++)
                    {
                        long source = ri.Start + (long)g.SizeI * (rj.Start + j + (long)g.SizeJ * (rk.Start + k));
                        long destination = (long)ri.Count * (j + (long)rj.Count * k);
                        Array.Copy(volume.Voxels, source, voxels, destination, ri.Count);
                    }
            });
            loop.Finish("crop done");
            return new Volume(geometry, volume.SampleType, voxels);
        }, cancellationToken);

    private static (IndexRange, IndexRange, IndexRange) FromBox(CapabilityArguments args, VolumeGeometry g)
    {
        if (args.GetString("i") is not null || args.GetString("j") is not null || args.GetString("k") is not null)
            throw ArgumentReader.Invalid("box", "cannot be combined with i, j or k");
        var b = ArgumentReader.Numbers(args, "box", 6)!;
        var low = new double[] { double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity };
        var high = new double[] { double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity };
        Vector3D[] corners = [.. from x in new[] { b[0], b[3] } from y in new[] { b[1], b[4] } from z in new[] { b[2], b[5] } select new Vector3D(x, y, z)];
        foreach (var corner in corners)
        {
            var v = g.PatientToVoxel(corner);
            double[] c = [v.X, v.Y, v.Z];
            for (int a = 0; a < 3; a++)
            {
                low[a] = Math.Min(low[a], c[a]);
                high[a] = Math.Max(high[a], c[a]);
            }
        }
        int[] sizes = [g.SizeI, g.SizeJ, g.SizeK];
        var ranges = new IndexRange[3];
        for (int a = 0; a < 3; a++)
        {
            // A tolerance of 1e-6 voxel keeps corners that sit on a voxel centre up to rounding.
            int start = (int)Math.Max(0, Math.Ceiling(low[a] - 1e-6)), stop = (int)Math.Min(sizes[a] - 1, Math.Floor(high[a] + 1e-6));
            if (stop < start) throw ArgumentReader.Invalid("box", $"holds no voxel centre of the volume along {"ijk"[a]}");
            ranges[a] = new IndexRange(start, stop - start + 1);
        }
        return (ranges[0], ranges[1], ranges[2]);
    }
}
