using System.Globalization;
using Imaging.Dicom;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Derivation;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Pixels;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Resample;

/// <summary>
/// The <c>resample</c> filter on instances: bilinear resampling of every frame to a new Pixel Spacing (<c>spacing</c> in
/// mm, default 1, one value or <c>spacing=x,y</c> along columns (Δi) and rows (Δj); the input needs Pixel Spacing, PS3.3
/// §C.7.6.2.1.1). The first pixel stays where it was (Image Position (Patient) unchanged); the new size is
/// ⌊(n − 1)·Δ/Δ′⌋ + 1 along each axis (<see cref="TrilinearResampler"/>, the volume filter's kernel). Values are
/// rounded and clamped to the stored range; Rows, Columns and Pixel Spacing are updated. The output is a DERIVED image
/// (PS3.3 C.7.6.1.1.2) with a new SOP Instance UID and the input's pixel format.
/// </summary>
public sealed class ResampleFilter : IFilter
{
    /// <summary>The largest Rows or Columns an output may have (US, PS3.5 §6.2).</summary>
    public const int MaxSize = ushort.MaxValue;

    /// <inheritdoc />
    public string Name => "resample";

    /// <inheritdoc />
    public string Description => "Bilinear resampling of frames to a new Pixel Spacing (mm); the first pixel stays in place.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new("spacing", "New pixel spacing in mm: one value, or x,y along columns and rows; each greater than 0 (default 1 mm, like the volume filter).", "1"),
    ];

    /// <inheritdoc />
    public async Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        KnownArguments.CheckCall(Name, arguments, Arguments, cancellationToken);
        var spacing = ArgumentReader.PerAxis(arguments, "spacing", 2, 1, 0, 1e6, true, "mm");
        return await Task.Run(() =>
        {
            var image = MonochromeImage.From(input, Name);
            var old = PlaneGeometry.From(input).Spacing
                ?? throw new InvalidInputException("The resample filter cannot work on this data set: it has no valid Pixel Spacing (0028,0030).");
            double oldI = old[1], oldJ = old[0];
            long columns = TrilinearResampler.NewSize(image.Columns, oldI, spacing[0]);
            long rows = TrilinearResampler.NewSize(image.Rows, oldJ, spacing[1]);
            if (columns > MaxSize || rows > MaxSize)
                throw new InvalidInputException($"Argument 'spacing' would make {rows}×{columns} frames; Rows and Columns are at most {MaxSize}.");
            double[] factor = [spacing[0] / oldI, spacing[1] / oldJ, 1];
            var pixels = image.Reshape((int)rows, (int)columns, eightBit: false, (source, destination, token) =>
            {
                var grid = FrameSamples.ToGrid(source, image.Rows, image.Columns);
                var resampled = TrilinearResampler.Resample(grid, (int)columns, (int)rows, 1, factor, SlabLoop.Silent(token));
                FrameSamples.Store(resampled, destination, image.MinValue, image.MaxValue);
            }, progress, cancellationToken);
            var description = string.Create(CultureInfo.InvariantCulture, $"Resampled (bilinear) to pixel spacing {spacing[1]:0.####}\\{spacing[0]:0.####} mm, imaging.filters");
            var output = DerivedImage.Create(input, pixels, image.PixelDataVR, description);
            PlaneGeometry.Resize(output, (int)rows, (int)columns, spacing[0], spacing[1]);
            return output;
        }, cancellationToken).ConfigureAwait(false);
    }
}
