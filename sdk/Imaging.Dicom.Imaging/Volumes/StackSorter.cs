using System.Globalization;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// Sorts slices into stacks: partitions by series, Stack ID, orientation and pixel format, splits duplicate positions
/// (4-D) by the first attribute that explains them (<see cref="VolumeSplitKey"/>), then sorts each stack along its
/// normal — never by Instance Number — and checks its spacing.
/// </summary>
internal static class StackSorter
{
    /// <summary>Positions closer than this along the normal (mm) are the same position.</summary>
    private const double SamePosition = 0.005;

    private static readonly VolumeSplitKey[] SplitOrder =
    [
        VolumeSplitKey.TemporalPositionIndex, VolumeSplitKey.TemporalPositionIdentifier, VolumeSplitKey.TriggerTime,
        VolumeSplitKey.DiffusionBValue, VolumeSplitKey.EchoTime, VolumeSplitKey.AcquisitionNumber, VolumeSplitKey.AcquisitionTime,
    ];

    public static (List<VolumeStack> Stacks, VolumeSplitKey SplitKey) Sort(List<VolumeSlice> slices, VolumeReadOptions options, List<VolumeFinding> findings)
    {
        var partitions = Partition(slices, options, findings);
        var groups = new List<(List<VolumeSlice> Slices, VolumeSplitKey Key, string? Value)>();
        var stackIds = slices.Select(s => s.StackId).Where(s => s is not null).Distinct(StringComparer.Ordinal).ToList();
        var splitKey = stackIds.Count > 1 ? VolumeSplitKey.StackId : VolumeSplitKey.None;
        if (splitKey == VolumeSplitKey.StackId)
            findings.Add(new VolumeFinding(VolumeFindingKind.MultipleVolumes, VolumeFindingSeverity.Info,
                $"the enhanced instance holds {stackIds.Count} stacks (Stack ID {string.Join(", ", stackIds)}); each is its own stack"));
        foreach (var part in partitions)
        {
            if (!part[0].HasGeometry)
            {
                groups.Add((part.OrderBy(s => s.InstanceNumber ?? int.MaxValue).ThenBy(s => s.FrameIndex).ToList(), VolumeSplitKey.None, null));
                continue;
            }
            var normal = Vector3D.Cross(part[0].Row, part[0].Column).Normalize();
            foreach (var s in part) s.Location = Vector3D.Dot(normal, s.Position);
            part.Sort((a, b) => a.Location.CompareTo(b.Location));
            int positions = CountPositions(part);
            if (positions == part.Count)
            {
                groups.Add((part, VolumeSplitKey.None, null));
                continue;
            }
            var (key, split) = Split(part, positions);
            splitKey = splitKey == VolumeSplitKey.None ? key : splitKey;
            var sizes = split.Select(g => g.Slices.Count).Distinct().ToList();
            string values = string.Join(", ", split.Take(8).Select(g => g.Value)) + (split.Count > 8 ? ", …" : "");
            findings.Add(new VolumeFinding(VolumeFindingKind.MultipleVolumes,
                key == VolumeSplitKey.InstanceOrder || sizes.Count > 1 ? VolumeFindingSeverity.Warning : VolumeFindingSeverity.Info,
                key == VolumeSplitKey.InstanceOrder
                    ? $"{part.Count} slices at {positions} positions, and no split attribute tells the volumes apart: split into {split.Count} volumes by Instance Number order at each position"
                    : $"{part.Count} slices at {positions} positions: {split.Count} volumes split by {Describe(key)} ({values})"
                      + (sizes.Count > 1 ? $"; volumes have {string.Join("/", split.Select(g => g.Slices.Count))} slices" : "")));
            foreach (var g in split) groups.Add((g.Slices, key, g.Value));
        }
        // The largest stack first, then the input order.
        var ordered = groups.Select((g, i) => (g, i)).OrderByDescending(x => x.g.Slices.Count).ThenBy(x => x.i).Select(x => x.g).ToList();
        var stacks = new List<VolumeStack>();
        foreach (var (groupSlices, key, value) in ordered)
        {
            bool byStack = key == VolumeSplitKey.None && splitKey == VolumeSplitKey.StackId && groupSlices[0].StackId is not null;
            stacks.Add(byStack
                ? StackAnalysis.Build(stacks.Count, groupSlices, VolumeSplitKey.StackId, groupSlices[0].StackId, options, findings)
                : StackAnalysis.Build(stacks.Count, groupSlices, key, value, options, findings));
        }
        return (stacks, splitKey);
    }

