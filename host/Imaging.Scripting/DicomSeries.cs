using Imaging.Dicom;

namespace Imaging.Scripting;

/// <summary>
/// One series found in a folder: its instances sorted by geometry — by position along the slice normal (PS3.3
/// C.7.6.2.1.1: Image Position (Patient) projected on the cross product of the Image Orientation (Patient) row and
/// column cosines) — and by Instance Number when the geometry is missing.
/// </summary>
public sealed class DicomSeries
{
    internal DicomSeries(string seriesInstanceUid, IReadOnlyList<DicomFile> instances)
    {
        SeriesInstanceUid = seriesInstanceUid;
        Instances = instances;
    }

    /// <summary>Series Instance UID (0020,000E).</summary>
    public string SeriesInstanceUid { get; }

    /// <summary>The instances, sorted by geometry (headers read; pixel data read from the file on first touch).</summary>
    public IReadOnlyList<DicomFile> Instances { get; }

    /// <summary>The first instance's data set (series-level attributes are the same in every instance).</summary>
    public DicomDataset First => Instances[0].Dataset;

    /// <summary>Modality (0008,0060).</summary>
    public string Modality => First.GetSingleValueOrDefault(DicomTag.Modality, "");

    /// <summary>Series Description (0008,103E).</summary>
    public string Description => First.GetSingleValueOrDefault(DicomTag.SeriesDescription, "");

    /// <summary>Series Number (0020,0011), or 0.</summary>
    public int Number => First.GetSingleValueOrDefault(DicomTag.SeriesNumber, 0);

    /// <summary>Patient ID (0010,0020).</summary>
    public string PatientId => First.GetSingleValueOrDefault(DicomTag.PatientID, "");

    /// <summary>Study Instance UID (0020,000D).</summary>
    public string StudyInstanceUid => First.GetSingleValueOrDefault(DicomTag.StudyInstanceUID, "");

    /// <summary>The number of instances.</summary>
    public int Count => Instances.Count;

    /// <inheritdoc />
    public override string ToString() => $"{Modality} series {Number} '{Description}': {Count} instances ({SeriesInstanceUid})";

    /// <summary>Sorts instances along the slice normal (or by Instance Number when geometry is missing).</summary>
    internal static List<DicomFile> SortByGeometry(IEnumerable<DicomFile> files)
    {
        var list = files.ToList();
        var keyed = list.Select(f => (File: f, Position: PositionAlongNormal(f.Dataset), Number: f.Dataset.GetSingleValueOrDefault(DicomTag.InstanceNumber, int.MaxValue))).ToList();
        return keyed.All(k => k.Position.HasValue)
            ? [.. keyed.OrderBy(k => k.Position!.Value).ThenBy(k => k.Number).Select(k => k.File)]
            : [.. keyed.OrderBy(k => k.Number).ThenBy(k => k.File.FilePath, StringComparer.Ordinal).Select(k => k.File)];
    }

    private static double? PositionAlongNormal(DicomDataset ds)
    {
        if (!ds.TryGetValues<double>(DicomTag.ImageOrientationPatient, out var o) || o is not { Length: 6 }) return null;
        if (!ds.TryGetValues<double>(DicomTag.ImagePositionPatient, out var p) || p is not { Length: 3 }) return null;
        double nx = o[1] * o[5] - o[2] * o[4], ny = o[2] * o[3] - o[0] * o[5], nz = o[0] * o[4] - o[1] * o[3];
        return nx * p[0] + ny * p[1] + nz * p[2];
    }
}
