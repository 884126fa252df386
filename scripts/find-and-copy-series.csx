// Find series by criteria and copy their files: e.g. every CT series with at least 20 slices.
//
//   imaging run scripts/find-and-copy-series.csx -- STUDY_FOLDER OUT_FOLDER [MODALITY] [MIN_SLICES]
//
// Defaults: the current folder, ./selected, CT, 10. Each matching series goes to
// OUT_FOLDER/<PatientID>/<SeriesNumber>_<Modality>/ with its files renamed in geometric order (0001.dcm = first
// slice along the slice normal). Change the Where(...) below for other criteria (description, slice thickness, date).
var input = PathOf(Args.Count > 0 ? Args[0] : ".");
var output = PathOf(Args.Count > 1 ? Args[1] : "selected");
var modality = Args.Count > 2 ? Args[2] : "CT";
var minSlices = Args.Count > 3 ? int.Parse(Args[3], System.Globalization.CultureInfo.InvariantCulture) : 10;

// Folder names from header values: keep letters, digits, '-', '.', '_' only (no path separators from a header).
static string Safe(string value) => value.Length == 0 ? "unknown" : new string(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray());

var all = Series(input);
var matches = all
    .Where(s => string.Equals(s.Modality, modality, StringComparison.OrdinalIgnoreCase))
    .Where(s => s.Count >= minSlices)
    .ToList();
Print($"{matches.Count} of {all.Count} series are {modality} with >= {minSlices} instances");

int copied = 0;
foreach (var s in matches)
{
    var target = Path.Combine(output, Safe(s.PatientId), $"{s.Number:D3}_{Safe(s.Modality)}");
    Directory.CreateDirectory(target);
    for (int i = 0; i < s.Instances.Count; i++)
    {
        CancellationToken.ThrowIfCancellationRequested();
        File.Copy(s.Instances[i].FilePath!, Path.Combine(target, $"{i + 1:D4}.dcm"), overwrite: true);
        copied++;
    }
    Print($"  {s} -> {target}");
}
Print($"copied {copied} files to {output}");
