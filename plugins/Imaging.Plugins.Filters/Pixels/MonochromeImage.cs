using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Pixels;

/// <summary>
/// Native (uncompressed) monochrome Pixel Data as filters see it (PS3.3 C.7.6.3 Image Pixel Module, PS3.5 §8.1.1):
/// 1 sample per pixel, MONOCHROME1 or MONOCHROME2, Bits Allocated 8 or 16, Bits Stored / High Bit anywhere inside,
/// signed or unsigned per Pixel Representation, any Number of Frames. Stored values are read as integers in
/// [<see cref="MinValue"/>, <see cref="MaxValue"/>]; bits outside Bits Stored are kept as they were when written back.
/// </summary>
internal sealed class MonochromeImage
{
    private static readonly DicomTag FloatPixelData = new(0x7FE0, 0x0008);
    private static readonly DicomTag DoubleFloatPixelData = new(0x7FE0, 0x0009);

    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly int _shift;
    private readonly uint _mask;

    private MonochromeImage(ReadOnlyMemory<byte> bytes, DicomVR vr, int rows, int columns, int frames, int bitsAllocated, int bitsStored, int highBit, bool signed)
    {
        _bytes = bytes;
        PixelDataVR = vr;
        Rows = rows;
        Columns = columns;
        Frames = frames;
        BitsAllocated = bitsAllocated;
        BitsStored = bitsStored;
        IsSigned = signed;
        _shift = highBit + 1 - bitsStored;
        _mask = (uint)((1L << bitsStored) - 1);
        MinValue = signed ? -(1 << (bitsStored - 1)) : 0;
        MaxValue = signed ? (1 << (bitsStored - 1)) - 1 : (int)_mask;
    }

    /// <summary>The VR Pixel Data was stored with (OB or OW), kept for the output.</summary>
    public DicomVR PixelDataVR { get; }

    /// <summary>Rows (0028,0010).</summary>
    public int Rows { get; }

    /// <summary>Columns (0028,0011).</summary>
    public int Columns { get; }

    /// <summary>Number of Frames (0028,0008), 1 when absent.</summary>
    public int Frames { get; }

    /// <summary>Bits Allocated (0028,0100): 8 or 16.</summary>
    public int BitsAllocated { get; }

    /// <summary>Bits Stored (0028,0101).</summary>
    public int BitsStored { get; }

    /// <summary>Pixel Representation (0028,0103) is 1: two's complement.</summary>
    public bool IsSigned { get; }

    /// <summary>The smallest stored value Bits Stored and Pixel Representation allow.</summary>
    public int MinValue { get; }

    /// <summary>The largest stored value Bits Stored and Pixel Representation allow.</summary>
    public int MaxValue { get; }

    /// <summary>Pixels in one frame.</summary>
    public int PixelsPerFrame => Rows * Columns;

    private int FrameBytes => PixelsPerFrame * (BitsAllocated / 8);