    private static List<List<VolumeSlice>> Partition(List<VolumeSlice> slices, VolumeReadOptions options, List<VolumeFinding> findings)
    {
        var orientations = new List<(Vector3D Row, Vector3D Column)>();
        var byKey = new Dictionary<string, List<VolumeSlice>>(StringComparer.Ordinal);
        var order = new List<string>();
        var series = new HashSet<string>(StringComparer.Ordinal);
        var formats = new Dictionary<string, int>(StringComparer.Ordinal);
        var orientationCounts = new Dictionary<int, int>();
        int noGeometry = 0;
        foreach (var s in slices)
        {
            int o = -1;
            if (s.HasGeometry)
            {
                o = orientations.FindIndex(x => Close(x.Row, s.Row, options.OrientationTolerance) && Close(x.Column, s.Column, options.OrientationTolerance));
                if (o < 0)
                {
                    orientations.Add((s.Row, s.Column));
                    o = orientations.Count - 1;
                }
                orientationCounts[o] = orientationCounts.GetValueOrDefault(o) + 1;
            }
            else
            {
                noGeometry++;
            }
            var f = s.Format;
            string format = $"{f.Columns}×{f.Rows} {f.SampleType}{(f.BitsStored != f.BitsAllocated ? $" ({f.BitsStored} bits stored)" : "")}{(f.SamplesPerPixel != 1 ? $" {f.PhotometricInterpretation}" : "")}";
            formats[format] = formats.GetValueOrDefault(format) + 1;
            series.Add(s.SeriesUid);
            string key = string.Join('|', s.SeriesUid, s.StackId ?? "", o.ToString(CultureInfo.InvariantCulture), format, f.SamplesPerPixel, f.PhotometricInterpretation);
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
                order.Add(key);
            }
            list.Add(s);
        }
        if (series.Count > 1)
            findings.Add(new VolumeFinding(VolumeFindingKind.MixedSeries, VolumeFindingSeverity.Warning,
                $"the input holds {series.Count} series (Series Instance UID); each is its own stack"));
        if (orientations.Count > 1)
            findings.Add(new VolumeFinding(VolumeFindingKind.MixedOrientations, VolumeFindingSeverity.Warning,
                $"{orientations.Count} different Image Orientation (Patient) values: "
                + string.Join("; ", orientations.Select((x, i) => $"{Iop(x.Row, x.Column)} ({orientationCounts[i]} slices)")) + "; each orientation is its own stack"));
        if (formats.Count > 1)
            findings.Add(new VolumeFinding(VolumeFindingKind.MixedFormats, VolumeFindingSeverity.Warning,
                $"{formats.Count} different image sizes/pixel formats: {string.Join("; ", formats.Select(kv => $"{kv.Key} ({kv.Value} slices)"))}; each is its own stack"));
        if (noGeometry > 0)
            findings.Add(new VolumeFinding(VolumeFindingKind.MissingGeometry, VolumeFindingSeverity.Warning,
                $"{noGeometry} slice{(noGeometry == 1 ? " has" : "s have")} no usable Image Position/Orientation (Patient): stacked by Instance Number with an identity orientation"));
        return [.. order.Select(k => byKey[k])];
    }

    private static int CountPositions(List<VolumeSlice> sorted)
    {
        int n = sorted.Count == 0 ? 0 : 1;
        for (int i = 1; i < sorted.Count; i++)
            if (sorted[i].Location - sorted[i - 1].Location > SamePosition) n++;
        return n;
    }

    /// <summary>Position cluster index of each slice of a sorted partition.</summary>
    private static int[] PositionIndex(List<VolumeSlice> sorted)
    {
        var index = new int[sorted.Count];
        for (int i = 1; i < sorted.Count; i++)
            index[i] = index[i - 1] + (sorted[i].Location - sorted[i - 1].Location > SamePosition ? 1 : 0);
        return index;
    }

    private static (VolumeSplitKey Key, List<(List<VolumeSlice> Slices, string Value)> Groups) Split(List<VolumeSlice> sorted, int positions)
    {
        var pos = PositionIndex(sorted);
        int perPosition = pos.GroupBy(p => p).Max(g => g.Count());
        foreach (var key in SplitOrder)
        {
            if (sorted.Exists(s => s.SplitValues[(int)key] is null)) continue;
            var groups = sorted.Select((s, i) => (s, i)).GroupBy(x => x.s.SplitValues[(int)key]!, StringComparer.Ordinal).ToList();
            if (groups.Count != perPosition) continue;
            // Each group must hold each position at most once.
            if (groups.Any(g => g.Select(x => pos[x.i]).Distinct().Count() != g.Count())) continue;
            var ordered = groups.OrderBy(g => double.TryParse(g.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN)
                .ThenBy(g => g.Key, StringComparer.Ordinal);
            return (key, [.. ordered.Select(g => (g.Select(x => x.s).ToList(), g.Key))]);
        }
        // Fallback: the n-th slice (by Instance Number, then input order) at each position goes to volume n.
        var fallback = new List<(List<VolumeSlice>, string)>();
        foreach (var cluster in sorted.Select((s, i) => (s, i)).GroupBy(x => pos[x.i]))
        {
            int r = 0;
            foreach (var (s, _) in cluster.OrderBy(x => x.s.InstanceNumber ?? int.MaxValue).ThenBy(x => x.i))
            {
                if (fallback.Count <= r) fallback.Add(([], $"#{r + 1}"));
                fallback[r].Item1.Add(s);
                r++;
            }
        }
        return (VolumeSplitKey.InstanceOrder, fallback);
    }

    private static bool Close(Vector3D a, Vector3D b, double tolerance) =>
        Math.Abs(a.X - b.X) <= tolerance && Math.Abs(a.Y - b.Y) <= tolerance && Math.Abs(a.Z - b.Z) <= tolerance;

    private static string Iop(Vector3D r, Vector3D c) => string.Create(CultureInfo.InvariantCulture, $"[{r.X:0.###}\\{r.Y:0.###}\\{r.Z:0.###}\\{c.X:0.###}\\{c.Y:0.###}\\{c.Z:0.###}]");

    internal static string Describe(VolumeSplitKey key) => key switch
    {
        VolumeSplitKey.StackId => "Stack ID",
        VolumeSplitKey.TemporalPositionIndex => "Temporal Position Index",
        VolumeSplitKey.TemporalPositionIdentifier => "Temporal Position Identifier",
        VolumeSplitKey.TriggerTime => "Trigger Time",
        VolumeSplitKey.DiffusionBValue => "Diffusion b-value",
        VolumeSplitKey.EchoTime => "Echo Time",
        VolumeSplitKey.AcquisitionNumber => "Acquisition Number",
        VolumeSplitKey.AcquisitionTime => "Acquisition Time",
        VolumeSplitKey.InstanceOrder => "Instance Number order",
        _ => "nothing",
    };
}
