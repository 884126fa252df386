using System.Buffers.Binary;

namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// A Palette Color Lookup Table (PS3.3 §C.7.6.3.1.5, §C.7.6.3.1.6), normal or segmented (PS3.3 §C.7.9.2): stored
/// values below the first mapped value take the first entry, those past the last entry the last one. Entries are 8 or
/// 16 bits; the RGB frame has the entries' width. Follows pydicom's <c>apply_color_lut</c> where the standard leaves room.
/// </summary>
internal sealed class Palette
{
    private readonly int _firstMapped;
    private readonly ushort[][] _luts;
    private readonly bool _eightBit;

    private Palette(int firstMapped, ushort[][] luts, bool eightBit)
    {
        _firstMapped = firstMapped;
        _luts = luts;
        _eightBit = eightBit;
    }

    /// <summary>Reads the red, green and blue descriptors and (segmented) data.</summary>
    /// <exception cref="DicomException">A descriptor or table is missing or malformed; the message names it.</exception>
    public static Palette FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var (entries, firstMapped, nominalBits) = Descriptor(dataset, DicomTag.RedPaletteColorLookupTableDescriptor, "Red");
        var luts = new ushort[3][];
        bool eightBit;
        var normal = new[] { DicomTag.RedPaletteColorLookupTableData, DicomTag.GreenPaletteColorLookupTableData, DicomTag.BluePaletteColorLookupTableData };
        var segmented = new[] { DicomTag.SegmentedRedPaletteColorLookupTableData, DicomTag.SegmentedGreenPaletteColorLookupTableData, DicomTag.SegmentedBluePaletteColorLookupTableData };
        string[] names = ["Red", "Green", "Blue"];
        if (dataset.Contains(normal[0]))
        {
            // The entry width is what the data holds per entry (8-bit entries may come packed in bytes), as pydicom reads it.
            var bytes0 = Bytes(dataset, normal[0], "Red Palette Color Lookup Table Data");
            long depth = bytes0.Length * 8L / entries;
            if (depth is not (8 or 16) || bytes0.Length * 8L % entries != 0)
                throw Bad($"Red Palette Color Lookup Table Data {normal[0]} holds {bytes0.Length} bytes for {entries} entries: 8 or 16 bits per entry are allowed (PS3.3 §C.7.6.3.1.6).");
            eightBit = depth == 8;
            for (int c = 0; c < 3; c++)
            {
                var bytes = c == 0 ? bytes0 : Bytes(dataset, normal[c], $"{names[c]} Palette Color Lookup Table Data");
                if (bytes.Length != bytes0.Length)
                    throw Bad($"{names[c]} Palette Color Lookup Table Data {normal[c]} holds {bytes.Length} bytes, Red {bytes0.Length}; the tables must have the same length.");
                luts[c] = eightBit ? [.. bytes.Select(b => (ushort)b)] : Words(bytes);
            }
            // PS3.3 §C.7.6.3.1.5: a descriptor of 8 bits with one 16-bit word per entry holds 8-bit values in the low byte.
            // Read them as an 8-bit palette (as dcmtk does), unless the words hold larger values (then the descriptor is wrong).
            if (!eightBit && nominalBits == 8 && luts.All(l => l.All(v => v <= byte.MaxValue))) eightBit = true;
        }
        else if (dataset.Contains(segmented[0]))
        {
            if (nominalBits is not (8 or 16))
                throw Bad($"Red Palette Color Lookup Table Descriptor gives {nominalBits} bits per entry; 8 or 16 are allowed (PS3.3 §C.7.6.3.1.5).");
            eightBit = nominalBits == 8;
            for (int c = 0; c < 3; c++)
            {
                var bytes = Bytes(dataset, segmented[c], $"Segmented {names[c]} Palette Color Lookup Table Data");
                ushort[] words = eightBit ? [.. bytes.Select(b => (ushort)b)] : Words(bytes);
                luts[c] = SegmentedLut.Expand(words, eightBit, $"Segmented {names[c]} Palette Color Lookup Table Data {segmented[c]}");
            }
            if (luts[1].Length != luts[0].Length || luts[2].Length != luts[0].Length)
                throw Bad($"the segmented palettes expand to {luts[0].Length}, {luts[1].Length} and {luts[2].Length} entries; they must be the same length.");
            entries = luts[0].Length;
        }
        else
        {
            throw Bad("the data set has neither Red Palette Color Lookup Table Data (0028,1201) nor Segmented Red Palette Color Lookup Table Data (0028,1221) (PS3.3 §C.7.6.3.1.6, §C.7.9).");
        }
        if (luts[0].Length < 1) throw Bad("the palette has no entries.");
        return new Palette(firstMapped, luts, eightBit);
    }

    /// <summary>The frame's stored values mapped through the palette: an RGB frame of 8- or 16-bit samples.</summary>
    public Frame Apply(Frame frame)
    {
        var format = frame.Format;
        if (format.SamplesPerPixel != 1)
            throw Bad($"a PALETTE COLOR frame has one sample per pixel, not {format.SamplesPerPixel} (PS3.3 §C.7.6.3.1.2).");
        var values = frame.ToDoubles();
        int last = _luts[0].Length - 1;
        int bits = _eightBit ? 8 : 16;
        var rgbFormat = format with
        {
            SamplesPerPixel = 3, BitsAllocated = bits, BitsStored = bits, HighBit = bits - 1, IsSigned = false,
            PhotometricInterpretation = "RGB", PlanarConfiguration = 0, PixelDataTag = DicomTag.PixelData,
        };
        if (_eightBit)
        {
            var rgb = new byte[values.Length * 3];
            for (int i = 0; i < values.Length; i++)
            {
                int index = Index(values[i], last);
                for (int c = 0; c < 3; c++) rgb[i * 3 + c] = (byte)_luts[c][index];
            }
            return new Frame(rgbFormat, rgb);
        }
        var rgb16 = new ushort[values.Length * 3];
        for (int i = 0; i < values.Length; i++)
        {
            int index = Index(values[i], last);
            for (int c = 0; c < 3; c++) rgb16[i * 3 + c] = _luts[c][index];
        }
        return new Frame(rgbFormat, rgb16);
    }

    private int Index(double value, int last) => value < _firstMapped ? 0 : (int)Math.Min(value - _firstMapped, last);

    private static (int Entries, int FirstMapped, int Bits) Descriptor(DicomDataset dataset, DicomTag tag, string color)
    {
        if (!dataset.TryGetValues<int>(tag, out var values) || values.Length < 3)
            throw Bad($"the data set has no three-valued {color} Palette Color Lookup Table Descriptor {tag}, which PALETTE COLOR requires (PS3.3 §C.7.6.3.1.5).");
        int entries = values[0] & 0xFFFF;
        if (entries == 0) entries = 65536;
        // The first mapped value is US for unsigned pixels and SS for signed ones; either may have been read as the other.
        bool signed = dataset.GetValueOrDefault(DicomTag.PixelRepresentation, 0, 0) == 1;
        int first = values[1];
        if (signed && first > short.MaxValue) first -= 65536;
        else if (!signed && first < 0) first += 65536;
        return (entries, first, values[2]);
    }

    private static byte[] Bytes(DicomDataset dataset, DicomTag tag, string name) =>
        dataset.TryGetElement(tag, out var element) && element.Length > 0
            ? element.Buffer.Memory.ToArray()
            : throw Bad($"the data set has no {name} {tag}.");

    private static ushort[] Words(byte[] bytes)
    {
        var words = new ushort[bytes.Length / 2];
        for (int i = 0; i < words.Length; i++) words[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2));
        return words;
    }

    private static DicomException Bad(string message) => new($"PALETTE COLOR: {message}");
}