    /// <summary>Reads and checks the pixel description of <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The filter's input.</param>
    /// <param name="filter">The filter's name, for messages.</param>
    /// <exception cref="InvalidInputException">No pixel data, encapsulated, not monochrome, not 8 or 16 bits, inconsistent or too short.</exception>
    public static MonochromeImage From(DicomDataset dataset, string filter)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.TryGetItem(DicomTag.PixelData, out var item))
        {
            throw Invalid(filter, dataset.Contains(FloatPixelData) || dataset.Contains(DoubleFloatPixelData)
                ? "has Float or Double Float Pixel Data (7FE0,0008/0009); only integer Pixel Data (7FE0,0010) is handled"
                : "has no Pixel Data (7FE0,0010)");
        }
        if (item is DicomFragmentSequence)
            throw Invalid(filter, "has encapsulated (compressed) Pixel Data; decode it to a native transfer syntax first");
        if (item is not DicomElement element)
            throw Invalid(filter, $"has Pixel Data of VR {item.VR.Code}, which is not a pixel value");

        int samples = Int(dataset, DicomTag.SamplesPerPixel, 1);
        var photometric = dataset.TryGetString(DicomTag.PhotometricInterpretation, out var p) && p.Trim().Length > 0 ? p.Trim() : "MONOCHROME2";
        if (samples != 1 || photometric is not ("MONOCHROME1" or "MONOCHROME2"))
            throw Invalid(filter, $"is {photometric} with {samples} sample(s) per pixel; only monochrome images (MONOCHROME1 or MONOCHROME2, 1 sample per pixel) are handled");
        int bitsAllocated = Int(dataset, DicomTag.BitsAllocated, 0);
        if (bitsAllocated is not (8 or 16))
            throw Invalid(filter, $"has Bits Allocated {bitsAllocated}; only 8 and 16 are handled");
        int bitsStored = Int(dataset, DicomTag.BitsStored, bitsAllocated);
        if (bitsStored < 1 || bitsStored > bitsAllocated)
            throw Invalid(filter, $"has Bits Stored {bitsStored} with Bits Allocated {bitsAllocated}");
        int highBit = Int(dataset, DicomTag.HighBit, bitsStored - 1);
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated)
            throw Invalid(filter, $"has High Bit {highBit} with Bits Stored {bitsStored} and Bits Allocated {bitsAllocated}");
        int representation = Int(dataset, DicomTag.PixelRepresentation, 0);
        if (representation is not (0 or 1))
            throw Invalid(filter, $"has Pixel Representation {representation} (expected 0 or 1)");
        int rows = Int(dataset, DicomTag.Rows, 0), columns = Int(dataset, DicomTag.Columns, 0);
        if (rows < 1 || columns < 1)
            throw Invalid(filter, $"has {rows} rows and {columns} columns");
        int frames = Int(dataset, DicomTag.NumberOfFrames, 1);
        if (frames < 1)
            throw Invalid(filter, $"has Number of Frames {frames}");
        long needed = (long)rows * columns * frames * (bitsAllocated / 8);
        if (needed > Array.MaxLength || (long)rows * columns > Array.MaxLength / 8)
            throw Invalid(filter, $"is too large to filter in memory ({rows}×{columns}, {frames} frames)");
        if (element.Length < needed)
            throw Invalid(filter, $"has {element.Length} bytes of Pixel Data, but {rows}×{columns}×{frames} frames of {bitsAllocated}-bit samples need {needed}");
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = element.Buffer.Memory;
        }
        catch (DicomException e)
        {
            throw new InvalidInputException($"The {filter} filter cannot read the Pixel Data: {e.Message}", e);
        }
        return new MonochromeImage(bytes, element.VR, rows, columns, frames, bitsAllocated, bitsStored, highBit, representation == 1);
    }

    /// <summary>
    /// Runs <paramref name="transform"/> on every frame, in order, and returns the new Pixel Data value: a copy of the
    /// input's bytes (padding and bits outside Bits Stored kept) with each frame's stored values replaced.
    /// </summary>
    /// <param name="transform">Computes one output frame from one input frame.</param>
    /// <param name="progress">Receives one report per frame.</param>
    /// <param name="cancellationToken">Checked before each frame (and by the transform between rows).</param>
    public byte[] Apply(FrameTransform transform, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var output = _bytes.ToArray();
        EachFrame(PixelsPerFrame, transform, (f, values) => WriteFrame(f, values, output), progress, cancellationToken);
        return output;
    }

    /// <summary>
    /// Runs <paramref name="transform"/> on every frame, in order, into frames of <paramref name="rows"/> ×
    /// <paramref name="columns"/>, and returns the new Pixel Data value (padded to an even length): with
    /// <paramref name="eightBit"/> one unsigned byte per value (Bits Allocated/Stored 8, values in 0..255), else this
    /// image's bit layout with the bits outside Bits Stored zero.
    /// </summary>
    /// <param name="rows">Rows of the output frames.</param>
    /// <param name="columns">Columns of the output frames.</param>
    /// <param name="eightBit">Write 8-bit unsigned samples instead of this image's layout.</param>
    /// <param name="transform">Computes one output frame (rows × columns values) from one input frame.</param>
    /// <param name="progress">Receives one report per frame.</param>
    /// <param name="cancellationToken">Checked before each frame.</param>
    public byte[] Reshape(int rows, int columns, bool eightBit, FrameTransform transform, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        int count = rows * columns, size = eightBit ? 1 : BitsAllocated / 8;
        long length = (long)count * Frames * size;
        if (length + 1 > Array.MaxLength) throw new InvalidInputException($"The output ({rows}×{columns}, {Frames} frames) is too large to hold in memory.");
        var output = new byte[(length + 1) & ~1L];
        EachFrame(count, transform, (f, values) =>
        {
            var span = output.AsSpan((int)((long)f * count * size), count * size);
            for (int i = 0; i < values.Length; i++)
            {
                if (eightBit) span[i] = (byte)Math.Clamp(values[i], 0, 255);
                else if (size == 1) span[i] = (byte)Encode(values[i]);
                else BinaryPrimitives.WriteUInt16LittleEndian(span[(2 * i)..], (ushort)Encode(values[i]));
            }
        }, progress, cancellationToken);
        return output;
    }

    /// <summary>The stored values of frame <paramref name="frame"/>.</summary>
    public int[] ReadFrame(int frame)
    {
        var values = new int[PixelsPerFrame];
        ReadFrame(frame, values);
        return values;
    }

    private void EachFrame(int outputCount, FrameTransform transform, Action<int, int[]> write, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var source = new int[PixelsPerFrame];
        var destination = new int[outputCount];
        for (int f = 0; f < Frames; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadFrame(f, source);
            transform(source, destination, cancellationToken);
            write(f, destination);
            progress?.Report(new ProgressReport(f + 1, Frames, string.Create(CultureInfo.InvariantCulture, $"frame {f + 1} of {Frames}")));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop, often run once: skip tier-0 code
    private void ReadFrame(int frame, int[] values)
    {
        var span = _bytes.Span.Slice(frame * FrameBytes, FrameBytes);
        if (BitsAllocated == 8)
        {
            for (int i = 0; i < values.Length; i++) values[i] = Decode(span[i]);
        }
        else
        {
            for (int i = 0; i < values.Length; i++) values[i] = Decode(BinaryPrimitives.ReadUInt16LittleEndian(span[(2 * i)..]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop, often run once: skip tier-0 code
    private void WriteFrame(int frame, int[] values, byte[] output)
    {
        var span = output.AsSpan(frame * FrameBytes, FrameBytes);
        uint keep = ~(_mask << _shift);
        if (BitsAllocated == 8)
        {
            for (int i = 0; i < values.Length; i++) span[i] = (byte)((span[i] & keep) | Encode(values[i]));
        }
        else
        {
            for (int i = 0; i < values.Length; i++)
            {
                var slot = span[(2 * i)..];
                BinaryPrimitives.WriteUInt16LittleEndian(slot, (ushort)((BinaryPrimitives.ReadUInt16LittleEndian(slot) & keep) | Encode(values[i])));
            }
        }
    }

    private int Decode(uint raw)
    {
        int v = (int)((raw >> _shift) & _mask);
        return IsSigned && v > MaxValue ? v - (1 << BitsStored) : v;
    }

    private uint Encode(int value) => ((uint)value & _mask) << _shift;

    private static int Int(DicomDataset dataset, DicomTag tag, int defaultValue)
        => dataset.TryGetValue<int>(tag, 0, out var v) ? v : defaultValue;

    private static InvalidInputException Invalid(string filter, string what)
        => new($"The {filter} filter cannot work on this data set: it {what}.");
}
