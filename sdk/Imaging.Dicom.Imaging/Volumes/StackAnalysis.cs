using System.Globalization;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// Checks one sorted stack — spacing along the normal (nominal = the modal gap), missing slices, shear (gantry tilt),
/// pixel spacing — builds its <see cref="VolumeGeometry"/> and chooses its voxel type.
/// </summary>
internal static class StackAnalysis
{
    private const double ShearThresholdDegrees = 0.01;

    public static VolumeStack Build(int index, List<VolumeSlice> slices, VolumeSplitKey key, string? value, VolumeReadOptions options, List<VolumeFinding> findings)
    {
        var first = slices[0];
        var format = first.Format;
        string name = $"stack {index}" + (key != VolumeSplitKey.None ? $" ({StackSorter.Describe(key)} {value})" : "");
        var severity = options.RefuseIrregularSpacing ? VolumeFindingSeverity.Error : VolumeFindingSeverity.Warning;

        if (slices.Exists(s => Math.Abs(s.RowSpacing - first.RowSpacing) > 1e-4 * first.RowSpacing || Math.Abs(s.ColumnSpacing - first.ColumnSpacing) > 1e-4 * first.ColumnSpacing))
            findings.Add(new VolumeFinding(VolumeFindingKind.MixedPixelSpacing, VolumeFindingSeverity.Warning,
                $"{name}: slices have different Pixel Spacing; the first slice's ({Mm(first.RowSpacing)}\\{Mm(first.ColumnSpacing)} mm) is used", index));

        Vector3D row = first.HasGeometry ? first.Row : new Vector3D(1, 0, 0);
        Vector3D column = first.HasGeometry ? first.Column : new Vector3D(0, 1, 0);
        var normal = Vector3D.Cross(row, column).Normalize();
        double nominal = first.SpacingBetweenSlices is { } sbs ? Math.Abs(sbs) : first.SliceThickness ?? 1.0;
        var direction = normal;
        var gaps = new List<double>();
        var irregular = new List<VolumeGap>();
        double shear = 0;

        if (first.HasGeometry && slices.Count > 1)
        {
            for (int k = 1; k < slices.Count; k++) gaps.Add(slices[k].Location - slices[k - 1].Location);
            nominal = ModalGap(gaps, options.SpacingTolerance);
            double tolerance = Math.Max(0.001, options.SpacingTolerance * nominal);
            for (int k = 0; k < gaps.Count; k++)
            {
                double g = gaps[k];
                if (Math.Abs(g - nominal) <= tolerance) continue;
                int m = (int)Math.Round(g / nominal);
                irregular.Add(new VolumeGap(k, g, m >= 2 && Math.Abs(g - m * nominal) <= tolerance ? m - 1 : 0));
            }
            var span = slices[^1].Position - slices[0].Position;
            if (span.Length > 1e-9)
            {
                direction = span.Normalize();
                shear = Vector3D.AngleDegrees(direction, normal);
                if (shear <= ShearThresholdDegrees) direction = normal;
            }
            // Slices off the line from the first to the last (positions wandering in-plane) make the spacing irregular too.
            double drift = 0;
            foreach (var s in slices)
            {
                var d = s.Position - slices[0].Position;
                drift = Math.Max(drift, (d - direction * Vector3D.Dot(d, direction)).Length);
            }
            if (drift > tolerance)
                findings.Add(new VolumeFinding(VolumeFindingKind.IrregularSpacing, severity,
                    $"{name}: slice positions wander up to {Mm(drift)} mm off the line from the first to the last slice", index));
        }

        if (irregular.Count > 0)
        {
            var described = irregular.Take(6).Select(g => $"{Mm(g.Gap)} mm after slice {g.AfterSlice}");
            findings.Add(new VolumeFinding(VolumeFindingKind.IrregularSpacing, severity,
                $"{name}: {irregular.Count} of {gaps.Count} gaps differ from the nominal {Mm(nominal)} mm spacing: {string.Join(", ", described)}{(irregular.Count > 6 ? ", …" : "")}"
                + (options.RefuseIrregularSpacing ? " (refused: RefuseIrregularSpacing)" : "; built with the nominal spacing, so positions after a gap are approximate"), index));
            foreach (var g in irregular.Where(g => g.MissingSlices > 0))
                findings.Add(new VolumeFinding(VolumeFindingKind.MissingSlices, severity,
                    $"{name}: {g.MissingSlices} missing slice{(g.MissingSlices == 1 ? "" : "s")} between {Mm(slices[g.AfterSlice].Location)} and {Mm(slices[g.AfterSlice + 1].Location)} mm along the normal (gap {Mm(g.Gap)} mm = {g.MissingSlices + 1} × {Mm(nominal)} mm)", index));
        }

        double? tiltAttribute = first.GantryTilt;
        if (shear > ShearThresholdDegrees)
            findings.Add(new VolumeFinding(VolumeFindingKind.GantryTilt, VolumeFindingSeverity.Warning,
                $"{name}: slices step at {shear.ToString("0.##", CultureInfo.InvariantCulture)}° to the plane normal"
                + (tiltAttribute is { } t ? $" (Gantry/Detector Tilt {t.ToString("0.##", CultureInfo.InvariantCulture)}°)" : "")
                + ": the voxel grid is sheared; the geometry keeps the shear (SliceDirection ≠ SliceNormal)", index));
        else if (tiltAttribute is { } t && Math.Abs(t) > ShearThresholdDegrees)
            findings.Add(new VolumeFinding(VolumeFindingKind.GantryTilt, VolumeFindingSeverity.Info,
                $"{name}: Gantry/Detector Tilt is {t.ToString("0.##", CultureInfo.InvariantCulture)}° but the slice positions show no shear; the geometry follows the positions", index));

        // Step length between slice origins: the normal gap divided by the cosine of the shear.
        double stepZ = nominal / Math.Max(1e-6, Math.Abs(Vector3D.Dot(direction, normal)));
        var geometry = new VolumeGeometry(format.Columns, format.Rows, slices.Count,
            new Vector3D(first.ColumnSpacing, first.RowSpacing, stepZ),
            first.HasGeometry ? first.Position : Vector3D.Zero, row, column, direction);
        return new VolumeStack(index, slices, geometry, ChooseType(slices, format, options), key, value, nominal, gaps, irregular, shear, options);
    }

    /// <summary>The most frequent gap (gaps within the tolerance of each other count as one), ties to the smaller; the mean of that cluster.</summary>
    internal static double ModalGap(List<double> gaps, double relativeTolerance)
    {
        var sorted = gaps.Where(g => g > 0).Order().ToList();
        if (sorted.Count == 0) return 1.0;
        double best = sorted[0];
        int bestCount = 0;
        for (int i = 0; i < sorted.Count; i++)
        {
            double tol = Math.Max(0.001, relativeTolerance * sorted[i]);
            int j = i;
            double sum = 0;
            while (j < sorted.Count && sorted[j] - sorted[i] <= tol) sum += sorted[j++];
            if (j - i > bestCount)
            {
                bestCount = j - i;
                best = sum / (j - i);
            }
        }
        return best;
    }

    /// <summary>PS3.3 §C.11.1: Int16 when stored integers map to integer modality values that fit; Float64 for double data; else Float32.</summary>
    private static (SampleType Type, bool Certain) ChooseType(List<VolumeSlice> slices, PixelFormat format, VolumeReadOptions options)
    {
        if (options.VoxelType is { } forced)
        {
            if (forced is not (SampleType.Int16 or SampleType.Float32 or SampleType.Float64))
                throw new ArgumentException($"VoxelType must be Int16, Float32 or Float64, not {forced}.", nameof(options));
            if (forced == SampleType.Int16 && (format.IsFloat || format.BitsAllocated > 16))
                throw new VolumeException($"VoxelType Int16 cannot hold {format.SampleType} pixel data without losing values; use Float32 or Float64 (or leave VoxelType unset).");
            return (forced, forced != SampleType.Int16);
        }
        if (format.SampleType == SampleType.Float64) return (SampleType.Float64, true);
        if (format.IsFloat || format.BitsAllocated > 16) return (SampleType.Float32, true);
        static bool IsInteger(double v) => Math.Abs(v - Math.Round(v)) < 1e-9 && Math.Abs(v) < 1 << 20;
        if (!slices.TrueForAll(s => IsInteger(s.RescaleSlope) && IsInteger(s.RescaleIntercept))) return (SampleType.Float32, true);
        var (lo, hi) = StoredRange(format);
        bool fits = slices.TrueForAll(s =>
        {
            double a = lo * s.RescaleSlope + s.RescaleIntercept, b = hi * s.RescaleSlope + s.RescaleIntercept;
            return Math.Min(a, b) >= short.MinValue && Math.Max(a, b) <= short.MaxValue;
        });
        // 16-bit stored values may not fit in theory (e.g. signed 16 bits with intercept −1024) but do in practice:
        // try Int16 and check every slice while loading; fall back to Float32 when one does not fit.
        return (SampleType.Int16, fits);
    }

    internal static (double Min, double Max) StoredRange(PixelFormat format)
    {
        int bits = Math.Clamp(format.BitsStored, 1, 32);
        return format.IsSigned ? (-Math.Pow(2, bits - 1), Math.Pow(2, bits - 1) - 1) : (0, Math.Pow(2, bits) - 1);
    }

    private static string Mm(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
