using System.Globalization;

namespace Imaging.Dicom.Imaging.Overlays;

/// <summary>
/// One overlay plane of the Overlay Plane Module (PS3.3 §C.9.2) and Multi-frame Overlay Module (PS3.3 §C.9.3), group
/// 6000–601E: a bit map of Overlay Rows × Overlay Columns placed at Overlay Origin (1-based row and column of the image,
/// may be 0 or negative) and stored as packed bits in Overlay Data (60xx,3000), one bit per pixel, least significant bit
/// first, frames one after another without padding (the same packing as 1-bit Pixel Data, PS3.5 §8.1.1).
/// </summary>
public sealed class OverlayPlane
{
    private readonly byte[] _data;

    private OverlayPlane(ushort group, int rows, int columns, int originRow, int originColumn, string type, int frames, int imageFrameOrigin, byte[] data)
    {
        Group = group;
        Rows = rows;
        Columns = columns;
        OriginRow = originRow;
        OriginColumn = originColumn;
        Type = type;
        NumberOfFrames = frames;
        ImageFrameOrigin = imageFrameOrigin;
        _data = data;
    }

    /// <summary>The group, 0x6000 to 0x601E.</summary>
    public ushort Group { get; }

    /// <summary>(60xx,0010) Overlay Rows.</summary>
    public int Rows { get; }

    /// <summary>(60xx,0011) Overlay Columns.</summary>
    public int Columns { get; }

    /// <summary>(60xx,0050) Overlay Origin, first value: the image row (1-based) of the overlay's first row.</summary>
    public int OriginRow { get; }

    /// <summary>(60xx,0050) Overlay Origin, second value: the image column (1-based) of the overlay's first column.</summary>
    public int OriginColumn { get; }

    /// <summary>(60xx,0040) Overlay Type: G (graphics) or R (region of interest).</summary>
    public string Type { get; }

    /// <summary>(60xx,0015) Number of Frames in Overlay; 1 when absent.</summary>
    public int NumberOfFrames { get; }

    /// <summary>(60xx,0051) Image Frame Origin: the image frame (1-based) the first overlay frame applies to; 1 when absent.</summary>
    public int ImageFrameOrigin { get; }

    /// <summary>Whether (60xx,0015) was present: a multi-frame overlay applies frame by frame, a single one to every frame.</summary>
    public bool IsMultiFrame { get; private init; }

    /// <summary>(60xx,0022) Overlay Description, if any.</summary>
    public string? Description { get; private init; }

    /// <summary>(60xx,1500) Overlay Label, if any.</summary>
    public string? Label { get; private init; }

