using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Sdk.Capabilities;

/// <summary>
/// Volume filter capability: a <see cref="Volume"/> in, a new volume out (smoothing, thresholding, resampling,
/// cropping). Volumes carry voxels and geometry only, no patient attributes, so no de-identification applies.
/// </summary>
/// <remarks>The input volume is never modified; the output may have a different geometry (resample, crop).</remarks>
public interface IVolumeFilter : ICapability
{
    /// <summary>The arguments the filter understands, for help text and validation.</summary>
    IReadOnlyList<ArgumentDescriptor> Arguments { get; }

    /// <summary>Applies the filter to <paramref name="input"/>.</summary>
    /// <param name="input">The volume; left unchanged.</param>
    /// <param name="arguments">Named arguments (see <see cref="Arguments"/>).</param>
    /// <param name="progress">Receives reports as slabs or passes complete.</param>
    /// <param name="cancellationToken">Stops the filter with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A new volume.</returns>
    /// <exception cref="InvalidInputException">An argument is invalid or the volume cannot be handled; the message says which.</exception>
    Task<Volume> ApplyAsync(Volume input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}
