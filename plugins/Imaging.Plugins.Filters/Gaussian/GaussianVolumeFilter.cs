using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Volumes;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Gaussian;

/// <summary>
/// The <c>gaussian</c> volume filter: 3-D separable Gaussian smoothing. Argument <c>sigma</c> in mm, one value for all
/// axes or <c>sigma=x,y,z</c> along i, j, k (0 on an axis: not smoothed along it); each is divided by the volume's
/// spacing on that axis to get σ in voxels (at most <see cref="MaxSigmaVoxels"/>), the kernel radius is ⌈3σ⌉ voxels and
/// edges are clamped — scipy.ndimage.gaussian_filter(v, σ, mode='nearest', truncate=⌈3σ⌉/σ). The passes run in
/// float32, along i, then j, then k, in parallel. Output: the input's sample type (rounded half away from zero and
/// clamped) or float32 with <c>output=float32</c>; the geometry is the input's.
/// </summary>
public sealed class GaussianVolumeFilter : IVolumeFilter
{
    /// <summary>The largest σ accepted on any axis, in voxels (a kernel of 601 voxels).</summary>
    public const double MaxSigmaVoxels = 200;

    /// <inheritdoc />
    public string Name => "gaussian";

    /// <inheritdoc />
    public string Description => "3-D Gaussian smoothing (sigma in mm, per axis or one for all; edges clamped; separable, parallel).";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new("sigma", "Standard deviation in mm: one value, or x,y,z along i, j, k (0 = no smoothing on that axis); the kernel radius is ceil(3 sigma/spacing) voxels.", "1"),
        OutputType.Descriptor,
    ];

    /// <inheritdoc />
    public Task<Volume> ApplyAsync(Volume input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => VolumeFilterRun.RunAsync(this, input, arguments, (volume, args) =>
        {
            var sigmaMm = ArgumentReader.PerAxis(args, "sigma", 3, 1, 0, 1e6, false, "mm");
            var spacing = volume.Geometry.Spacing;
            double[] sigma = [sigmaMm[0] / spacing.X, sigmaMm[1] / spacing.Y, sigmaMm[2] / spacing.Z];
            for (int a = 0; a < 3; a++)
            {
                if (!(sigma[a] <= MaxSigmaVoxels))
                    throw ArgumentReader.Invalid("sigma", $"is {sigma[a]:0.###} voxels along {"ijk"[a]} (spacing {spacing}); at most {MaxSigmaVoxels} voxels are allowed");
            }
            var output = OutputType.Read(args, volume.SampleType);
            var smoothed = Smooth(volume, sigma, output, progress, cancellationToken);
            return new Volume(volume.Geometry, output, smoothed);
        }, cancellationToken);

    /// <summary>Smooths the voxels of <paramref name="volume"/> with σ in voxels per axis (i, j, k; 0 = skip), into a new array of <paramref name="output"/>.</summary>
    internal static Array Smooth(Volume volume, double[] sigmaVoxels, SampleType output, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var axes = Enumerable.Range(0, 3).Where(a => sigmaVoxels[a] > 0 && Size(volume, a) > 1).ToArray();
        var loop = new SlabLoop(axes.Length + 2, progress, cancellationToken);
        var current = VoxelConversion.ToGrid(volume, loop);
        Grid? spare = null;
        foreach (var axis in axes)
        {
            spare ??= current.Like();
            SeparableConvolution.Along(axis, current, spare, GaussianKernel.Weights(sigmaVoxels[axis]), loop, $"gaussian along {"ijk"[axis]}");
            (current, spare) = (spare, current);
        }
        // The working grid is new (never the input's array), so a float32 result is handed out as it is.
        Array result = output == SampleType.Float32 ? current.Data : VoxelConversion.ToArray(current, output, loop);
        loop.Finish("gaussian done");
        return result;
    }

    private static int Size(Volume volume, int axis) => axis switch { 0 => volume.Geometry.SizeI, 1 => volume.Geometry.SizeJ, _ => volume.Geometry.SizeK };
}
