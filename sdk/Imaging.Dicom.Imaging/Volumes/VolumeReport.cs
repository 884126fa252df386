namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// What sorting a series into volumes found: every finding as a one-line message, plus typed summary fields. Per-stack
/// details (gaps, missing slices, tilt) are on each <see cref="VolumeStack"/>.
/// </summary>
public sealed class VolumeReport
{
    private readonly List<VolumeFinding> _findings;

    internal VolumeReport(List<VolumeFinding> findings, int sliceCount, int stackCount, VolumeSplitKey splitKey)
    {
        _findings = findings;
        SliceCount = sliceCount;
        StackCount = stackCount;
        SplitKey = splitKey;
    }

    /// <summary>Every finding, in the order found.</summary>
    public IReadOnlyList<VolumeFinding> Findings => _findings;

    /// <summary>Slices (files, or frames of multi-frame instances) read.</summary>
    public int SliceCount { get; }

    /// <summary>Stacks (buildable volumes) formed.</summary>
    public int StackCount { get; }

    /// <summary>The attribute that split duplicate positions into volumes, or <see cref="VolumeSplitKey.None"/>.</summary>
    public VolumeSplitKey SplitKey { get; }

    /// <summary>True when nothing was found at all.</summary>
    public bool IsClean => _findings.Count == 0;

    /// <summary>Some stack has irregular spacing (missing slices included).</summary>
    public bool HasIrregularSpacing => Has(VolumeFindingKind.IrregularSpacing);

    /// <summary>Some stack has gaps of a whole multiple of its spacing.</summary>
    public bool HasMissingSlices => Has(VolumeFindingKind.MissingSlices);

    /// <summary>Some stack is sheared (gantry tilt).</summary>
    public bool HasGantryTilt => Has(VolumeFindingKind.GantryTilt);

    /// <summary>Slices of several orientations were given.</summary>
    public bool HasMixedOrientations => Has(VolumeFindingKind.MixedOrientations);

    /// <summary>Slices of several sizes or pixel formats were given.</summary>
    public bool HasMixedFormats => Has(VolumeFindingKind.MixedFormats);

    /// <summary>Duplicate positions: the input holds several volumes (4-D).</summary>
    public bool HasMultipleVolumes => Has(VolumeFindingKind.MultipleVolumes);

    /// <summary>True when some finding is of <paramref name="kind"/>.</summary>
    public bool Has(VolumeFindingKind kind) => _findings.Exists(f => f.Kind == kind);

    /// <summary>The findings of one kind.</summary>
    public IEnumerable<VolumeFinding> Of(VolumeFindingKind kind) => _findings.Where(f => f.Kind == kind);

    internal void Add(VolumeFinding finding)
    {
        lock (_findings) _findings.Add(finding);
    }

    /// <summary>A summary line, then one line per finding.</summary>
    public override string ToString()
    {
        var head = $"{SliceCount} slice{(SliceCount == 1 ? "" : "s")} → {StackCount} stack{(StackCount == 1 ? "" : "s")}"
            + (SplitKey != VolumeSplitKey.None ? $", split by {SplitKey}" : "")
            + (IsClean ? ": no findings" : "");
        return string.Join(Environment.NewLine, _findings.Select(f => "  " + f).Prepend(head));
    }
}
