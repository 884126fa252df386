using System.Globalization;
using Imaging.Dicom;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Derivation;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Pixels;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Median;

/// <summary>
/// The <c>median</c> filter on instances: the 2-D median of the (2r+1)² neighbourhood of every pixel of every frame of
/// native monochrome Pixel Data (PS3.3 C.7.6.3), <c>radius</c> in pixels (one value or <c>radius=x,y</c> along columns,
/// rows; 0 … <see cref="MedianVolumeFilter.MaxRadius"/>), edges clamped; stored values stay in their range (the median
/// is one of them). The kernel is the volume filter's (<see cref="BoxMedian"/>, sliding histogram). The output is a
/// DERIVED image (PS3.3 C.7.6.1.1.2) with a new SOP Instance UID.
/// </summary>
public sealed class MedianFilter : IFilter
{
    /// <inheritdoc />
    public string Name => "median";

    /// <inheritdoc />
    public string Description => "2-D median over (2 radius + 1)² pixels of monochrome images (edges clamped).";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new("radius", "Neighbourhood radius in pixels: one whole number, or x,y along columns and rows; each 0 to 15.", "1"),
    ];

    /// <inheritdoc />
    public async Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        KnownArguments.CheckCall(Name, arguments, Arguments, cancellationToken);
        var r = ArgumentReader.PerAxisIntegers(arguments, "radius", 2, 1, 0, MedianVolumeFilter.MaxRadius, "pixels");
        int[] radius = [r[0], r[1], 0];
        return await Task.Run(() =>
        {
            var image = MonochromeImage.From(input, Name);
            var pixels = image.Apply((source, destination, token) =>
            {
                var grid = FrameSamples.ToGrid(source, image.Rows, image.Columns);
                var filtered = grid.Like();
                BoxMedian.Apply(grid, filtered, radius, integral: true, SlabLoop.Silent(token));
                FrameSamples.Store(filtered, destination, image.MinValue, image.MaxValue);
            }, progress, cancellationToken);
            var description = string.Create(CultureInfo.InvariantCulture, $"Median filter, radius {r[0]}×{r[1]} px, imaging.filters");
            return DerivedImage.Create(input, pixels, image.PixelDataVR, description);
        }, cancellationToken).ConfigureAwait(false);
    }
}
