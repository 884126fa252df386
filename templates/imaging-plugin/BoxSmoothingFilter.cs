using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Acme.Smoothing;

/// <summary>
/// A 3x3 box (mean) filter: each pixel becomes the rounded mean of itself and its eight neighbours, the border repeated
/// past the edges. Works on every frame of a native monochrome image and records the derivation
/// (PS3.3 C.7.6.1.1.2 Image Type DERIVED; Derivation Description (0008,2111)).
/// </summary>
public sealed class BoxSmoothingFilter : IFilter
{
    /// <summary>The most passes one call accepts.</summary>
    public const int MaxPasses = 10;

    /// <inheritdoc />
    /// <remarks>Capability names must be unique across installed plugins: rename it when you write your own filter.</remarks>
    public string Name => "box-smooth";

    /// <inheritdoc />
    public string Description => "3x3 box (mean) smoothing of monochrome images.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new ArgumentDescriptor("passes", $"How many times the 3x3 mean is applied (1 to {MaxPasses}).", "1"),
    ];

    /// <inheritdoc />
    public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(arguments);
        // CPU-bound work: run it off the caller's thread; a token cancelled before the start gives a cancelled task.
        return Task.Run(() => Apply(input, arguments, progress, cancellationToken), cancellationToken);
    }

    private DicomDataset Apply(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        int passes = arguments.GetInt32("passes", 1);
        if (passes is < 1 or > MaxPasses)
            throw new InvalidInputException($"Argument 'passes' must be between 1 and {MaxPasses}, not {passes}.");

        var image = MonochromeImage.Read(input);
        var smoothed = new int[image.Frames.Length][];
        for (int f = 0; f < image.Frames.Length; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frame = image.Frames[f];
            for (int p = 0; p < passes; p++) frame = Smooth(frame, image.Rows, image.Columns, cancellationToken);
            smoothed[f] = frame;
            progress?.Report(new ProgressReport(f + 1, image.Frames.Length, $"{Name}: frame {f + 1} of {image.Frames.Length}"));
        }

        // The input is never modified: work on a copy.
        var output = input.Clone();
        image.WriteTo(output, smoothed);
        MarkDerived(input, output, $"3x3 box smoothing, {passes} pass(es)");
        return output;
    }

    /// <summary>One pass of the 3x3 mean, rounding half away from zero; edges repeat the border pixel.</summary>
    private static int[] Smooth(int[] source, int rows, int columns, CancellationToken cancellationToken)
    {
        var result = new int[source.Length];
        for (int y = 0; y < rows; y++)
        {
            if ((y & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
            for (int x = 0; x < columns; x++)
            {
                long sum = 0;
                for (int dy = -1; dy <= 1; dy++)
                {
                    int row = Math.Clamp(y + dy, 0, rows - 1) * columns;
                    for (int dx = -1; dx <= 1; dx++) sum += source[row + Math.Clamp(x + dx, 0, columns - 1)];
                }
                result[y * columns + x] = (int)Math.Round(sum / 9.0, MidpointRounding.AwayFromZero);
            }
        }
        return result;
    }

    /// <summary>
    /// Image Type value 1 becomes DERIVED (PS3.3 C.7.6.1.1.2), the derivation is appended to Derivation Description,
    /// and the new image gets its own SOP Instance UID (PS3.3 C.12.1.1.1).
    /// </summary>
    private static void MarkDerived(DicomDataset input, DicomDataset output, string derivation)
    {
        var imageType = input.TryGetValues<string>(DicomTag.ImageType, out var values) && values is { Length: >= 2 }
            ? values
            : ["DERIVED", "SECONDARY"];
        imageType[0] = "DERIVED";
        output.AddOrUpdate(DicomTag.ImageType, imageType);

        var previous = input.TryGetString(DicomTag.DerivationDescription, out var text) && !string.IsNullOrWhiteSpace(text) ? text + "; " : "";
        output.AddOrUpdate(DicomTag.DerivationDescription, previous + derivation);
        output.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate().Value);
    }
}
