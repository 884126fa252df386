namespace Imaging.Cli.Collection;

/// <summary>
/// What `imaging collection` keeps of one instance's header: the attributes that identify its patient, study and series
/// (PS3.3 C.7.1.1, C.7.2.1, C.7.3.1) and the image geometry that describes its frames (PS3.3 C.7.6.3, C.7.6.6).
/// Empty strings stand for absent attributes.
/// </summary>
internal sealed record InstanceSummary(
    string Path,
    string PatientId,
    string PatientName,
    string StudyInstanceUid,
    string StudyDate,
    string SeriesInstanceUid,
    int? SeriesNumber,
    string Modality,
    string SeriesDescription,
    int Frames,
    int Rows,
    int Columns,
    string TransferSyntaxUid,
    string TransferSyntaxName);
