using System.Buffers.Binary;
using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Sdk;

namespace Contoso.Histogram;

/// <summary>
/// The frames of a native monochrome image as stored values, with the linear Modality LUT that maps them to modality
/// units (Hounsfield units for CT): PS3.3 C.7.6.3 (Image Pixel Module), C.11.1.1.2 (Rescale Slope / Intercept),
/// PS3.5 §8.1.1 (native format). One sample per pixel, 8 or 16 bits allocated, signed or unsigned.
/// </summary>
internal sealed class ModalityImage
{
    private ModalityImage(int rows, int columns, int bitsAllocated, int bitsStored, bool isSigned, double slope, double intercept, int[][] frames)
    {
        Rows = rows;
        Columns = columns;
        BitsAllocated = bitsAllocated;
        BitsStored = bitsStored;
        IsSigned = isSigned;
        Slope = slope;
        Intercept = intercept;
        Frames = frames;
    }

    public int Rows { get; }

    public int Columns { get; }

    public int BitsAllocated { get; }

    public int BitsStored { get; }

    public bool IsSigned { get; }

    /// <summary>Rescale Slope (0028,1053); 1 when absent.</summary>
    public double Slope { get; }

    /// <summary>Rescale Intercept (0028,1052); 0 when absent.</summary>
    public double Intercept { get; }

    public int MinStored => IsSigned ? -(1 << (BitsStored - 1)) : 0;

    public int MaxStored => IsSigned ? (1 << (BitsStored - 1)) - 1 : (1 << BitsStored) - 1;

    /// <summary>Stored values, one array of Rows × Columns per frame.</summary>
    public int[][] Frames { get; }

    /// <summary>A stored value in modality units.</summary>
    public double ToModality(int stored) => stored * Slope + Intercept;

    /// <summary>The stored value nearest to a modality value, within the stored range.</summary>
    public int ToStored(double modality) => (int)Math.Clamp(Math.Round((modality - Intercept) / Slope, MidpointRounding.AwayFromZero), MinStored, MaxStored);

    /// <exception cref="InvalidInputException">No native Pixel Data, or a format this class does not handle.</exception>
    public static ModalityImage Read(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.TryGetItem(DicomTag.PixelData, out var item) || item is null)
            throw new InvalidInputException("The data set has no Pixel Data (7FE0,0010).");
        if (item is not DicomElement pixelData)
            throw new InvalidInputException("The Pixel Data (7FE0,0010) is encapsulated (compressed); decode it to a native transfer syntax first.");

        int rows, columns, samples, bitsAllocated, bitsStored, representation, frameCount;
        double slope, intercept;
        try
        {
            rows = dataset.GetSingleValueOrDefault(DicomTag.Rows, 0);
            columns = dataset.GetSingleValueOrDefault(DicomTag.Columns, 0);
            samples = dataset.GetSingleValueOrDefault(DicomTag.SamplesPerPixel, 1);
            bitsAllocated = dataset.GetSingleValueOrDefault(DicomTag.BitsAllocated, 0);
            bitsStored = dataset.GetSingleValueOrDefault(DicomTag.BitsStored, bitsAllocated);
            representation = dataset.GetSingleValueOrDefault(DicomTag.PixelRepresentation, 0);
            frameCount = dataset.GetSingleValueOrDefault(DicomTag.NumberOfFrames, 1);
            slope = dataset.GetSingleValueOrDefault(DicomTag.RescaleSlope, 1.0);
            intercept = dataset.GetSingleValueOrDefault(DicomTag.RescaleIntercept, 0.0);
        }
        catch (DicomException e)
        {
            throw new InvalidInputException($"The image attributes are not readable: {e.Message}", e);
        }

        if (rows <= 0 || columns <= 0) throw new InvalidInputException($"Rows and Columns must be positive (got {rows} x {columns}).");
        if (samples != 1) throw new InvalidInputException($"Only monochrome images are handled (Samples per Pixel is {samples}).");
        if (bitsAllocated is not (8 or 16)) throw new InvalidInputException($"Only 8 or 16 Bits Allocated are handled (got {bitsAllocated}).");
        if (bitsStored < 1 || bitsStored > bitsAllocated) throw new InvalidInputException($"Bits Stored {bitsStored} does not fit in Bits Allocated {bitsAllocated}.");
        if (slope == 0 || !double.IsFinite(slope) || !double.IsFinite(intercept)) throw new InvalidInputException($"Rescale Slope {slope} / Intercept {intercept} is not usable.");
        if (frameCount < 1) frameCount = 1;

        int bytesPerSample = bitsAllocated / 8;
        long frameBytes = (long)rows * columns * bytesPerSample;
        if (pixelData.Length < frameBytes * frameCount)
            throw new InvalidInputException($"The Pixel Data holds {pixelData.Length} bytes; {frameCount} frame(s) of {rows} x {columns} x {bitsAllocated} bits need {frameBytes * frameCount}.");

        bool isSigned = representation == 1;
        int mask = (1 << bitsStored) - 1;
        int signBit = 1 << (bitsStored - 1);
        var bytes = pixelData.Buffer.Memory.Span;
        var frames = new int[frameCount][];
        for (int f = 0; f < frameCount; f++)
        {
            var frame = new int[rows * columns];
            var source = bytes.Slice((int)(f * frameBytes), (int)frameBytes);
            for (int i = 0; i < frame.Length; i++)
            {
                int value = (bytesPerSample == 1 ? source[i] : BinaryPrimitives.ReadUInt16LittleEndian(source[(i * 2)..])) & mask;
                if (isSigned && (value & signBit) != 0) value -= 1 << bitsStored;
                frame[i] = value;
            }
            frames[f] = frame;
        }
        return new ModalityImage(rows, columns, bitsAllocated, bitsStored, isSigned, slope, intercept, frames);
    }

    /// <summary>Replaces the Pixel Data of <paramref name="dataset"/> with <paramref name="frames"/> (stored values) in this image's format.</summary>
    public void WriteTo(DicomDataset dataset, int[][] frames)
    {
        int bytesPerSample = BitsAllocated / 8;
        int frameBytes = Rows * Columns * bytesPerSample;
        int length = frameBytes * frames.Length;
        var bytes = new byte[length + (length & 1)]; // even value length (PS3.5 §7.1.1)
        for (int f = 0; f < frames.Length; f++)
        {
            var target = bytes.AsSpan(f * frameBytes, frameBytes);
            for (int i = 0; i < frames[f].Length; i++)
            {
                int v = Math.Clamp(frames[f][i], MinStored, MaxStored);
                if (bytesPerSample == 1) target[i] = (byte)v;
                else BinaryPrimitives.WriteUInt16LittleEndian(target[(i * 2)..], (ushort)v);
            }
        }
        dataset.AddOrUpdate(new DicomElement(DicomTag.PixelData, BitsAllocated == 8 ? DicomVR.OB : DicomVR.OW, DicomBuffer.FromMemory(bytes)));
    }
}
