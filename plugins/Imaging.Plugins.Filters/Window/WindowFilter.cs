using Imaging.Dicom;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Derivation;
using Imaging.Plugins.Filters.Pixels;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Window;

/// <summary>
/// The <c>window</c> filter on instances: stored values → modality values (Rescale Slope/Intercept, PS3.3 §C.11.1.1.2)
/// → VOI LUT Function LINEAR (PS3.3 §C.11.2.1.2.1, <see cref="LinearWindow"/>) → an 8-bit MONOCHROME2 image (Bits
/// Allocated/Stored 8, High Bit 7, unsigned; MONOCHROME1 input is inverted so that it looks the same). <c>center</c> and
/// <c>width</c> default to the first Window Center/Width of the data set, else to the range of its modality values.
/// Rescale becomes 1/0 where present; window, VOI LUT and padding attributes are removed. The output is a DERIVED
/// image (PS3.3 C.7.6.1.1.2) with a new SOP Instance UID.
/// </summary>
public sealed class WindowFilter : IFilter
{
    /// <inheritdoc />
    public string Name => "window";

    /// <inheritdoc />
    public string Description => "Window/level (LINEAR, PS3.3 C.11.2.1.2) to an 8-bit MONOCHROME2 image; defaults to the data set's window.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => LinearWindow.Descriptors;

    /// <inheritdoc />
    public async Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        KnownArguments.CheckCall(Name, arguments, Arguments, cancellationToken);
        _ = LinearWindow.Read(arguments, () => new LinearWindow(0, 1)); // argument errors before any pixel is read
        return await Task.Run(() =>
        {
            var image = MonochromeImage.From(input, Name);
            var rescale = ModalityRescale.From(input);
            var window = LinearWindow.Read(arguments, () => DefaultWindow(input, image, rescale));
            bool invert = input.TryGetString(DicomTag.PhotometricInterpretation, out var p) && p.Trim() == "MONOCHROME1";
            var pixels = image.Reshape(image.Rows, image.Columns, eightBit: true, (source, destination, _) =>
            {
                for (int n = 0; n < source.Length; n++)
                {
                    byte y = window.Apply(rescale.ToModality(source[n]));
                    destination[n] = invert ? 255 - y : y;
                }
            }, progress, cancellationToken);
            var output = DerivedImage.Create(input, pixels, DicomVR.OB, $"Window {window} (LINEAR) to 8 bits, imaging.filters");
            output.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
            output.AddOrUpdate(DicomTag.BitsAllocated, (ushort)8);
            output.AddOrUpdate(DicomTag.BitsStored, (ushort)8);
            output.AddOrUpdate(DicomTag.HighBit, (ushort)7);
            output.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)0);
            ModalityRescale.ResetToIdentity(output);
            output.Remove(DicomTag.WindowCenter, DicomTag.WindowWidth, DicomTag.WindowCenterWidthExplanation, DicomTag.VOILUTSequence,
                DicomTag.VOILUTFunction, DicomTag.PixelPaddingValue, DicomTag.PixelPaddingRangeLimit);
            return output;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static LinearWindow DefaultWindow(DicomDataset input, MonochromeImage image, ModalityRescale rescale)
    {
        if (input.TryGetValue<double>(DicomTag.WindowCenter, 0, out var c) && input.TryGetValue<double>(DicomTag.WindowWidth, 0, out var w) && w >= 1)
            return new LinearWindow(c, w);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int f = 0; f < image.Frames; f++)
        {
            foreach (var v in image.ReadFrame(f))
            {
                double m = rescale.ToModality(v);
                min = Math.Min(min, m);
                max = Math.Max(max, m);
            }
        }
        return LinearWindow.Spanning(min, max);
    }
}
