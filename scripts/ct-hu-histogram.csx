// Per-series statistics: for every series under a folder, the distribution of pixel values in modality units —
// Hounsfield units for CT, through Rescale Slope and Intercept (PS3.3 C.11.1.1.2: HU = stored * slope + intercept).
// Prints min / mean / max / standard deviation and a text histogram, and writes the histograms as CSV.
//
//   imaging run scripts/ct-hu-histogram.csx -- STUDY_FOLDER [BIN_WIDTH] [OUT.csv]
//
// Defaults: the current folder, 100 HU bins, histograms.csv. Native (uncompressed) 8- and 16-bit monochrome images
// only; compressed series are skipped with a note until the codec plugins land.
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

var folder = PathOf(Args.Count > 0 ? Args[0] : ".");
var binWidth = Args.Count > 1 ? double.Parse(Args[1], CultureInfo.InvariantCulture) : 100;
var output = PathOf(Args.Count > 2 ? Args[2] : "histograms.csv");
var inv = CultureInfo.InvariantCulture;

var csv = new StringBuilder("SeriesInstanceUID,Modality,Unit,BinStart,Count\n");
foreach (var series in Series(folder))
{
    var bins = new SortedDictionary<long, long>();
    double sum = 0, sumSquares = 0, min = double.MaxValue, max = double.MinValue;
    long n = 0;
    string unit = series.Modality == "CT" ? "HU" : "stored";
    string? skipped = null;
    foreach (var file in series.Instances)
    {
        CancellationToken.ThrowIfCancellationRequested();
        var ds = file.Dataset;
        if (file.TransferSyntax.IsEncapsulated) { skipped = $"compressed ({file.TransferSyntax.Name})"; break; }
        int bits = ds.GetSingleValueOrDefault(DicomTag.BitsAllocated, 0);
        bool signed = ds.GetSingleValueOrDefault(DicomTag.PixelRepresentation, 0) == 1;
        if (ds.GetSingleValueOrDefault(DicomTag.SamplesPerPixel, 1) != 1 || bits is not (8 or 16)) { skipped = $"{bits}-bit or colour"; break; }
        if (!ds.TryGetElement(DicomTag.PixelData, out var pixelData)) continue;
        double slope = ds.GetSingleValueOrDefault(DicomTag.RescaleSlope, 1.0), intercept = ds.GetSingleValueOrDefault(DicomTag.RescaleIntercept, 0.0);
        if (series.Modality != "CT") (slope, intercept, unit) = (1.0, 0.0, "stored");
        var bytes = pixelData.Buffer.Memory.Span;
        int count = bits == 16 ? bytes.Length / 2 : bytes.Length;
        for (int i = 0; i < count; i++)
        {
            double stored = bits == 8 ? (signed ? (sbyte)bytes[i] : bytes[i])
                : signed ? BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]) : BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]);
            double value = stored * slope + intercept;
            long bin = (long)Math.Floor(value / binWidth);
            bins[bin] = bins.GetValueOrDefault(bin) + 1;
            sum += value; sumSquares += value * value; n++;
            if (value < min) min = value;
            if (value > max) max = value;
        }
    }
    Print($"{series}");
    if (skipped is not null || n == 0) { Print($"  skipped: {skipped ?? "no pixel data"}"); continue; }
    double mean = sum / n, sd = Math.Sqrt(Math.Max(0, sumSquares / n - mean * mean));
    Print(string.Create(inv, $"  {n} pixels, {unit}: min {min:0.#}  mean {mean:0.#}  max {max:0.#}  sd {sd:0.#}"));
    long peak = bins.Values.Max();
    foreach (var (bin, count) in bins)
    {
        double start = bin * binWidth;
        csv.Append(string.Create(inv, $"{series.SeriesInstanceUid},{series.Modality},{unit},{start},{count}\n"));
        if (count * 200 < peak) continue;   // the text histogram shows bins with at least 0.5 % of the peak
        Print(string.Create(inv, $"  {start,8:0} {count,10}  {new string('#', (int)Math.Ceiling(40.0 * count / peak))}"));
    }
}
File.WriteAllText(output, csv.ToString());
Print($"histograms -> {output}");
