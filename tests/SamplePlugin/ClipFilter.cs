using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Contoso.Histogram;

/// <summary>
/// Clamps every pixel to [<c>low</c>, <c>high</c>], given in modality units (HU for CT; PS3.3 C.11.1.1.2), and records
/// the derivation (PS3.3 C.7.6.1.1.2 Image Type DERIVED, Derivation Description).
/// </summary>
public sealed class ClipFilter : IFilter
{
    /// <inheritdoc />
    public string Name => "clip";

    /// <inheritdoc />
    public string Description => "Clamps pixel values to [low, high] in modality units (e.g. HU).";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new ArgumentDescriptor("low", "The lowest value kept, in modality units; lower pixels become it.", "-1024"),
        new ArgumentDescriptor("high", "The highest value kept, in modality units; higher pixels become it.", "3071"),
    ];

    /// <inheritdoc />
    public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(arguments);
        return Task.Run(() => Apply(input, arguments, progress, cancellationToken), cancellationToken);
    }

    private DicomDataset Apply(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        // The defaults span the usual 12-bit CT range (-1024 to 3071 HU), so clipping without arguments leaves CT images as they are.
        double low = arguments.GetDouble("low", -1024);
        double high = arguments.GetDouble("high", 3071);
        if (low > high) throw new InvalidInputException($"'low' ({low}) is above 'high' ({high}).");

        var image = ModalityImage.Read(input);
        // A negative slope reverses the order of stored values.
        int a = image.ToStored(low), b = image.ToStored(high);
        int lowStored = Math.Min(a, b), highStored = Math.Max(a, b);

        var clipped = new int[image.Frames.Length][];
        for (int f = 0; f < image.Frames.Length; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = image.Frames[f];
            var frame = new int[source.Length];
            for (int i = 0; i < source.Length; i++) frame[i] = Math.Clamp(source[i], lowStored, highStored);
            clipped[f] = frame;
            progress?.Report(new ProgressReport(f + 1, image.Frames.Length, $"clip: frame {f + 1} of {image.Frames.Length}"));
        }

        var output = input.Clone();
        image.WriteTo(output, clipped);
        // The old extremes no longer hold (and their VR follows Pixel Representation): drop them rather than lie.
        output.Remove(DicomTag.SmallestImagePixelValue, DicomTag.LargestImagePixelValue);
        var imageType = input.TryGetValues<string>(DicomTag.ImageType, out var values) && values is { Length: >= 2 } ? values : ["DERIVED", "SECONDARY"];
        imageType[0] = "DERIVED";
        output.AddOrUpdate(DicomTag.ImageType, imageType);
        var previous = input.TryGetString(DicomTag.DerivationDescription, out var text) && !string.IsNullOrWhiteSpace(text) ? text + "; " : "";
        output.AddOrUpdate(DicomTag.DerivationDescription, $"{previous}clipped to [{low}, {high}]");
        output.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate().Value);
        return output;
    }
}
