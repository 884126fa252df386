using Imaging.Dicom.IO;

namespace Imaging.Dicom.Imaging.Tests.Volumes;

/// <summary>
/// Writes small synthetic series for the volume tests: 64×64 int16 slices whose stored value encodes (i, j, volume, k),
/// so every voxel of a loaded volume can be checked against what was written. One slice = one data set.
/// </summary>
internal sealed class SeriesWriter
{
    public int Size { get; init; } = 64;
    public int Slices { get; init; } = 20;
    public double PixelSpacing { get; init; } = 0.8;
    public double SliceSpacing { get; init; } = 2.5;
    public double[] Orientation { get; init; } = [1, 0, 0, 0, 1, 0];
    public double[] Origin { get; init; } = [-25.2, -25.2, -20];
    /// <summary>Slice step direction; null = the orientation's normal.</summary>
    public double[]? StepDirection { get; init; }
    public double RescaleIntercept { get; init; } = -1024;
    public double RescaleSlope { get; init; } = 1;
    public string SeriesUid { get; init; } = "1.2.826.0.1.3680043.10.1424.1";

    /// <summary>Stored value of voxel (i, j) of slice k of volume v.</summary>
    public static short Stored(int i, int j, int k, int v = 0) => (short)(1000 + 100 * v + 10 * k + (i + 2 * j) % 9);

    public double[] Normal()
    {
        var o = Orientation;
        return [o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]];
    }

    /// <summary>Image Position (Patient) of slice k.</summary>
    public double[] Position(int k)
    {
        var d = StepDirection ?? Normal();
        return [Origin[0] + k * SliceSpacing * d[0], Origin[1] + k * SliceSpacing * d[1], Origin[2] + k * SliceSpacing * d[2]];
    }

    public DicomDataset Slice(int k, int volume = 0, int? instance = null)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, $"{SeriesUid}.{volume + 1}.{k + 1}");
        ds.AddOrUpdate(DicomTag.Modality, "CT");
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, SeriesUid);
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, "1.2.826.0.1.3680043.10.1424");
        ds.AddOrUpdate(DicomTag.InstanceNumber, instance ?? volume * Slices + k + 1);
        ds.AddOrUpdate(DicomTag.ImagePositionPatient, Position(k));
        ds.AddOrUpdate(DicomTag.ImageOrientationPatient, Orientation);
        ds.AddOrUpdate(DicomTag.PixelSpacing, PixelSpacing, PixelSpacing);
        ds.AddOrUpdate(DicomTag.SliceThickness, SliceSpacing);
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.Rows, (ushort)Size);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)Size);
        ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)16);
        ds.AddOrUpdate(DicomTag.BitsStored, (ushort)16);
        ds.AddOrUpdate(DicomTag.HighBit, (ushort)15);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)1);
        ds.AddOrUpdate(DicomTag.RescaleIntercept, RescaleIntercept);
        ds.AddOrUpdate(DicomTag.RescaleSlope, RescaleSlope);
        ds.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, Pixels(k, volume));
        return ds;
    }

    public byte[] Pixels(int k, int volume)
    {
        var bytes = new byte[Size * Size * 2];
        for (int j = 0; j < Size; j++)
            for (int i = 0; i < Size; i++)
                BitConverter.TryWriteBytes(bytes.AsSpan((j * Size + i) * 2), Stored(i, j, k, volume));
        return bytes;
    }

    /// <summary>Saves data sets to numbered files in <paramref name="folder"/> and returns the paths.</summary>
    public static List<string> Save(string folder, IEnumerable<DicomDataset> datasets)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var ds in datasets)
        {
            var path = Path.Combine(folder, $"s{paths.Count:D4}.dcm");
            new DicomFile(ds).Save(path, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.ExplicitVRLittleEndian });
            paths.Add(path);
        }
        return paths;
    }
}
