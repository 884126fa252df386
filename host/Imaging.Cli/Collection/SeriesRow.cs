namespace Imaging.Cli.Collection;

/// <summary>
/// One row of the collection, like a row of MATLAB's dicomCollection: a series (PS3.3 C.7.3.1) with its patient and
/// study, how many instances and frames it holds, the distinct image sizes and transfer syntaxes, and its files.
/// </summary>
internal sealed record SeriesRow(
    string PatientId,
    string PatientName,
    string StudyInstanceUid,
    string StudyDate,
    string SeriesInstanceUid,
    int? SeriesNumber,
    string Modality,
    string SeriesDescription,
    int Instances,
    long Frames,
    IReadOnlyList<string> Sizes,
    IReadOnlyList<TransferSyntaxRef> TransferSyntaxes,
    IReadOnlyList<string> Files)
{
    /// <summary>The sizes as "RowsxColumns", separated by ";" when mixed; empty for instances without an image.</summary>
    public string SizeText => string.Join(';', Sizes);
}
