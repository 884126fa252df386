using System.Buffers.Binary;
using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Sdk.Testing;

namespace Imaging.Plugins.Tests.Fixtures;

/// <summary>The images the plugin tests work on: synthetic CT slices and small hand-made monochrome images.</summary>
public static class TestImages
{
    /// <summary>One axial slice of <see cref="SyntheticStudy"/>'s CT phantom (16-bit signed, HU + 1024).</summary>
    public static DicomDataset CtSlice(int size = 64)
        => SyntheticStudy.Generate(new SyntheticStudyOptions { CtSlices = 1, MrSlices = 0, Size = size }).Single().Dataset;

    /// <summary>A monochrome image whose stored value at (frame, row, column) is <paramref name="value"/>.</summary>
    public static DicomDataset Monochrome(int rows, int columns, Func<int, int, int, int> value, int frames = 1, int bitsAllocated = 16, int? bitsStored = null, bool signed = false)
    {
        int stored = bitsStored ?? bitsAllocated;
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate().Value);
        ds.AddOrUpdate(DicomTag.ImageType, "ORIGINAL", "PRIMARY");
        ds.AddOrUpdate(DicomTag.Modality, "OT");
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.Rows, (ushort)rows);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)columns);
        if (frames != 1) ds.AddOrUpdate(DicomTag.NumberOfFrames, frames);
        ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)bitsAllocated);
        ds.AddOrUpdate(DicomTag.BitsStored, (ushort)stored);
        ds.AddOrUpdate(DicomTag.HighBit, (ushort)(stored - 1));
        ds.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)(signed ? 1 : 0));
        int bytesPerSample = bitsAllocated / 8;
        var bytes = new byte[(rows * columns * frames * bytesPerSample + 1) & ~1];
        uint mask = (uint)((1L << stored) - 1);
        for (int f = 0; f < frames; f++)
            for (int y = 0; y < rows; y++)
                for (int x = 0; x < columns; x++)
                {
                    int i = (f * rows + y) * columns + x;
                    uint raw = (uint)value(f, y, x) & mask;
                    if (bitsAllocated == 8) bytes[i] = (byte)raw;
                    else BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), (ushort)raw);
                }
        ds.AddOrUpdate(bitsAllocated == 8 ? DicomVR.OB : DicomVR.OW, DicomTag.PixelData, bytes);
        return ds;
    }

    /// <summary>The stored values of every frame, decoded independently of the plugins' code (High Bit = Bits Stored − 1).</summary>
    public static int[] StoredValues(DicomDataset ds)
    {
        int rows = ds.GetSingleValue<int>(DicomTag.Rows), columns = ds.GetSingleValue<int>(DicomTag.Columns);
        int frames = ds.GetSingleValueOrDefault(DicomTag.NumberOfFrames, 1);
        int allocated = ds.GetSingleValue<int>(DicomTag.BitsAllocated), stored = ds.GetSingleValue<int>(DicomTag.BitsStored);
        bool signed = ds.GetSingleValue<int>(DicomTag.PixelRepresentation) == 1;
        var bytes = ds.GetValues<byte>(DicomTag.PixelData);
        var values = new int[rows * columns * frames];
        for (int i = 0; i < values.Length; i++)
        {
            int raw = allocated == 8 ? bytes[i] : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * i));
            int v = raw & (int)((1L << stored) - 1);
            if (signed && v >= 1 << (stored - 1)) v -= 1 << stored;
            values[i] = v;
        }
        return values;
    }

    /// <summary>The data set encoded (explicit VR little endian): two data sets are equal when these bytes are.</summary>
    public static byte[] Encode(DicomDataset ds)
    {
        using var ms = new MemoryStream();
        DicomFile.WriteDataset(ms, ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        return ms.ToArray();
    }

    /// <summary>Pixel Data's raw bytes.</summary>
    public static byte[] PixelBytes(DicomDataset ds) => ((DicomElement)ds[DicomTag.PixelData]!).Buffer.Memory.ToArray();

    /// <summary>Replaces Pixel Data with raw bytes (for inputs with bits outside Bits Stored).</summary>
    public static DicomDataset WithPixelBytes(DicomDataset ds, byte[] bytes)
    {
        ds.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OW, DicomBuffer.FromMemory(bytes)));
        return ds;
    }
}
