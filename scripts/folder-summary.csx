// Folder summary: one CSV row per series found under a folder (recursively).
//
//   imaging run scripts/folder-summary.csx -- STUDY_FOLDER [OUT.csv]
//
// Defaults: the current folder, and series-summary.csv in the current folder. Columns: patient, study, series,
// modality, description, instance count, image size, pixel spacing, slice spacing (from the geometry-sorted positions),
// and bytes on disk. Open the CSV in a spreadsheet or pandas.
using System.Globalization;
using System.Text;

var folder = PathOf(Args.Count > 0 ? Args[0] : ".");
var output = PathOf(Args.Count > 1 ? Args[1] : "series-summary.csv");
var inv = CultureInfo.InvariantCulture;

// RFC 4180: quote fields that hold a comma, a quote or a line break.
static string Csv(params object?[] fields) => string.Join(",", fields.Select(f =>
{
    var s = Convert.ToString(f, CultureInfo.InvariantCulture) ?? "";
    return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}));

// Distance between consecutive slices along the slice normal (PS3.3 C.7.6.2.1.1), from the first two instances.
static string SliceSpacing(DicomSeries series)
{
    if (series.Count < 2) return "";
    if (!series.Instances[0].Dataset.TryGetValues<double>(DicomTag.ImagePositionPatient, out var a)) return "";
    if (!series.Instances[1].Dataset.TryGetValues<double>(DicomTag.ImagePositionPatient, out var b)) return "";
    var d = Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());
    return d.ToString("0.###", CultureInfo.InvariantCulture);
}

var series = Series(folder);
var csv = new StringBuilder();
csv.AppendLine("PatientID,StudyInstanceUID,SeriesInstanceUID,SeriesNumber,Modality,SeriesDescription,Instances,Rows,Columns,PixelSpacing,SliceSpacing,Bytes");
foreach (var s in series)
{
    CancellationToken.ThrowIfCancellationRequested();
    var first = s.First;
    var spacing = first.TryGetValues<double>(DicomTag.PixelSpacing, out var ps) ? string.Join("\\", ps.Select(v => v.ToString("0.###", inv))) : "";
    long bytes = s.Instances.Sum(f => f.FilePath is null ? 0 : new FileInfo(f.FilePath).Length);
    csv.AppendLine(Csv(s.PatientId, s.StudyInstanceUid, s.SeriesInstanceUid, s.Number, s.Modality, s.Description, s.Count,
        first.GetSingleValueOrDefault(DicomTag.Rows, 0), first.GetSingleValueOrDefault(DicomTag.Columns, 0), spacing, SliceSpacing(s), bytes));
    Print($"{s.Modality,-3} series {s.Number,3}  {s.Count,4} instances  {s.Description}");
}
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.WriteAllText(output, csv.ToString());
Print($"{series.Count} series, {series.Sum(s => s.Count)} instances under {folder} -> {output}");
