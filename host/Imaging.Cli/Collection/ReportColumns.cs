using System.Globalization;

namespace Imaging.Cli.Collection;

/// <summary>The columns every text form of the collection shows (table, plain text, CSV), in order, with how each is read from a row.</summary>
internal static class ReportColumns
{
    public sealed record Column(string Title, string CsvName, bool Numeric, Func<SeriesRow, string> Value);

    public static IReadOnlyList<Column> All { get; } =
    [
        new("Patient ID", "PatientID", false, r => r.PatientId),
        new("Patient Name", "PatientName", false, r => r.PatientName),
        new("Study Date", "StudyDate", false, r => r.StudyDate),
        new("Study UID", "StudyInstanceUID", false, r => r.StudyInstanceUid),
        new("Series", "SeriesNumber", true, r => r.SeriesNumber?.ToString(CultureInfo.InvariantCulture) ?? ""),
        new("Series UID", "SeriesInstanceUID", false, r => r.SeriesInstanceUid),
        new("Modality", "Modality", false, r => r.Modality),
        new("Description", "SeriesDescription", false, r => r.SeriesDescription),
        new("Instances", "Instances", true, r => r.Instances.ToString(CultureInfo.InvariantCulture)),
        new("Frames", "Frames", true, r => r.Frames.ToString(CultureInfo.InvariantCulture)),
        new("Size", "Size", false, r => r.SizeText),
        new("Transfer Syntax", "TransferSyntaxUID", false, r => string.Join(';', r.TransferSyntaxes.Select(t => t.Uid))),
    ];

    /// <summary>Tables show the transfer syntax by name; CSV and JSON by UID.</summary>
    public static string DisplayValue(Column column, SeriesRow row) =>
        column.CsvName == "TransferSyntaxUID" ? string.Join("; ", row.TransferSyntaxes.Select(t => t.Name)) : column.Value(row);
}
