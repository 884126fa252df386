using System.Globalization;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Dicom.Imaging.Conversion;

/// <summary>
/// Turns a <see cref="Volume"/> into a series of single-frame images with full geometry — Image Position (Patient),
/// Image Orientation (Patient), Pixel Spacing, Slice Thickness (PS3.3 §C.7.6.2), one Frame of Reference — so that reading
/// the series back as a volume gives the same geometry and voxels. Voxels are stored as 16-bit MONOCHROME2: integer
/// volumes whose values fit 16 bits as they are (Rescale Slope 1, Intercept 0); others (floats, wide integers) mapped
/// linearly onto 0..65535 with Rescale Slope/Intercept (PS3.3 §C.11.1.1.2), which loses at most half a slope step.
/// New UIDs are 2.25 UUID-derived (PS3.5 §B.2).
/// </summary>
public static class VolumeToDicom
{
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    private const string MrImageStorage = "1.2.840.10008.5.1.4.1.1.4";
    private const string SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";

    /// <summary>One data set per slice of <paramref name="volume"/> (k = 0 first, Instance Number k + 1), without file meta information.</summary>
    /// <exception cref="ArgumentException">The volume's slices are larger than 65535 × 65535 (Rows and Columns are US).</exception>
    public static IReadOnlyList<DicomDataset> CreateSeries(Volume volume, VolumeToDicomOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var o = options ?? new VolumeToDicomOptions();
        var g = volume.Geometry;
        if (g.SizeI > ushort.MaxValue || g.SizeJ > ushort.MaxValue)
            throw new ArgumentException($"slices of {g.SizeI}×{g.SizeJ} do not fit Rows and Columns (at most 65535).", nameof(volume));
        string study = o.StudyInstanceUid ?? DicomUid.Generate().Value;
        string series = o.SeriesInstanceUid ?? DicomUid.Generate().Value;
        string frameOfReference = o.FrameOfReferenceUid ?? DicomUid.Generate().Value;
        var when = o.DateTime ?? DateTimeOffset.Now;
        string date = when.ToString("yyyyMMdd", CultureInfo.InvariantCulture), time = when.ToString("HHmmss", CultureInfo.InvariantCulture);
        var (min, max) = Range(volume);
        var storage = StoredPixels.Choose(volume.SampleType, volume.Voxels, min, max);
        var normal = g.SliceNormal;
        int sliceLength = g.SizeI * g.SizeJ;
        var result = new List<DicomDataset>(g.SizeK);
        for (int k = 0; k < g.SizeK; k++)
        {
            var ds = Common(o, volume, study, series, frameOfReference, date, time, min, max);
            ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate().Value);
            ds.AddOrUpdate(DicomTag.InstanceNumber, k + 1);
            var position = g.Origin + g.SliceDirection * (k * g.Spacing.Z);
            ds.AddOrUpdate(DicomTag.ImagePositionPatient, position.X, position.Y, position.Z);
            ds.AddOrUpdate(DicomTag.SliceLocation, Vector3D.Dot(position, normal));
            storage.AddRescale(ds);
            ds.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, storage.Encode(volume.Voxels, (long)k * sliceLength, sliceLength, ds));
            result.Add(ds);
        }
        return result;
    }

    private static DicomDataset Common(VolumeToDicomOptions o, Volume volume, string study, string series, string frameOfReference, string date, string time, double min, double max)
    {
        var g = volume.Geometry;
        string modality = string.IsNullOrWhiteSpace(o.Modality) ? "OT" : o.Modality.Trim().ToUpperInvariant();
        string sopClass = modality switch { "CT" => CtImageStorage, "MR" => MrImageStorage, _ => SecondaryCaptureImageStorage };
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 192");
        ds.AddOrUpdate(DicomTag.ImageType, modality switch
        {
            "CT" => ["DERIVED", "SECONDARY", "AXIAL"],
            "MR" => ["DERIVED", "SECONDARY", "OTHER"],
            _ => new[] { "DERIVED", "SECONDARY" },
        });
        ds.AddOrUpdate(DicomTag.SOPClassUID, sopClass);
        ds.AddOrUpdate(DicomTag.StudyDate, date);
        ds.AddOrUpdate(DicomTag.SeriesDate, date);
        ds.AddOrUpdate(DicomTag.ContentDate, date);
        ds.AddOrUpdate(DicomTag.StudyTime, time);
        ds.AddOrUpdate(DicomTag.SeriesTime, time);
        ds.AddOrUpdate(DicomTag.ContentTime, time);
        ds.AddOrUpdate(DicomTag.AccessionNumber, Array.Empty<string>());
        ds.AddOrUpdate(DicomTag.Modality, modality);
        if (sopClass == SecondaryCaptureImageStorage) ds.AddOrUpdate(DicomTag.ConversionType, "WSD");
        ds.AddOrUpdate(DicomTag.Manufacturer, Array.Empty<string>());
        ds.AddOrUpdate(DicomTag.ReferringPhysicianName, Array.Empty<string>());
        ds.AddOrUpdate(DicomTag.SeriesDescription, o.SeriesDescription);
        ds.AddOrUpdate(DicomTag.Laterality, Array.Empty<string>());
        if (sopClass != SecondaryCaptureImageStorage) ds.AddOrUpdate(DicomTag.PatientPosition, Array.Empty<string>());
        ds.AddOrUpdate(DicomTag.PatientName, o.PatientName);
        ds.AddOrUpdate(DicomTag.PatientID, o.PatientId);
        ds.AddOrUpdate(DicomTag.PatientBirthDate, Array.Empty<string>());
        ds.AddOrUpdate(DicomTag.PatientSex, Array.Empty<string>());
        if (modality == "CT") ds.AddOrUpdate(DicomTag.KVP, Array.Empty<string>());
        if (modality == "MR")
        {
            ds.AddOrUpdate(DicomTag.ScanningSequence, "RM"); // research mode: the acquisition is not known
            ds.AddOrUpdate(DicomTag.SequenceVariant, "NONE");
            ds.AddOrUpdate(DicomTag.ScanOptions, Array.Empty<string>());
            ds.AddOrUpdate(DicomTag.MRAcquisitionType, "3D");
            ds.AddOrUpdate(DicomTag.RepetitionTime, Array.Empty<string>());
            ds.AddOrUpdate(DicomTag.EchoTime, Array.Empty<string>());
            ds.AddOrUpdate(DicomTag.EchoTrainLength, Array.Empty<string>());
            ds.AddOrUpdate(DicomTag.SpacingBetweenSlices, g.Spacing.Z);
        }
        ds.AddOrUpdate(DicomTag.SliceThickness, g.Spacing.Z);
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, study);
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, series);
        ds.AddOrUpdate(DicomTag.StudyID, Array.Empty<string>());
        ds.AddOrUpdate(DicomTag.SeriesNumber, o.SeriesNumber);
        if (modality == "CT") ds.AddOrUpdate(DicomTag.AcquisitionNumber, Array.Empty<string>());
        if (sopClass == SecondaryCaptureImageStorage) ds.AddOrUpdate(DicomTag.PatientOrientation, Array.Empty<string>());
        ds.AddOrUpdate(DicomTag.ImageOrientationPatient,
            g.RowDirection.X, g.RowDirection.Y, g.RowDirection.Z, g.ColumnDirection.X, g.ColumnDirection.Y, g.ColumnDirection.Z);
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, frameOfReference);
        ds.AddOrUpdate(DicomTag.PositionReferenceIndicator, Array.Empty<string>());
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.Rows, (ushort)g.SizeJ);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)g.SizeI);
        // Pixel Spacing is the distance between rows (along j), then between columns (along i): PS3.3 §10.7.1.3.
        ds.AddOrUpdate(DicomTag.PixelSpacing, g.Spacing.Y, g.Spacing.X);
        ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)16);
        ds.AddOrUpdate(DicomTag.BitsStored, (ushort)16);
        ds.AddOrUpdate(DicomTag.HighBit, (ushort)15);
        double width = Math.Max(1, max - min);
        ds.AddOrUpdate(DicomTag.WindowCenter, min + width / 2);
        ds.AddOrUpdate(DicomTag.WindowWidth, width);
        return ds;
    }

    /// <summary>The smallest and largest voxel value (finite values only; 0, 0 for a volume with none).</summary>
    private static (double Min, double Max) Range(Volume volume)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var voxels = volume.Voxels;
        for (long i = 0; i < voxels.LongLength; i++)
        {
            double v = SampleTypes.ToDouble(voxels, i);
            if (!double.IsFinite(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return double.IsFinite(min) ? (min, max) : (0, 0);
    }
}
