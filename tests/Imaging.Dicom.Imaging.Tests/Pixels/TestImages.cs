using System.Globalization;
using Imaging.Dicom.IO;

namespace Imaging.Dicom.Imaging.Tests.Pixels;

/// <summary>Small hand-built data sets with Image Pixel attributes, for the odd cases of frame access.</summary>
internal static class TestImages
{
    /// <summary>A data set with the Image Pixel attributes given and <paramref name="pixels"/> as native pixel data.</summary>
    public static DicomDataset Image(
        int rows, int columns, byte[] pixels, int bits = 8, int? stored = null, bool signed = false, int samples = 1,
        string photometric = "MONOCHROME2", int planar = 0, int frames = 1, DicomVR? vr = null, int? highBit = null, DicomTag? pixelTag = null)
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        dataset.AddOrUpdate(DicomTag.SOPInstanceUID, "2.25.1234567890");
        dataset.AddOrUpdate(DicomTag.Rows, (ushort)rows);
        dataset.AddOrUpdate(DicomTag.Columns, (ushort)columns);
        dataset.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)samples);
        dataset.AddOrUpdate(DicomTag.PhotometricInterpretation, photometric);
        if (samples > 1) dataset.AddOrUpdate(DicomTag.PlanarConfiguration, (ushort)planar);
        dataset.AddOrUpdate(DicomTag.BitsAllocated, (ushort)bits);
        if (pixelTag is null || pixelTag == DicomTag.PixelData)
        {
            dataset.AddOrUpdate(DicomTag.BitsStored, (ushort)(stored ?? bits));
            dataset.AddOrUpdate(DicomTag.HighBit, (ushort)(highBit ?? (stored ?? bits) - 1));
            dataset.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)(signed ? 1 : 0));
        }
        if (frames != 1) dataset.AddOrUpdate(DicomTag.NumberOfFrames, frames.ToString(CultureInfo.InvariantCulture));
        var tag = pixelTag ?? DicomTag.PixelData;
        var elementVR = vr ?? (tag == DicomTag.FloatPixelData ? DicomVR.OF : tag == DicomTag.DoubleFloatPixelData ? DicomVR.OD : bits > 8 ? DicomVR.OW : DicomVR.OB);
        dataset.AddOrUpdate(new DicomElement(tag, elementVR, DicomBuffer.FromMemory(pixels)));
        return dataset;
    }

    /// <summary>The little endian bytes of 16-bit values.</summary>
    public static byte[] Words(params int[] values) => [.. values.SelectMany(v => BitConverter.GetBytes((ushort)v))];

    /// <summary>Saves a data set as a Part 10 file with the transfer syntax given.</summary>
    public static string Save(DicomDataset dataset, string folder, string name, DicomTransferSyntax? transferSyntax = null)
    {
        var ts = transferSyntax ?? DicomTransferSyntax.ExplicitVRLittleEndian;
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomVR.UI, new DicomTag(0x0002, 0x0010), ts.Uid);
        var path = Path.Combine(folder, name);
        new DicomFile(dataset, meta).Save(path, new DicomWriteOptions { TransferSyntax = ts });
        return path;
    }
}
