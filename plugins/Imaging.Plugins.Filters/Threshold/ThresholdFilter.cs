using Imaging.Dicom;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Derivation;
using Imaging.Plugins.Filters.Pixels;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Threshold;

/// <summary>
/// The <c>threshold</c> filter on instances (<see cref="ThresholdRule"/>), on modality values (stored values through
/// Rescale Slope/Intercept, PS3.3 §C.11.1.1.2: Hounsfield units for CT). Mode <c>mask</c> (default) writes stored 1
/// inside and 0 outside and sets Rescale Slope/Intercept to 1/0 where present (the values are the mask); mode
/// <c>clip</c> clamps each pixel's modality value into [lower, upper] by clamping its stored value into the stored
/// values that map inside (rescale kept). Window attributes are removed (they described the old values). The output
/// is a DERIVED image (PS3.3 C.7.6.1.1.2) with a new SOP Instance UID; the pixel format is the input's.
/// </summary>
public sealed class ThresholdFilter : IFilter
{
    /// <inheritdoc />
    public string Name => "threshold";

    /// <inheritdoc />
    public string Description => "Threshold of modality values: a 0/1 mask of lower <= v <= upper, or (mode=clip) values clamped into [lower, upper].";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => ThresholdRule.Descriptors;

    /// <inheritdoc />
    public async Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        KnownArguments.CheckCall(Name, arguments, Arguments, cancellationToken);
        var rule = ThresholdRule.Read(arguments);
        return await Task.Run(() =>
        {
            var image = MonochromeImage.From(input, Name);
            var rescale = ModalityRescale.From(input);
            // In clip mode, the stored values whose modality values lie in [lower, upper] (the slope may be negative).
            double a = rescale.ToStored(rule.Lower), b = rescale.ToStored(rule.Upper);
            int low = (int)Math.Clamp(Math.Ceiling(Math.Min(a, b)), image.MinValue, image.MaxValue);
            int high = (int)Math.Clamp(Math.Floor(Math.Max(a, b)), image.MinValue, image.MaxValue);
            var pixels = image.Apply((source, destination, _) =>
            {
                for (int n = 0; n < source.Length; n++)
                {
                    destination[n] = rule.Clip
                        ? Math.Clamp(source[n], low, Math.Max(low, high))
                        : (int)rule.Apply(rescale.ToModality(source[n]));
                }
            }, progress, cancellationToken);
            var output = DerivedImage.Create(input, pixels, image.PixelDataVR, $"Threshold, {rule} of modality values, imaging.filters");
            if (!rule.Clip) ModalityRescale.ResetToIdentity(output);
            output.Remove(DicomTag.WindowCenter, DicomTag.WindowWidth, DicomTag.WindowCenterWidthExplanation, DicomTag.VOILUTSequence, DicomTag.PixelPaddingValue);
            return output;
        }, cancellationToken).ConfigureAwait(false);
    }
}
