using System.Globalization;

namespace Imaging.Dicom.Imaging.Lut;

/// <summary>
/// The VOI LUT (PS3.3 §C.11.2): modality values to the values of interest, as a <see cref="VoiWindow"/> (Window
/// Center/Width with a VOI LUT Function) or as a table from the VOI LUT Sequence. Where it came from is in
/// <see cref="Origin"/>.
/// </summary>
public sealed class VoiLut
{
    private VoiLut(VoiWindow? window, LookupTable? table, string origin)
    {
        Window = window;
        Table = table;
        Origin = origin;
    }

    /// <summary>The window, when this VOI LUT is one.</summary>
    public VoiWindow? Window { get; }

    /// <summary>The VOI LUT Sequence table, when this VOI LUT is one.</summary>
    public LookupTable? Table { get; }

    /// <summary>Where it came from, for people: "the file", "the frame's functional groups", "the frame's min/max", "the caller".</summary>
    public string Origin { get; }

    /// <summary>A VOI LUT that is a window.</summary>
    public static VoiLut FromWindow(VoiWindow window, string origin = "the caller")
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(origin);
        return new(window, null, origin);
    }

    /// <summary>A VOI LUT that is a table (PS3.3 §C.11.2.1.1).</summary>
    public static VoiLut FromTable(LookupTable table, string origin = "the caller")
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(origin);
        return new(null, table, origin);
    }

    /// <summary>
    /// The default when a file gives no VOI: a LINEAR_EXACT window from <paramref name="min"/> to <paramref name="max"/>
    /// (center (min + max)/2, width max − min; width 1 when they are equal), so the smallest value maps to y<sub>min</sub>
    /// and the largest to y<sub>max</sub>.
    /// </summary>
    public static VoiLut FromRange(double min, double max, string origin = "the frame's min/max")
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max < min)
            throw new ArgumentException($"[{min}, {max}] is not a range of finite numbers.");
        double width = max > min ? max - min : 1;
        return new(new VoiWindow((min + max) / 2, width, VoiLutFunction.LinearExact), null, origin);
    }

    /// <summary>
    /// The VOI LUT that <paramref name="dataset"/> gives frame <paramref name="frameIndex"/> (0-based), or null when it
    /// gives none (then use <see cref="FromRange"/> over the frame's values). In order: the Frame VOI LUT functional group
    /// of that frame or the shared one (PS3.3 §C.7.6.16.2.10), then the top-level VOI LUT Module (PS3.3 §C.11.2). Within
    /// one, the VOI LUT Sequence item <paramref name="index"/> is used when <paramref name="preferLutSequence"/> is true
    /// or there is no window (as pydicom's <c>apply_voi_lut</c>), else Window Center/Width value <paramref name="index"/>
    /// (multiple values are alternative views) with VOI LUT Function (LINEAR when absent).
    /// </summary>
    /// <exception cref="DicomException">
    /// The chosen VOI is malformed: index past the number of windows or tables, a width the function does not allow,
    /// an unknown VOI LUT Function, a malformed LUT; the message names the attribute.
    /// </exception>
    public static VoiLut? FromDataset(DicomDataset dataset, int frameIndex = 0, int index = 0, bool preferLutSequence = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        bool signed = dataset.GetSingleValueOrDefault(DicomTag.PixelRepresentation, 0) == 1
            || ModalityLut.ReadNumber(dataset, DicomTag.RescaleIntercept, 0) < 0;
        if (FunctionalGroups.Find(dataset, frameIndex, DicomTag.FrameVOILUTSequence) is { } group
            && FromModule(group, index, preferLutSequence, signed, "the frame's functional groups") is { } perFrame)
            return perFrame;
        return FromModule(dataset, index, preferLutSequence, signed, "the file");
    }

    private static VoiLut? FromModule(DicomDataset module, int index, bool preferLutSequence, bool signed, string origin)
    {
        bool hasTable = module.TryGetSequence(DicomTag.VOILUTSequence, out var seq) && seq.Count > 0;
        module.TryGetElement(DicomTag.WindowCenter, out var wc);
        module.TryGetElement(DicomTag.WindowWidth, out var ww);
        bool hasWindow = wc is { Length: > 0 } && ww is { Length: > 0 };
        if (hasTable && (preferLutSequence || !hasWindow))
        {
            if (index >= seq!.Count) throw new DicomException($"{DicomTag.VOILUTSequence} VOI LUT Sequence has {seq.Count} item(s); there is no item {index}.");
            return FromTable(LookupTable.FromItem(seq[index], signed), origin);
        }
        if (!hasWindow) return null;
        double[] centers = Numbers(wc!), widths = Numbers(ww!);
        int count = Math.Min(centers.Length, widths.Length);
        if (index >= count) throw new DicomException($"{DicomTag.WindowCenter} Window Center / {DicomTag.WindowWidth} Window Width give {count} window(s); there is no window {index}.");
        var function = VoiWindow.ParseFunction(module.TryGetString(DicomTag.VOILUTFunction, out var f) ? f : null);
        string? explanation = module.TryGetElement(DicomTag.WindowCenterWidthExplanation, out var ex) && ex.GetStrings() is { } parts && index < parts.Length && parts[index].Length > 0
            ? parts[index] : null;
        try
        {
            return FromWindow(new VoiWindow(centers[index], widths[index], function) { Explanation = explanation }, origin);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new DicomException(string.Create(CultureInfo.InvariantCulture,
                $"{DicomTag.WindowWidth} Window Width {widths[index]} with VOI LUT Function {VoiWindow.Name(function)}: {e.Message.Split(" (Parameter")[0]}"), e);
        }
    }

    private static double[] Numbers(DicomElement e)
    {
        try
        {
            return e.GetValues<double>();
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException)
        {
            throw new DicomException($"{e.Tag} '{e.GetString()}' is not a list of numbers.", ex);
        }
    }

    /// <summary>
    /// Maps a modality value into [<paramref name="yMin"/>, <paramref name="yMax"/>]: a window by its function's equation;
    /// a table by its entry scaled from [0, 2^bits − 1] (so with yMin 0 and yMax 2^bits − 1 the entry itself).
    /// </summary>
    public double Apply(double x, double yMin, double yMax)
    {
        if (Window is { } w) return w.Apply(x, yMin, yMax);
        var t = Table!;
        return yMin + t.Lookup(x) * (yMax - yMin) / t.MaxOutput;
    }

    /// <summary>"C=40 W=400 LINEAR" or "VOI LUT of N entries from F, B bits".</summary>
    public override string ToString() => Window is { } w
        ? w.ToString()
        : string.Create(CultureInfo.InvariantCulture, $"VOI LUT of {Table!.Count} entries from {Table.FirstMappedValue}, {Table.BitsPerEntry} bits");
}
