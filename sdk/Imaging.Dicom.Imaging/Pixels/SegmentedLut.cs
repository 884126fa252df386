namespace Imaging.Dicom.Imaging.Pixels;

/// <summary>
/// Expands Segmented Palette Color Lookup Table Data (PS3.3 §C.7.9.2): discrete segments (type 0, §C.7.9.2.1) copy
/// their entries, linear segments (type 1, §C.7.9.2.2) interpolate from the previous entry to their end value, and
/// indirect segments (type 2, §C.7.9.2.3) replay earlier segments found by a 32-bit offset. The interpolation rounds
/// half to even and the offset counts entries, as pydicom and GDCM read them.
/// </summary>
internal static class SegmentedLut
{
    /// <summary>The most entries a palette holds (a descriptor's 0 means 2^16).</summary>
    private const int MaxEntries = 65536;

    public static ushort[] Expand(ReadOnlySpan<ushort> data, bool eightBit, string name)
    {
        var lut = new List<ushort>();
        Expand(data, 0, int.MaxValue, lut, eightBit, name, depth: 0);
        return [.. lut];
    }

    private static void Expand(ReadOnlySpan<ushort> data, int offset, int maxSegments, List<ushort> lut, bool eightBit, string name, int depth)
    {
        if (depth > 8) throw Bad(name, "indirect segments nest more than 8 deep (a loop?).");
        int segments = 0;
        while (offset + 1 < data.Length && segments < maxSegments)
        {
            int opcode = data[offset], length = data[offset + 1];
            offset += 2;
            switch (opcode)
            {
                case 0:
                    if (offset + length > data.Length) throw Bad(name, $"a discrete segment of {length} entries at entry {offset - 2} runs past the data's {data.Length} entries.");
                    for (int i = 0; i < length; i++) lut.Add(data[offset + i]);
                    offset += length;
                    break;
                case 1:
                    if (lut.Count == 0) throw Bad(name, "the first segment is a linear segment, which needs a previous entry (PS3.3 §C.7.9.2.2).");
                    if (offset >= data.Length) throw Bad(name, $"the linear segment at entry {offset - 2} has no end value.");
                    Linear(lut, lut[^1], data[offset++], length);
                    break;
                case 2:
                    if (lut.Count == 0) throw Bad(name, "the first segment is an indirect segment (PS3.3 §C.7.9.2.3).");
                    long target;
                    if (eightBit)
                    {
                        if (offset + 4 > data.Length) throw Bad(name, $"the indirect segment at entry {offset - 2} is truncated.");
                        // Bytes of two little endian 16-bit words: least significant word first.
                        target = (long)(data[offset + 3] << 8 | data[offset + 2]) << 16 | (uint)(data[offset + 1] << 8 | data[offset]);
                        offset += 4;
                    }
                    else
                    {
                        if (offset + 2 > data.Length) throw Bad(name, $"the indirect segment at entry {offset - 2} is truncated.");
                        target = (long)data[offset + 1] << 16 | data[offset];
                        offset += 2;
                    }
                    if (target >= data.Length) throw Bad(name, $"an indirect segment points to entry {target}, past the data's {data.Length} entries.");
                    Expand(data, (int)target, length, lut, eightBit, name, depth + 1);
                    break;
                default:
                    throw Bad(name, $"unknown segment type {opcode} at entry {offset - 2} (0 discrete, 1 linear, 2 indirect; PS3.3 §C.7.9.2).");
            }
            if (lut.Count > MaxEntries) throw Bad(name, $"the segments expand to more than {MaxEntries} entries.");
            segments++;
        }
    }

    // numpy.around(numpy.linspace(y0 + step, y1, length)) with step = (y1 - y0) / length, as pydicom computes it.
    private static void Linear(List<ushort> lut, int y0, int y1, int length)
    {
        if (y0 == y1)
        {
            for (int i = 0; i < length; i++) lut.Add((ushort)y1);
            return;
        }
        double step = (double)(y1 - y0) / length;
        double start = y0 + step;
        if (length == 1)
        {
            lut.Add((ushort)Math.Round(start, MidpointRounding.ToEven));
            return;
        }
        double delta = y1 - start, inner = delta / (length - 1);
        for (int i = 0; i < length - 1; i++) lut.Add((ushort)Math.Round(i * inner + start, MidpointRounding.ToEven));
        lut.Add((ushort)y1);
    }

    private static DicomException Bad(string name, string problem) => new($"PALETTE COLOR: {name}: {problem}");
}