    /// <summary>
    /// Every overlay plane of <paramref name="dataset"/> that has Overlay Data: groups 6000 to 601E (even).
    /// Overlays embedded in unused high bits of Pixel Data (retired, Overlay Bits Allocated &gt; 1) are not read.
    /// </summary>
    /// <exception cref="DicomException">An overlay's Rows, Columns or Overlay Data is missing or too short; the message names the group.</exception>
    public static IReadOnlyList<OverlayPlane> FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var planes = new List<OverlayPlane>();
        for (ushort group = 0x6000; group <= 0x601E; group += 2)
        {
            if (FromDataset(dataset, group) is { } plane) planes.Add(plane);
        }
        return planes;
    }

    /// <summary>The overlay plane in <paramref name="group"/> (0x6000 to 0x601E, even), or null when it has no Overlay Data.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="group"/> is not an overlay group.</exception>
    /// <exception cref="DicomException">Rows, Columns or Overlay Data is missing or too short; the message names the group.</exception>
    public static OverlayPlane? FromDataset(DicomDataset dataset, ushort group)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (group is < 0x6000 or > 0x601E || (group & 1) != 0)
            throw new ArgumentOutOfRangeException(nameof(group), $"0x{group:X4} is not an overlay group (0x6000 to 0x601E, even).");
        if (!dataset.TryGetElement(Tag(group, 0x3000), out var data)) return null;
        var name = $"overlay {group:X4}";
        int bitsAllocated = Int(dataset, group, 0x0100, 1);
        if (bitsAllocated != 1)
            throw new DicomException($"{name}: Overlay Bits Allocated {bitsAllocated} (embedded in Pixel Data, retired) is not supported; only 1.");
        int rows = Int(dataset, group, 0x0010, -1), columns = Int(dataset, group, 0x0011, -1);
        if (rows <= 0 || columns <= 0)
            throw new DicomException($"{name}: {Tag(group, 0x0010)} Overlay Rows / {Tag(group, 0x0011)} Overlay Columns are missing or not positive.");
        int originRow = 1, originColumn = 1;
        if (dataset.TryGetElement(Tag(group, 0x0050), out var origin) && origin.Count >= 2)
        {
            originRow = origin.Get<int>(0);
            originColumn = origin.Get<int>(1);
        }
        bool multi = dataset.Contains(Tag(group, 0x0015));
        int frames = Math.Max(1, Int(dataset, group, 0x0015, 1));
        int imageFrameOrigin = Math.Max(1, Int(dataset, group, 0x0051, 1));
        var bytes = data.Buffer.Memory.ToArray();
        long bitsNeeded = (long)rows * columns * frames;
        if (bytes.LongLength * 8 < bitsNeeded)
            throw new DicomException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {Tag(group, 0x3000)} Overlay Data holds {bytes.LongLength * 8} bits; {rows} × {columns} × {frames} frame(s) need {bitsNeeded}."));
        string type = dataset.TryGetString(Tag(group, 0x0040), out var t) && t.Trim().Length > 0 ? t.Trim() : "G";
        return new OverlayPlane(group, rows, columns, originRow, originColumn, type, frames, imageFrameOrigin, bytes)
        {
            IsMultiFrame = multi,
            Description = Text(dataset, Tag(group, 0x0022)),
            Label = Text(dataset, Tag(group, 0x1500)),
        };
    }

    /// <summary>
    /// The overlay frame that applies to image frame <paramref name="imageFrameIndex"/> (0-based), or −1 when none does:
    /// a multi-frame overlay covers image frames Image Frame Origin … Image Frame Origin + Number of Frames in Overlay − 1;
    /// an overlay without Number of Frames in Overlay applies to every frame.
    /// </summary>
    public int OverlayFrameFor(int imageFrameIndex)
    {
        if (!IsMultiFrame) return 0;
        int f = imageFrameIndex - (ImageFrameOrigin - 1);
        return f >= 0 && f < NumberOfFrames ? f : -1;
    }

    /// <summary>Overlay frame <paramref name="overlayFrameIndex"/> (0-based) unpacked: Rows × Columns bytes, 1 where the bit is set, else 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such overlay frame.</exception>
    public byte[] GetFrameBits(int overlayFrameIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(overlayFrameIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlayFrameIndex, NumberOfFrames);
        int n = Rows * Columns;
        long start = (long)overlayFrameIndex * n;
        var bits = new byte[n];
        for (int i = 0; i < n; i++)
        {
            long bit = start + i;
            bits[i] = (byte)((_data[bit >> 3] >> (int)(bit & 7)) & 1);
        }
        return bits;
    }

    /// <summary>
    /// Burns the overlay frame for image frame <paramref name="imageFrameIndex"/> into an image of
    /// <paramref name="imageRows"/> × <paramref name="imageColumns"/> pixels of <paramref name="channels"/> bytes each:
    /// every pixel under a set bit gets <paramref name="value"/> in all channels; bits outside the image are ignored.
    /// </summary>
    public void BurnInto(Span<byte> pixels, int imageRows, int imageColumns, int channels, int imageFrameIndex, byte value = 255)
    {
        int frame = OverlayFrameFor(imageFrameIndex);
        if (frame < 0) return;
        if (pixels.Length < (long)imageRows * imageColumns * channels)
            throw new ArgumentException($"the pixel buffer holds {pixels.Length} bytes; {imageRows} × {imageColumns} × {channels} are needed.", nameof(pixels));
        var bits = GetFrameBits(frame);
        for (int r = 0; r < Rows; r++)
        {
            int ir = OriginRow - 1 + r;
            if (ir < 0 || ir >= imageRows) continue;
            for (int c = 0; c < Columns; c++)
            {
                int ic = OriginColumn - 1 + c;
                if (ic < 0 || ic >= imageColumns || bits[r * Columns + c] == 0) continue;
                pixels.Slice((ir * imageColumns + ic) * channels, channels).Fill(value);
            }
        }
    }

    /// <summary>"overlay 6000: 512 × 512 at (1, 1), G, 1 frame".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"overlay {Group:X4}: {Rows} × {Columns} at ({OriginRow}, {OriginColumn}), {Type}, {NumberOfFrames} frame{(NumberOfFrames == 1 ? "" : "s")}");

    private static DicomTag Tag(ushort group, ushort element) => new(group, element);

    private static int Int(DicomDataset ds, ushort group, ushort element, int fallback) =>
        ds.TryGetValue(Tag(group, element), 0, out int v) ? v : fallback;

    private static string? Text(DicomDataset ds, DicomTag tag) =>
        ds.TryGetString(tag, out var s) && s.Trim().Length > 0 ? s.Trim() : null;
}
