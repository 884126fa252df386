using System.Buffers.Binary;

namespace Imaging.Dicom.Imaging.Lut;

/// <summary>
/// A lookup table as the Modality LUT Sequence and VOI LUT Sequence items carry it (PS3.3 §C.11.1.1.1,
/// §C.11.2.1.1): LUT Descriptor (number of entries, 0 meaning 65536; first input value mapped; bits per entry) and
/// LUT Data. Inputs below the first mapped value map to the first entry, inputs past the last entry to the last one.
/// </summary>
public sealed class LookupTable
{
    private readonly ushort[] _entries;

    /// <summary>Creates a table from its descriptor values and entries.</summary>
    /// <param name="firstMappedValue">The input value mapped to the first entry (second LUT Descriptor value).</param>
    /// <param name="bitsPerEntry">Bits of each entry, 1 to 16 (third LUT Descriptor value).</param>
    /// <param name="entries">The LUT Data, one value per entry.</param>
    /// <param name="explanation">(0028,3003) LUT Explanation, if any.</param>
    /// <exception cref="ArgumentException">No entries, or <paramref name="bitsPerEntry"/> outside 1 to 16.</exception>
    public LookupTable(int firstMappedValue, int bitsPerEntry, IReadOnlyList<ushort> entries, string? explanation = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) throw new ArgumentException("a lookup table needs at least one entry.", nameof(entries));
        ArgumentOutOfRangeException.ThrowIfLessThan(bitsPerEntry, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitsPerEntry, 16);
        FirstMappedValue = firstMappedValue;
        BitsPerEntry = bitsPerEntry;
        _entries = [.. entries];
        Explanation = explanation;
    }

    /// <summary>The input value mapped to the first entry (PS3.3 §C.11.1.1.1: US or SS after Pixel Representation).</summary>
    public int FirstMappedValue { get; }

    /// <summary>Bits per entry (third LUT Descriptor value): 8 to 16 in practice.</summary>
    public int BitsPerEntry { get; }

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Length;

    /// <summary>The entries.</summary>
    public IReadOnlyList<ushort> Entries => _entries;

    /// <summary>The largest value an entry may hold, 2^<see cref="BitsPerEntry"/> − 1: the top of the table's output range.</summary>
    public int MaxOutput => (1 << BitsPerEntry) - 1;

    /// <summary>(0028,3003) LUT Explanation, if the item had one.</summary>
    public string? Explanation { get; }

    /// <summary>
    /// Maps an input value: entry ⌊<paramref name="value"/> − first mapped⌋, clamped to the first and last entries
    /// (PS3.3 §C.11.1.1.1, §C.11.2.1.1; like pydicom's <c>apply_modality_lut</c> / <c>apply_voi</c>).
    /// </summary>
    public ushort Lookup(double value)
    {
        double index = Math.Floor(value - FirstMappedValue);
        if (!(index > 0)) return _entries[0];
        return index >= _entries.Length - 1 ? _entries[^1] : _entries[(int)index];
    }

    /// <summary>
    /// Reads a Modality LUT Sequence or VOI LUT Sequence item: (0028,3002) LUT Descriptor, (0028,3006) LUT Data (US, SS
    /// or OW; 8-bit entries packed two per word are recognised by the data's length), (0028,3003) LUT Explanation.
    /// </summary>
    /// <param name="item">The sequence item.</param>
    /// <param name="signedFirstMappedValue">
    /// Whether the first mapped value is SS when the element's VR does not say (implicit VR, or US written for a signed
    /// image): true when the LUT's input is signed (Pixel Representation 1).
    /// </param>
    /// <exception cref="DicomException">The descriptor or data is missing or malformed; the message names the attribute.</exception>
    public static LookupTable FromItem(DicomDataset item, bool signedFirstMappedValue)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.TryGetElement(DicomTag.LUTDescriptor, out var descriptor))
            throw new DicomException($"the LUT item has no {DicomTag.LUTDescriptor} LUT Descriptor.");
        if (!item.TryGetElement(DicomTag.LUTData, out var data) || data.Length < 1)
            throw new DicomException($"the LUT item has no {DicomTag.LUTData} LUT Data.");
        var d = ReadDescriptor(descriptor, signedFirstMappedValue);
        int count = d.Entries == 0 ? 65536 : d.Entries;
        int bits = d.Bits;
        if (bits is < 1 or > 16) throw new DicomException($"{DicomTag.LUTDescriptor} LUT Descriptor gives {bits} bits per entry; 1 to 16 are allowed.");
        var bytes = data.Buffer.Memory.Span;
        ushort[] entries;
        if (bits <= 8 && bytes.Length == count + (count & 1) && count > 1)
        {
            // 8-bit entries packed two per 16-bit word (seen in the wild; PS3.3 §C.7.6.3.1.6 describes the same for palettes).
            entries = new ushort[count];
            for (int i = 0; i < count; i++) entries[i] = bytes[i];
        }
        else
        {
            int available = bytes.Length / 2;
            if (available == 0) throw new DicomException($"{DicomTag.LUTData} LUT Data holds {bytes.Length} byte(s); a 16-bit entry needs two.");
            int n = Math.Min(count, available);
            entries = new ushort[n];
            ushort mask = (ushort)((1 << bits) - 1);
            for (int i = 0; i < n; i++) entries[i] = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]) & mask);
        }
        string? explanation = item.TryGetString(DicomTag.LUTExplanation, out var e) && e.Length > 0 ? e : null;
        return new LookupTable(d.First, bits, entries, explanation);
    }

    private static (int Entries, int First, int Bits) ReadDescriptor(DicomElement descriptor, bool signedHint)
    {
        if (descriptor.VR.Kind is DicomVRKind.Binary or DicomVRKind.Bytes)
        {
            var s = descriptor.Buffer.Memory.Span;
            if (s.Length < 6) throw new DicomException($"{DicomTag.LUTDescriptor} LUT Descriptor has {s.Length / 2} value(s); it needs three.");
            ushort first = BinaryPrimitives.ReadUInt16LittleEndian(s[2..]);
            bool signed = descriptor.VR == DicomVR.SS || (signedHint && first >= 0x8000);
            return (BinaryPrimitives.ReadUInt16LittleEndian(s), signed ? (short)first : first, BinaryPrimitives.ReadUInt16LittleEndian(s[4..]));
        }
        try
        {
            var v = descriptor.GetValues<int>();
            if (v.Length < 3) throw new DicomException($"{DicomTag.LUTDescriptor} LUT Descriptor has {v.Length} value(s); it needs three.");
            return (v[0], v[1], v[2]);
        }
        catch (FormatException ex)
        {
            throw new DicomException($"{DicomTag.LUTDescriptor} LUT Descriptor is not three numbers: {ex.Message}", ex);
        }
    }
}
