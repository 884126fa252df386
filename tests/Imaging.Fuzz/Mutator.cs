using System.Buffers.Binary;
using System.Text;

namespace Imaging.Fuzz;

/// <summary>
/// DICOM-aware mutations for the built-in engine: AFL's havoc operators (bit flips, interesting bytes/words,
/// chunk delete/duplicate/insert) plus ones that aim at the element stream (PS3.5 §7.1): corrupting the value length,
/// VR or tag at element header offsets, truncating at a header, splicing two files at header boundaries, planting
/// dictionary tokens (transfer syntax UIDs, character set terms, ISO 2022 escapes) and nesting bombs.
/// Every choice comes from the <see cref="Random"/> handed in, so a seed replays the same inputs.
/// </summary>
internal static class Mutator
{
    public const int MaxInputLength = 1 << 20;

    private static readonly uint[] Interesting32 =
        [0, 1, 2, 3, 4, 7, 8, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x7FFFFFC7, 0x80000000,
         0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFF0, 0xFFFFFFF8, 0x3FFFFFFF];

    private static readonly uint[] InterestingTags =
        [0xFFFEE000, 0xFFFEE00D, 0xFFFEE0DD, 0x7FE00010, 0x7FE00008, 0x7FE00009, 0x7FE00001, 0x00080005, 0x00020010,
         0x00020000, 0x00280103, 0x00280100, 0x00280008, 0x00080000, 0x00091010, 0x00090010, 0x00291010, 0x00290010,
         0x0040A730, 0x00081115, 0x00000000, 0xFFFFFFFF, 0x00020001, 0x00041220, 0x00041400];

    private static readonly string[] VRs =
        ["AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN",
         "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV", "ZZ", "??", "\0\0"];

    /// <summary>Tokens that steer the reader into its less common paths; also written as the AFL dictionary (dicom.dict).</summary>
    public static readonly string[] Tokens =
    [
        "DICM", "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99",
        "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.90", "ISO_IR 100", "ISO_IR 192", "ISO_IR 13",
        "ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 149", "ISO 2022 IR 13\\ISO 2022 IR 87", "\\ISO 2022 IR 87", "GB18030",
        "GBK", "ISO_IR 126", "ISO_IR 138", "ISO_IR 144", "ISO_IR 166", "\u001b$B", "\u001b(B", "\u001b(J", "\u001b$)C",
        "\u001b-A", "\u001b$(D", "\u001b)I", "^", "=", "\\", "-", "20240229", "2359", "240000.000000", "-000.5E+03",
        "+2147483648", "1e400", "NaN", "999Y", "ORIGINAL\\PRIMARY", "SIEMENS CSA HEADER",
    ];

    /// <summary>Makes one mutated input from <paramref name="parent"/> (1–6 stacked mutations).</summary>
    public static byte[] Mutate(CorpusEntry parent, IReadOnlyList<CorpusEntry> corpus, Random rng)
    {
        var data = new List<byte>(parent.Data);
        int[] headers = parent.Headers;
        int rounds = 1 + rng.Next(6);
        for (int r = 0; r < rounds; r++)
        {
            if (data.Count == 0) data.AddRange(corpus[rng.Next(corpus.Count)].Data.Take(256));
            if (data.Count == 0) data.Add(0);
            switch (rng.Next(16))
            {
                case 0: FlipBit(data, rng); break;
                case 1: data[rng.Next(data.Count)] = (byte)Interesting32[rng.Next(Interesting32.Length)]; break;
                case 2: SetWord(data, rng.Next(data.Count), Interesting32[rng.Next(Interesting32.Length)], rng.Next(2) == 0 ? 2 : 4, rng.Next(4) == 0); break;
                case 3: case 4: case 5: CorruptLength(data, headers, rng); break;
                case 6: CorruptVR(data, headers, rng); break;
                case 7: CorruptTag(data, headers, rng); break;
                case 8: Truncate(data, headers, rng); break;
                case 9: DeleteChunk(data, rng); break;
                case 10: DuplicateChunk(data, headers, rng); break;
                case 11: InsertToken(data, rng); break;
                case 12: Splice(data, headers, corpus[rng.Next(corpus.Count)], rng); break;
                case 13: NestingBomb(data, headers, rng); break;
                case 14: data[rng.Next(data.Count)] = (byte)rng.Next(256); break;
                default: ArithmeticOnLength(data, headers, rng); break;
            }
        }
        if (data.Count > MaxInputLength) data.RemoveRange(MaxInputLength, data.Count - MaxInputLength);
        return [.. data];
    }

