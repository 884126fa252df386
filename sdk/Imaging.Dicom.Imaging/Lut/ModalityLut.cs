using System.Globalization;

namespace Imaging.Dicom.Imaging.Lut;

/// <summary>
/// The Modality LUT (PS3.3 §C.11.1): stored values to modality values (e.g. HU), either linear — Rescale Slope and
/// Rescale Intercept, 1 and 0 when absent — or a lookup table from the Modality LUT Sequence. For Enhanced multi-frame
/// images the frame's Pixel Value Transformation Sequence (PS3.3 §C.7.6.16.2.9, per-frame or shared functional group)
/// takes precedence over the top-level attributes.
/// </summary>
public sealed class ModalityLut
{
    private ModalityLut(double slope, double intercept, LookupTable? table, string? rescaleType)
    {
        Slope = slope;
        Intercept = intercept;
        Table = table;
        RescaleType = rescaleType;
    }

    /// <summary>The identity transformation (slope 1, intercept 0, no table).</summary>
    public static ModalityLut Identity { get; } = new(1, 0, null, null);

    /// <summary>(0028,1053) Rescale Slope; 1 when a <see cref="Table"/> is used.</summary>
    public double Slope { get; }

    /// <summary>(0028,1052) Rescale Intercept; 0 when a <see cref="Table"/> is used.</summary>
    public double Intercept { get; }

    /// <summary>The Modality LUT Sequence's table, when the modality transformation is not linear.</summary>
    public LookupTable? Table { get; }

    /// <summary>(0028,1054) Rescale Type (e.g. HU), or the table's Modality LUT Type (0028,3004), if given.</summary>
    public string? RescaleType { get; }

    /// <summary>Whether this transformation changes nothing.</summary>
    public bool IsIdentity => Table is null && Slope == 1 && Intercept == 0;

    /// <summary>A linear transformation: <c>slope × stored + intercept</c> (PS3.3 §C.11.1.1.2).</summary>
    public static ModalityLut FromRescale(double slope, double intercept, string? rescaleType = null)
    {
        if (!double.IsFinite(slope) || !double.IsFinite(intercept))
            throw new ArgumentException($"Rescale Slope {slope} and Intercept {intercept} must be finite numbers.");
        return new(slope, intercept, null, rescaleType);
    }

    /// <summary>A table transformation (PS3.3 §C.11.1.1.1).</summary>
    public static ModalityLut FromTable(LookupTable table, string? modalityLutType = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(1, 0, table, modalityLutType);
    }

    /// <summary>
    /// The modality transformation of frame <paramref name="frameIndex"/> (0-based) of <paramref name="dataset"/>: the
    /// Pixel Value Transformation functional group of that frame (or the shared one), else the Modality LUT Sequence's
    /// first item, else Rescale Slope/Intercept (1/0 when absent). The LUT's first mapped value is read as signed when
    /// Pixel Representation is 1.
    /// </summary>
    /// <exception cref="DicomException">A LUT item or rescale value is malformed; the message names the attribute.</exception>
    public static ModalityLut FromDataset(DicomDataset dataset, int frameIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        bool signed = dataset.GetSingleValueOrDefault(DicomTag.PixelRepresentation, 0) == 1;
        var source = FunctionalGroups.Find(dataset, frameIndex, DicomTag.PixelValueTransformationSequence) ?? dataset;
        if (source.TryGetSequence(DicomTag.ModalityLUTSequence, out var seq) && seq.Count > 0)
        {
            var type = seq[0].TryGetString(DicomTag.ModalityLUTType, out var t) && t.Length > 0 ? t : null;
            return FromTable(LookupTable.FromItem(seq[0], signed), type);
        }
        double slope = ReadNumber(source, DicomTag.RescaleSlope, 1);
        double intercept = ReadNumber(source, DicomTag.RescaleIntercept, 0);
        var rescaleType = source.TryGetString(DicomTag.RescaleType, out var rt) && rt.Length > 0 ? rt : null;
        return slope == 1 && intercept == 0 && rescaleType is null ? Identity : FromRescale(slope, intercept, rescaleType);
    }

    /// <summary>Maps one stored value to its modality value.</summary>
    public double Apply(double stored) => Table is { } t ? t.Lookup(stored) : stored * Slope + Intercept;

    /// <summary>Maps stored values to modality values in place.</summary>
    public void Apply(Span<double> values)
    {
        if (IsIdentity) return;
        for (int i = 0; i < values.Length; i++) values[i] = Apply(values[i]);
    }

    /// <summary>
    /// The range of modality values that stored values of <paramref name="bitsStored"/> bits can give: for a table,
    /// 0 to 2^bits − 1 (PS3.3 §C.11.1.1.1: the output is unsigned); otherwise the stored range rescaled.
    /// </summary>
    public (double Min, double Max) OutputRange(int bitsStored, bool isSigned)
    {
        if (Table is { } t) return (0, t.MaxOutput);
        double lo = isSigned ? -Math.Pow(2, bitsStored - 1) : 0;
        double hi = isSigned ? Math.Pow(2, bitsStored - 1) - 1 : Math.Pow(2, bitsStored) - 1;
        double a = lo * Slope + Intercept, b = hi * Slope + Intercept;
        return (Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>"rescale 1 × SV + -1024 (HU)" or "LUT of N entries from …".</summary>
    public override string ToString() => Table is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"Modality LUT of {t.Count} entries from {t.FirstMappedValue}, {t.BitsPerEntry} bits")
        : string.Create(CultureInfo.InvariantCulture, $"rescale {Slope:R} × SV + {Intercept:R}{(RescaleType is null ? "" : $" ({RescaleType})")}");

    internal static double ReadNumber(DicomDataset source, DicomTag tag, double fallback)
    {
        if (!source.TryGetElement(tag, out var e) || e.Length == 0) return fallback;
        try
        {
            double v = e.Get<double>(0);
            return double.IsFinite(v) ? v : throw new DicomException($"{tag} is {v}, not a finite number.");
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException)
        {
            throw new DicomException($"{tag} '{e.GetString()}' is not a number.", ex);
        }
    }
}
