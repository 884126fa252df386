using System.Globalization;

namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// Reads and checks the Image Pixel Module attributes (PS3.3 §C.7.6.3), Number of Frames (PS3.3 §C.7.6.6) and the
/// pixel data element in use; every problem names the attribute and its value.
/// </summary>
internal static class PixelFormatReader
{
    public static PixelFormat Read(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var pixelTag = PixelDataTag(dataset);
        int rows = Required(dataset, DicomTag.Rows, "Rows");
        int columns = Required(dataset, DicomTag.Columns, "Columns");
        if (rows < 1) throw Bad($"Rows (0028,0010) is {rows}; a frame needs at least one row.");
        if (columns < 1) throw Bad($"Columns (0028,0011) is {columns}; a frame needs at least one column.");
        int samples = Optional(dataset, DicomTag.SamplesPerPixel, "Samples per Pixel", 1);
        if (samples < 1) throw Bad($"Samples per Pixel (0028,0002) is {samples}; it must be at least 1.");
        int allocated = Required(dataset, DicomTag.BitsAllocated, "Bits Allocated");
        bool isFloat = pixelTag != DicomTag.PixelData;
        if (isFloat)
        {
            int needed = pixelTag == DicomTag.FloatPixelData ? 32 : 64;
            if (allocated != needed)
                throw Bad($"Bits Allocated (0028,0100) is {allocated}, but {Name(pixelTag)} holds {needed}-bit values (PS3.3 §C.7.6.24).");
        }
        else if (allocated is not (1 or 8 or 16 or 32))
        {
            throw Bad($"Bits Allocated (0028,0100) {allocated} is not supported for Pixel Data (7FE0,0010): 1, 8, 16 or 32 (PS3.5 §8.1.1).");
        }
        int stored = Optional(dataset, DicomTag.BitsStored, "Bits Stored", allocated);
        if (stored < 1 || stored > allocated)
            throw Bad($"Bits Stored (0028,0101) {stored} contradicts Bits Allocated (0028,0100) {allocated}: it must be 1 to {allocated} (PS3.3 §C.7.6.3.1).");
        int highBit = Optional(dataset, DicomTag.HighBit, "High Bit", stored - 1);
        if (highBit < stored - 1 || highBit >= allocated)
            throw Bad($"High Bit (0028,0102) {highBit} contradicts Bits Stored (0028,0101) {stored} and Bits Allocated (0028,0100) {allocated}: it must be {stored - 1} to {allocated - 1} (PS3.5 §8.1.1).");
        int representation = Optional(dataset, DicomTag.PixelRepresentation, "Pixel Representation", 0);
        if (representation is not (0 or 1))
            throw Bad($"Pixel Representation (0028,0103) {representation} must be 0 (unsigned) or 1 (two's complement).");
        if (!dataset.TryGetString(DicomTag.PhotometricInterpretation, out var photometric) || photometric.Trim().Length == 0)
            throw Bad("the data set has no Photometric Interpretation (0028,0004), which pixel data requires (PS3.3 §C.7.6.3.1.2).");
        photometric = photometric.Trim();
        int planar = samples > 1 ? Optional(dataset, DicomTag.PlanarConfiguration, "Planar Configuration", 0) : 0;
        if (planar is not (0 or 1))
            throw Bad($"Planar Configuration (0028,0006) {planar} must be 0 (color-by-pixel) or 1 (color-by-plane).");
        int frames = NumberOfFrames(dataset);
        return new PixelFormat(rows, columns, samples, allocated, stored, highBit, representation == 1 && !isFloat, photometric, planar, frames, pixelTag);
    }

    private static DicomTag PixelDataTag(DicomDataset dataset)
    {
        var present = new[] { DicomTag.PixelData, DicomTag.FloatPixelData, DicomTag.DoubleFloatPixelData }.Where(dataset.Contains).ToList();
        return present.Count switch
        {
            0 => throw Bad("the data set has no Pixel Data (7FE0,0010), Float Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009)."),
            1 => present[0],
            _ => throw Bad($"the data set has {string.Join(" and ", present.Select(Name))}; only one pixel data element may be present (PS3.3 §C.7.6.3)."),
        };
    }

    private static int NumberOfFrames(DicomDataset dataset)
    {
        if (!dataset.TryGetString(DicomTag.NumberOfFrames, out var text)) return 1;
        text = text.Trim();
        if (text.Length == 0) return 1;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value != Math.Floor(value) || value < 0 || value > int.MaxValue)
            throw Bad($"Number of Frames (0028,0008) '{text}' is not a whole number of frames (IS, PS3.3 §C.7.6.6).");
        return value == 0 ? 1 : (int)value;
    }

    private static int Required(DicomDataset dataset, DicomTag tag, string name)
    {
        if (!dataset.TryGetElement(tag, out var element) || element.Length == 0)
            throw Bad($"the data set has no {name} {tag}, which pixel data requires (PS3.3 §C.7.6.3).");
        return Number(dataset, tag, name);
    }

    private static int Optional(DicomDataset dataset, DicomTag tag, string name, int defaultValue) =>
        dataset.TryGetElement(tag, out var element) && element.Length > 0 ? Number(dataset, tag, name) : defaultValue;

    private static int Number(DicomDataset dataset, DicomTag tag, string name) =>
        dataset.TryGetValue<int>(tag, 0, out var value)
            ? value
            : throw Bad($"{name} {tag} '{dataset.GetString(tag)}' is not a number.");

    private static string Name(DicomTag tag) =>
        tag == DicomTag.PixelData ? "Pixel Data (7FE0,0010)" : tag == DicomTag.FloatPixelData ? "Float Pixel Data (7FE0,0008)" : "Double Float Pixel Data (7FE0,0009)";

    private static DicomException Bad(string message) => new($"pixel data: {message}");
}
