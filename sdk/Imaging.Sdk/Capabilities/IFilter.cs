using Imaging.Dicom;

namespace Imaging.Sdk.Capabilities;

/// <summary>
/// Filter capability on instances: an image (every frame of a data set's Pixel Data) in, a new image out, with the
/// header carried over and the derivation recorded (PS3.3 C.7.6.1.1.2 Image Type DERIVED, Derivation Description).
/// </summary>
/// <remarks>The input data set is never modified. Filters on volumes arrive with the volume model (its own contract).</remarks>
public interface IFilter : ICapability
{
    /// <summary>The arguments the filter understands, for help text and validation.</summary>
    IReadOnlyList<ArgumentDescriptor> Arguments { get; }

    /// <summary>Applies the filter to <paramref name="input"/>.</summary>
    /// <param name="input">A data set with native (uncompressed) Pixel Data.</param>
    /// <param name="arguments">Named arguments (see <see cref="Arguments"/>).</param>
    /// <param name="progress">Receives one report per frame.</param>
    /// <param name="cancellationToken">Stops the filter with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A new data set holding the filtered image.</returns>
    /// <exception cref="InvalidInputException">The data set has no pixel data, or pixel data the filter cannot handle, or an argument is invalid.</exception>
    Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}
