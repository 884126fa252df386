using System.Globalization;
using System.Runtime.CompilerServices;
using Imaging.Dicom;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Derivation;
using Imaging.Plugins.Filters.Pixels;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Invert;

/// <summary>
/// The <c>invert</c> filter: maps every stored value v of native monochrome Pixel Data (PS3.3 C.7.6.3) to
/// min + max − v, where [min, max] is the range Bits Stored and Pixel Representation allow (0..4095 for 12-bit
/// unsigned, −32768..32767 for 16-bit signed). Applying it twice gives the input's pixels back. The output is a new data
/// set recorded as DERIVED (PS3.3 C.7.6.1.1.2, C.7.6.1.1.3) with a new SOP Instance UID.
/// </summary>
public sealed class InvertFilter : IFilter
{
    /// <inheritdoc />
    public string Name => "invert";

    /// <inheritdoc />
    public string Description => "Inverts stored pixel values over their range (min + max - v); monochrome images.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } = [];

    /// <inheritdoc />
    public async Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        KnownArguments.CheckCall(Name, arguments, Arguments, cancellationToken);
        // Reading the pixel description may read deferred Pixel Data from its file: off the caller's thread too.
        return await Task.Run(() => Invert(input, MonochromeImage.From(input, Name), progress, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static DicomDataset Invert(DicomDataset input, MonochromeImage image, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        int sum = image.MinValue + image.MaxValue;
        var pixels = image.Apply((source, destination, _) => Complement(source, destination, sum), progress, cancellationToken);
        var description = string.Create(CultureInfo.InvariantCulture, $"Inverted stored values over [{image.MinValue}, {image.MaxValue}], imaging.filters");
        return DerivedImage.Create(input, pixels, image.PixelDataVR, description);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop, often run once: skip tier-0 code
    private static void Complement(int[] source, int[] destination, int sum)
    {
        for (int i = 0; i < source.Length; i++) destination[i] = sum - source[i];
    }
}
