using System.Globalization;
using Imaging.Dicom;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Plugins.Filters.Derivation;
using Imaging.Plugins.Filters.Pixels;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Crop;

/// <summary>
/// The <c>crop</c> filter on instances: keeps <c>rows=a:b</c> and <c>columns=a:b</c> (<see cref="IndexRange"/>: Python
/// slicing, stop excluded) of every frame. Rows and Columns are updated and Image Position (Patient) moves to the first
/// kept pixel, + column·Δi·Row + row·Δj·Column (PS3.3 §C.7.6.2.1.1, Pixel Spacing and Image Orientation; removed when
/// those are missing). Per-frame functional groups of enhanced objects are not updated. The output is a DERIVED image
/// (PS3.3 C.7.6.1.1.2) with a new SOP Instance UID and the input's pixel format.
/// </summary>
public sealed class CropFilter : IFilter
{
    /// <inheritdoc />
    public string Name => "crop";

    /// <inheritdoc />
    public string Description => "Crop frames to rows=a:b and columns=a:b (Python slicing); Image Position (Patient) follows.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } =
    [
        new("rows", "Range of rows kept, start:stop with stop excluded; negative counts from the end.", ":"),
        new("columns", "Range of columns kept, start:stop with stop excluded.", ":"),
    ];

    /// <inheritdoc />
    public async Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        KnownArguments.CheckCall(Name, arguments, Arguments, cancellationToken);
        return await Task.Run(() =>
        {
            var image = MonochromeImage.From(input, Name);
            var rows = IndexRange.Read(arguments, "rows", image.Rows);
            var columns = IndexRange.Read(arguments, "columns", image.Columns);
            var pixels = image.Reshape(rows.Count, columns.Count, eightBit: false, (source, destination, _) =>
            {
                for (int y = 0; y < rows.Count; y++)
                    Array.Copy(source, (rows.Start + y) * image.Columns + columns.Start, destination, y * columns.Count, columns.Count);
            }, progress, cancellationToken);
            var description = string.Create(CultureInfo.InvariantCulture,
                $"Cropped to rows {rows.Start}:{rows.Start + rows.Count}, columns {columns.Start}:{columns.Start + columns.Count}, imaging.filters");
            var output = DerivedImage.Create(input, pixels, image.PixelDataVR, description);
            PlaneGeometry.Resize(output, rows.Count, columns.Count);
            PlaneGeometry.From(input).MoveOrigin(output, columns.Start, rows.Start);
            return output;
        }, cancellationToken).ConfigureAwait(false);
    }
}