    /// <summary>
    /// Offsets that look like element headers: a known VR after a tag (explicit VR), an item or delimiter tag, or a tag
    /// in a common group at an even offset (implicit VR). False positives only make mutations land elsewhere.
    /// </summary>
    public static int[] FindHeaders(byte[] d)
    {
        var found = new List<int>();
        for (int i = 0; i + 8 <= d.Length; i++)
        {
            ushort group = BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(i));
            bool vr = IsUpper(d[i + 4]) && IsUpper(d[i + 5]) && Array.IndexOf(VRs, Encoding.ASCII.GetString(d, i + 4, 2)) >= 0;
            bool item = group == 0xFFFE && d[i + 3] == 0xE0;
            bool common = (i & 1) == 0 && group is 0x0002 or 0x0008 or 0x0010 or 0x0018 or 0x0020 or 0x0028 or 0x0040 or 0x7FE0 or 0x3006 or 0x300A;
            if (vr || item || common) found.Add(i);
        }
        return [.. found];
    }

    private static bool IsUpper(byte b) => b >= 'A' && b <= 'Z';

    private static int PickHeader(List<byte> data, int[] headers, Random rng, int need)
    {
        if (headers.Length > 0)
        {
            int h = headers[rng.Next(headers.Length)];
            if (h + need <= data.Count) return h;
        }
        return data.Count > need ? rng.Next(data.Count - need) : -1;
    }

    /// <summary>Where the value length of a header at <paramref name="h"/> is and how wide (PS3.5 §7.1.1–7.1.3).</summary>
    private static (int At, int Width) LengthField(List<byte> data, int h)
    {
        if (h + 12 > data.Count) return (h + 4, 4);
        bool item = data[h] == 0xFE && data[h + 1] == 0xFF;
        if (item) return (h + 4, 4);
        var vr = Encoding.ASCII.GetString([data[h + 4], data[h + 5]]);
        if (Array.IndexOf(VRs, vr) < 0) return (h + 4, 4);
        bool longForm = vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV";
        return longForm ? (h + 8, 4) : (h + 6, 2);
    }

    private static void CorruptLength(List<byte> data, int[] headers, Random rng)
    {
        int h = PickHeader(data, headers, rng, 12);
        if (h < 0) return;
        var (at, width) = LengthField(data, h);
        uint value = rng.Next(3) switch
        {
            0 => Interesting32[rng.Next(Interesting32.Length)],
            1 => (uint)(data.Count - at + rng.Next(-8, 9)),
            _ => (uint)rng.Next(),
        };
        SetWord(data, at, value, width, bigEndian: false);
    }

    private static void ArithmeticOnLength(List<byte> data, int[] headers, Random rng)
    {
        int h = PickHeader(data, headers, rng, 12);
        if (h < 0) return;
        var (at, width) = LengthField(data, h);
        if (at + width > data.Count) return;
        uint old = width == 2 ? (uint)(data[at] | data[at + 1] << 8) : (uint)(data[at] | data[at + 1] << 8 | data[at + 2] << 16 | data[at + 3] << 24);
        SetWord(data, at, unchecked(old + (uint)rng.Next(-35, 36)), width, bigEndian: false);
    }

    private static void CorruptVR(List<byte> data, int[] headers, Random rng)
    {
        int h = PickHeader(data, headers, rng, 8);
        if (h < 0) return;
        var vr = VRs[rng.Next(VRs.Length)];
        data[h + 4] = (byte)vr[0];
        data[h + 5] = (byte)vr[1];
    }

    private static void CorruptTag(List<byte> data, int[] headers, Random rng)
    {
        int h = PickHeader(data, headers, rng, 8);
        if (h < 0) return;
        uint tag = InterestingTags[rng.Next(InterestingTags.Length)];
        SetWord(data, h, tag >> 16, 2, false);
        SetWord(data, h + 2, tag & 0xFFFF, 2, false);
    }

    private static void Truncate(List<byte> data, int[] headers, Random rng)
    {
        int at = rng.Next(2) == 0 ? PickHeader(data, headers, rng, 1) + rng.Next(0, 13) : rng.Next(data.Count);
        if (at >= 0 && at < data.Count) data.RemoveRange(at, data.Count - at);
    }

    private static void DeleteChunk(List<byte> data, Random rng)
    {
        int at = rng.Next(data.Count);
        data.RemoveRange(at, Math.Min(data.Count - at, 1 + rng.Next(rng.Next(2) == 0 ? 16 : 512)));
    }

    private static void DuplicateChunk(List<byte> data, int[] headers, Random rng)
    {
        int at = PickHeader(data, headers, rng, 1);
        if (at < 0) return;
        int length = Math.Min(data.Count - at, 1 + rng.Next(256));
        var chunk = data.GetRange(at, length);
        int copies = 1 + rng.Next(rng.Next(8) == 0 ? 200 : 3);
        for (int i = 0; i < copies && data.Count < MaxInputLength; i++) data.InsertRange(at, chunk);
    }

    private static void InsertToken(List<byte> data, Random rng)
    {
        var token = Encoding.Latin1.GetBytes(Tokens[rng.Next(Tokens.Length)]);
        int at = rng.Next(data.Count + 1);
        if (rng.Next(2) == 0) data.InsertRange(at, token);
        else for (int i = 0; i < token.Length && at + i < data.Count; i++) data[at + i] = token[i];
    }

    private static void Splice(List<byte> data, int[] headers, CorpusEntry other, Random rng)
    {
        if (other.Data.Length == 0) return;
        int cut = PickHeader(data, headers, rng, 1);
        if (cut < 0) cut = data.Count;
        var oh = other.Headers;
        int from = oh.Length > 0 ? oh[rng.Next(oh.Length)] : rng.Next(other.Data.Length);
        data.RemoveRange(cut, data.Count - cut);
        data.AddRange(other.Data.AsSpan(from).ToArray());
    }

    /// <summary>Plants many nested sequences/items of undefined length: the reader must refuse, not overflow its stack.</summary>
    private static void NestingBomb(List<byte> data, int[] headers, Random rng)
    {
        int at = PickHeader(data, headers, rng, 1);
        if (at < 0) at = data.Count;
        bool explicitVR = rng.Next(2) == 0;
        var level = new List<byte>();
        level.AddRange([0x08, 0x00, 0x15, 0x11]); // (0008,1115) Referenced Series Sequence
        if (explicitVR) level.AddRange([(byte)'S', (byte)'Q', 0, 0]);
        level.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);
        level.AddRange([0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF]);
        int depth = 1 + rng.Next(rng.Next(4) == 0 ? 5000 : 200);
        var bomb = new List<byte>(level.Count * depth);
        for (int i = 0; i < depth; i++) bomb.AddRange(level);
        data.InsertRange(at, bomb);
    }

    private static void FlipBit(List<byte> data, Random rng)
    {
        int bit = rng.Next(data.Count * 8);
        data[bit >> 3] ^= (byte)(1 << (bit & 7));
    }

    private static void SetWord(List<byte> data, int at, uint value, int width, bool bigEndian)
    {
        for (int i = 0; i < width && at + i < data.Count; i++)
        {
            int shift = bigEndian ? (width - 1 - i) * 8 : i * 8;
            data[at + i] = (byte)(value >> shift);
        }
    }
}
