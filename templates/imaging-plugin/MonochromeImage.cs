using System.Buffers.Binary;
using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Sdk;

namespace Acme.Smoothing;

/// <summary>
/// The frames of a monochrome image in native (uncompressed) Pixel Data, as integers: PS3.3 C.7.6.3 (Image Pixel
/// Module) and PS3.5 §8.1.1 (native format). One sample per pixel, 8 or 16 bits allocated, signed or unsigned.
/// </summary>
internal sealed class MonochromeImage
{
    private MonochromeImage(int rows, int columns, int bitsAllocated, int bitsStored, bool isSigned, int[][] frames)
    {
        Rows = rows;
        Columns = columns;
        BitsAllocated = bitsAllocated;
        BitsStored = bitsStored;
        IsSigned = isSigned;
        Frames = frames;
    }

    /// <summary>Rows (0028,0010).</summary>
    public int Rows { get; }

    /// <summary>Columns (0028,0011).</summary>
    public int Columns { get; }

    /// <summary>Bits Allocated (0028,0100): 8 or 16.</summary>
    public int BitsAllocated { get; }

    /// <summary>Bits Stored (0028,0101).</summary>
    public int BitsStored { get; }

    /// <summary>Pixel Representation (0028,0103) is 1 (two's complement).</summary>
    public bool IsSigned { get; }

    /// <summary>The smallest stored value the format can hold.</summary>
    public int MinValue => IsSigned ? -(1 << (BitsStored - 1)) : 0;

    /// <summary>The largest stored value the format can hold.</summary>
    public int MaxValue => IsSigned ? (1 << (BitsStored - 1)) - 1 : (1 << BitsStored) - 1;

    /// <summary>One array of <see cref="Rows"/> × <see cref="Columns"/> stored values per frame, row by row.</summary>
    public int[][] Frames { get; }

    /// <summary>Reads the frames of <paramref name="dataset"/>.</summary>
    /// <exception cref="InvalidInputException">No native Pixel Data, or a format this class does not handle.</exception>
    public static MonochromeImage Read(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.TryGetItem(DicomTag.PixelData, out var item) || item is null)
            throw new InvalidInputException("The data set has no Pixel Data (7FE0,0010).");
        if (item is not DicomElement pixelData)
            throw new InvalidInputException("The Pixel Data (7FE0,0010) is encapsulated (compressed); decode it to a native transfer syntax first.");

        int rows, columns, samples, bitsAllocated, bitsStored, representation, frameCount;
        try
        {
            rows = dataset.GetSingleValueOrDefault(DicomTag.Rows, 0);
            columns = dataset.GetSingleValueOrDefault(DicomTag.Columns, 0);
            samples = dataset.GetSingleValueOrDefault(DicomTag.SamplesPerPixel, 1);
            bitsAllocated = dataset.GetSingleValueOrDefault(DicomTag.BitsAllocated, 0);
            bitsStored = dataset.GetSingleValueOrDefault(DicomTag.BitsStored, bitsAllocated);
            representation = dataset.GetSingleValueOrDefault(DicomTag.PixelRepresentation, 0);
            frameCount = dataset.GetSingleValueOrDefault(DicomTag.NumberOfFrames, 1);
        }
        catch (DicomException e)
        {
            throw new InvalidInputException($"The Image Pixel Module is not readable: {e.Message}", e);
        }

        if (rows <= 0 || columns <= 0) throw new InvalidInputException($"Rows and Columns must be positive (got {rows} x {columns}).");
        if (samples != 1) throw new InvalidInputException($"Only monochrome images are handled (Samples per Pixel is {samples}).");
        if (bitsAllocated is not (8 or 16)) throw new InvalidInputException($"Only 8 or 16 Bits Allocated are handled (got {bitsAllocated}).");
        if (bitsStored < 1 || bitsStored > bitsAllocated) throw new InvalidInputException($"Bits Stored {bitsStored} does not fit in Bits Allocated {bitsAllocated}.");
        if (frameCount < 1) frameCount = 1;

        int bytesPerSample = bitsAllocated / 8;
        long frameBytes = (long)rows * columns * bytesPerSample;
        if (pixelData.Length < frameBytes * frameCount)
            throw new InvalidInputException($"The Pixel Data holds {pixelData.Length} bytes; {frameCount} frame(s) of {rows} x {columns} x {bitsAllocated} bits need {frameBytes * frameCount}.");

        bool isSigned = representation == 1;
        var bytes = pixelData.Buffer.Memory.Span;
        var frames = new int[frameCount][];
        for (int f = 0; f < frameCount; f++)
        {
            var frame = new int[rows * columns];
            var source = bytes.Slice((int)(f * frameBytes), (int)frameBytes);
            for (int i = 0; i < frame.Length; i++)
            {
                int raw = bytesPerSample == 1 ? source[i] : BinaryPrimitives.ReadUInt16LittleEndian(source[(i * 2)..]);
                frame[i] = Decode(raw, bitsStored, isSigned);
            }
            frames[f] = frame;
        }
        return new MonochromeImage(rows, columns, bitsAllocated, bitsStored, isSigned, frames);
    }

    /// <summary>Replaces the Pixel Data of <paramref name="dataset"/> with <paramref name="frames"/> in this image's format.</summary>
    public void WriteTo(DicomDataset dataset, int[][] frames)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(frames);
        int bytesPerSample = BitsAllocated / 8;
        int frameBytes = Rows * Columns * bytesPerSample;
        int length = frameBytes * frames.Length;
        var bytes = new byte[length + (length & 1)]; // values have even length (PS3.5 §7.1.1)
        for (int f = 0; f < frames.Length; f++)
        {
            var target = bytes.AsSpan(f * frameBytes, frameBytes);
            var frame = frames[f];
            for (int i = 0; i < frame.Length; i++)
            {
                int v = Math.Clamp(frame[i], MinValue, MaxValue);
                if (bytesPerSample == 1) target[i] = (byte)v;
                else BinaryPrimitives.WriteUInt16LittleEndian(target[(i * 2)..], (ushort)v);
            }
        }
        var vr = BitsAllocated == 8 ? DicomVR.OB : DicomVR.OW;
        dataset.AddOrUpdate(new DicomElement(DicomTag.PixelData, vr, DicomBuffer.FromMemory(bytes)));
    }

    private static int Decode(int raw, int bitsStored, bool isSigned)
    {
        int value = raw & ((1 << bitsStored) - 1);
        if (isSigned && (value & (1 << (bitsStored - 1))) != 0) value -= 1 << bitsStored;
        return value;
    }
}
