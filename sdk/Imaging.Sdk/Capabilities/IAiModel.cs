using Imaging.Dicom;

namespace Imaging.Sdk.Capabilities;

/// <summary>
/// AI model capability: a series in, segmentations and measurements out, written back as DICOM (Segmentation,
/// PS3.3 A.51; Structured Report, PS3.3 A.35).
/// </summary>
public interface IAiModel : ICapability
{
    /// <summary>The modalities the model accepts (e.g. <c>CT</c>); empty when any.</summary>
    IReadOnlyList<string> Modalities { get; }

    /// <summary>The arguments the model understands.</summary>
    IReadOnlyList<ArgumentDescriptor> Arguments { get; }

    /// <summary>Runs the model on the instances of one series; the inputs are not modified.</summary>
    /// <param name="series">The instances of one series (any order; the model sorts by geometry).</param>
    /// <param name="arguments">Named arguments (see <see cref="Arguments"/>).</param>
    /// <param name="progress">Receives reports as slices or patches are processed.</param>
    /// <param name="cancellationToken">Stops with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="InvalidInputException">The series is not something the model accepts.</exception>
    Task<ModelResult> RunAsync(IReadOnlyList<DicomDataset> series, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}
