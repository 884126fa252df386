using System.Globalization;
using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Contoso.Histogram;

/// <summary>
/// An AI-model-shaped measurement: the intensity histogram of a series in modality units (PS3.3 C.11.1.1.2), with count,
/// minimum, maximum, mean and standard deviation. Produces measurements only (no derived instances).
/// </summary>
/// <remarks>
/// Measurements: <c>histogram.count</c>, <c>histogram.min</c>, <c>histogram.max</c>, <c>histogram.mean</c>,
/// <c>histogram.stddev</c>, <c>histogram.low</c>, <c>histogram.high</c>, <c>histogram.bin_width</c> and
/// <c>histogram.bin.000</c> … one count per bin; bins are [low + i·width, low + (i+1)·width), the last one closed.
/// </remarks>
public sealed class HistogramModel : IAiModel
{
    /// <summary>The most bins one call accepts.</summary>
    public const int MaxBins = 1000;

    /// <inheritdoc />
    public string Name => "histogram";

    /// <inheritdoc />
    public string Description => "Intensity histogram and statistics of a series, in modality units.";

    /// <inheritdoc />
    public IReadOnlyList<string> Modalities { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new ArgumentDescriptor("bins", $"Number of bins (1 to {MaxBins}).", "16"),
        new ArgumentDescriptor("low", "Lower edge of the first bin in modality units; the series minimum when not given.", null),
        new ArgumentDescriptor("high", "Upper edge of the last bin in modality units; the series maximum when not given.", null),
    ];

    /// <inheritdoc />
    public Task<ModelResult> RunAsync(IReadOnlyList<DicomDataset> series, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(arguments);
        return Task.Run(() => Run(series, arguments, progress, cancellationToken), cancellationToken);
    }

    private static ModelResult Run(IReadOnlyList<DicomDataset> series, CapabilityArguments arguments, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        if (series.Count == 0) throw new InvalidInputException("The histogram needs at least one image.");
        int bins = arguments.GetInt32("bins", 16);
        if (bins is < 1 or > MaxBins) throw new InvalidInputException($"Argument 'bins' must be between 1 and {MaxBins}, not {bins}.");

        // Pass 1: statistics (Welford's running mean and variance).
        long count = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, mean = 0, m2 = 0;
        for (int s = 0; s < series.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = ModalityImage.Read(series[s] ?? throw new InvalidInputException($"Instance {s} of the series is null."));
            foreach (var frame in image.Frames)
            {
                foreach (int stored in frame)
                {
                    double v = image.ToModality(stored);
                    count++;
                    double delta = v - mean;
                    mean += delta / count;
                    m2 += delta * (v - mean);
                    if (v < min) min = v;
                    if (v > max) max = v;
                }
            }
            progress?.Report(new ProgressReport(s + 1, 2L * series.Count, "histogram: statistics"));
        }

        double low = arguments.GetDouble("low", min);
        double high = arguments.GetDouble("high", max);
        if (low > high) throw new InvalidInputException($"'low' ({low}) is above 'high' ({high}).");
        double width = high > low ? (high - low) / bins : 1;

        // Pass 2: bin counts; values outside [low, high] are not counted.
        var counts = new long[bins];
        for (int s = 0; s < series.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = ModalityImage.Read(series[s]);
            foreach (var frame in image.Frames)
            {
                foreach (int stored in frame)
                {
                    double v = image.ToModality(stored);
                    if (v < low || v > high) continue;
                    counts[Math.Min((int)((v - low) / width), bins - 1)]++;
                }
            }
            progress?.Report(new ProgressReport(series.Count + s + 1, 2L * series.Count, "histogram: bins"));
        }

        var measurements = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["histogram.count"] = count,
            ["histogram.min"] = min,
            ["histogram.max"] = max,
            ["histogram.mean"] = mean,
            ["histogram.stddev"] = count > 0 ? Math.Sqrt(m2 / count) : 0,
            ["histogram.low"] = low,
            ["histogram.high"] = high,
            ["histogram.bin_width"] = width,
        };
        for (int i = 0; i < bins; i++) measurements["histogram.bin." + i.ToString("D3", CultureInfo.InvariantCulture)] = counts[i];
        return new ModelResult([], measurements);
    }
}
