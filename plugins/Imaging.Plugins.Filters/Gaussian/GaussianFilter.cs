using System.Globalization;
using Imaging.Dicom;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Derivation;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Pixels;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Gaussian;

/// <summary>
/// The <c>gaussian</c> filter: 2-D separable Gaussian smoothing of every frame of native monochrome Pixel Data
/// (PS3.3 C.7.6.3; Bits Allocated 8 or 16, signed or unsigned). Argument <c>sigma</c> (pixels, default 1, in (0, 50]);
/// the kernel radius is ⌈3σ⌉; edges are clamped; computed in float32 with the passes the 3-D <see cref="GaussianVolumeFilter"/>
/// uses (<see cref="SeparableConvolution"/>); results are rounded and clamped to the stored range. The output is a
/// new data set recorded as DERIVED (PS3.3 C.7.6.1.1.2, C.7.6.1.1.3) with a new SOP Instance UID.
/// </summary>
public sealed class GaussianFilter : IFilter
{
    /// <summary>The sigma used when none is given, in pixels.</summary>
    public const double DefaultSigma = 1.0;

    /// <summary>The largest sigma accepted, in pixels.</summary>
    public const double MaxSigma = 50.0;

    /// <inheritdoc />
    public string Name => "gaussian";

    /// <inheritdoc />
    public string Description => "2-D Gaussian smoothing of monochrome images (sigma in pixels; edges clamped).";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new("sigma", "Standard deviation of the Gaussian in pixels, greater than 0 and at most 50; the kernel radius is ceil(3 sigma).", "1"),
    ];

    /// <inheritdoc />
    public async Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        KnownArguments.CheckCall(Name, arguments, Arguments, cancellationToken);
        double sigma = arguments.GetDouble("sigma", DefaultSigma);
        if (!(sigma > 0 && sigma <= MaxSigma))
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"Argument 'sigma' must be greater than 0 and at most {MaxSigma} pixels, not {sigma}."));
        // Reading the pixel description may read deferred Pixel Data from its file: off the caller's thread too.
        return await Task.Run(() => Smooth(input, MonochromeImage.From(input, Name), sigma, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static DicomDataset Smooth(DicomDataset input, MonochromeImage image, double sigma, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var weights = GaussianKernel.Weights(sigma);
        var pixels = image.Apply((source, destination, token) =>
        {
            var loop = SlabLoop.Silent(token);
            var grid = FrameSamples.ToGrid(source, image.Rows, image.Columns);
            var along = grid.Like();
            SeparableConvolution.Along(0, grid, along, weights, loop, "gaussian along i");
            SeparableConvolution.Along(1, along, grid, weights, loop, "gaussian along j");
            FrameSamples.Store(grid, destination, image.MinValue, image.MaxValue);
        }, progress, cancellationToken);
        var description = string.Create(CultureInfo.InvariantCulture, $"Gaussian smoothing, sigma {sigma:0.###} px (kernel radius {weights.Length / 2}), imaging.filters");
        return DerivedImage.Create(input, pixels, image.PixelDataVR, description);
    }
}
