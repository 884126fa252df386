namespace Imaging.Cli.Collection;

/// <summary>
/// The result of scanning a folder tree: one row per series in a fixed order, the files that could not be read, and the
/// DICOMDIR files that were skipped because they are directories rather than instances (PS3.10 §8).
/// </summary>
internal sealed record DicomCollection(
    string Directory,
    int FileCount,
    IReadOnlyList<SeriesRow> Series,
    IReadOnlyList<UnreadableFile> Unreadable,
    IReadOnlyList<string> DicomDirs)
{
    public int InstanceCount => Series.Sum(s => s.Instances);

    public int StudyCount => Series.Select(s => s.StudyInstanceUid).Distinct(StringComparer.Ordinal).Count();

    public int PatientCount => Series.Select(s => (s.PatientId, s.PatientName)).Distinct().Count();

    /// <summary>"38 files: 2 series, 36 instances, 1 study, 1 patient; 2 unreadable".</summary>
    public string Summary()
    {
        static string N(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
        var text = $"{N(FileCount, "file", "files")}: {N(Series.Count, "series", "series")}, {N(InstanceCount, "instance", "instances")}, "
            + $"{N(StudyCount, "study", "studies")}, {N(PatientCount, "patient", "patients")}; {Unreadable.Count} unreadable";
        if (DicomDirs.Count > 0) text += $", {N(DicomDirs.Count, "DICOMDIR", "DICOMDIRs")} skipped";
        return text;
    }
}
