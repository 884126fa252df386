namespace Imaging.Dicom;

/// <summary>
/// A range of moments for Range Matching of a DT key (PS3.4 §C.2.2.2.5.3): "datetime1-datetime2", "-datetime2" or
/// "datetime1-". Both bounds are inclusive and a missing bound is open. Bounds are instants: the "&amp;ZZXX" offset of
/// each value is taken into account, as PS3.4 §C.2.2.2.5.3 requires, and a value without one takes the default offset
/// the caller gives (Timezone Offset From UTC (0008,0201), or UTC). A bound given to less than full precision covers
/// its whole period: the upper bound "2006" is 2006-12-31T23:59:59.9999999, and the single value "200607" is the
/// range covering July 2006.
/// </summary>
public readonly struct DicomDateTimeRange : IEquatable<DicomDateTimeRange>
{
    /// <summary>Creates a range; null leaves that end open.</summary>
    /// <exception cref="ArgumentException"><paramref name="minimum"/> is after <paramref name="maximum"/>.</exception>
    public DicomDateTimeRange(DateTimeOffset? minimum, DateTimeOffset? maximum)
    {
        if (minimum > maximum)
            throw new ArgumentException($"The minimum {minimum} is after the maximum {maximum}; PS3.4 §C.2.2.2.5.3 requires datetime1 ≤ datetime2.", nameof(minimum));
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The first moment in the range, or null when the range has no lower bound.</summary>
    public DateTimeOffset? Minimum { get; }

    /// <summary>The last moment in the range, or null when the range has no upper bound.</summary>
    public DateTimeOffset? Maximum { get; }

    /// <summary>True when the instant <paramref name="moment"/> lies in the range, bounds included (PS3.4 §C.2.2.2.5.3).</summary>
    public bool Contains(DateTimeOffset moment) => !(moment < Minimum) && !(moment > Maximum);

    /// <summary>Parses a DT range or a single DT value (PS3.4 §C.2.2.2.5.3), reading values without an offset as UTC.</summary>
    /// <exception cref="FormatException">The text is not a date-time range, or its bounds are reversed.</exception>
    public static DicomDateTimeRange Parse(ReadOnlySpan<char> text) => Parse(text, TimeSpan.Zero);

    /// <summary>Parses a DT range or a single DT value (PS3.4 §C.2.2.2.5.3), reading values without an offset at <paramref name="defaultOffset"/>.</summary>
    /// <exception cref="FormatException">The text is not a date-time range, or its bounds are reversed.</exception>
    public static DicomDateTimeRange Parse(ReadOnlySpan<char> text, TimeSpan defaultOffset) =>
        TryParse(text, defaultOffset, out var range) ? range : throw DicomValueText.InvalidValue(DicomVR.DT, text, "expected a date-time range datetime1-datetime2, -datetime2 or datetime1- with datetime1 ≤ datetime2");

    /// <summary>Parses a DT range or a single DT value (PS3.4 §C.2.2.2.5.3), reading values without an offset as UTC.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomDateTimeRange range) => TryParse(text, TimeSpan.Zero, out range);

    /// <summary>
    /// Parses a DT range or a single DT value (PS3.4 §C.2.2.2.5.3), reading values without an offset at
    /// <paramref name="defaultOffset"/>. Each value is "YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&amp;ZZXX]" (PS3.5 Table 6.2-1);
    /// a hyphen that begins an offset ("20060101-0500-20060102-0500") is told from the range separator by trying each
    /// hyphen in turn. False when the text is not a range or the bounds are reversed.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, TimeSpan defaultOffset, out DicomDateTimeRange range)
    {
        range = default;
        var s = DicomValueText.TrimPadding(text);
        if (DicomValueText.TryParseDateTimeCore(s, out var start, out var offset, out var end))
        {
            if (!DicomValueText.TryCreateOffset(start, offset ?? defaultOffset, out var minimum)
                || !DicomValueText.TryCreateOffset(end, offset ?? defaultOffset, out var maximum)) return false;
            range = new DicomDateTimeRange(minimum, maximum);
            return true;
        }
        for (int hyphen = s.IndexOf('-'); hyphen >= 0; hyphen = NextHyphen(s, hyphen))
        {
            var first = s[..hyphen].TrimEnd(' ');
            var second = s[(hyphen + 1)..].TrimStart(' ');
            if (first.IsEmpty && second.IsEmpty) continue;
            DateTimeOffset? minimum = null, maximum = null;
            if (!first.IsEmpty)
            {
                if (!DicomValueText.TryParseDateTimeCore(first, out var value, out var firstOffset, out _)
                    || !DicomValueText.TryCreateOffset(value, firstOffset ?? defaultOffset, out var bound)) continue;
                minimum = bound;
            }
            if (!second.IsEmpty)
            {
                if (!DicomValueText.TryParseDateTimeCore(second, out _, out var secondOffset, out var value)
                    || !DicomValueText.TryCreateOffset(value, secondOffset ?? defaultOffset, out var bound)) continue;
                maximum = bound;
            }
            if (minimum > maximum) continue;
            range = new DicomDateTimeRange(minimum, maximum);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The range as a DT key: "datetime1-datetime2", "-datetime2", "datetime1-", or one value when both bounds are the
    /// same instant (PS3.4 §C.2.2.2.5.3); each value written in full with its offset, "YYYYMMDDHHMMSS[.F…]&amp;ZZXX".
    /// </summary>
    public override string ToString()
    {
        string minimum = Minimum is { } min ? DicomValueText.FormatDateTime(min) : "";
        string maximum = Maximum is { } max ? DicomValueText.FormatDateTime(max) : "";
        return Minimum is not null && Minimum == Maximum ? minimum : minimum + "-" + maximum;
    }

    /// <summary>True when both bounds are the same instants (offsets may differ).</summary>
    public bool Equals(DicomDateTimeRange other) => Minimum == other.Minimum && Maximum == other.Maximum;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DicomDateTimeRange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Minimum, Maximum);

    /// <summary>True when both bounds are the same instants.</summary>
    public static bool operator ==(DicomDateTimeRange left, DicomDateTimeRange right) => left.Equals(right);

    /// <summary>True when a bound differs.</summary>
    public static bool operator !=(DicomDateTimeRange left, DicomDateTimeRange right) => !left.Equals(right);

    private static int NextHyphen(ReadOnlySpan<char> s, int after)
    {
        int next = s[(after + 1)..].IndexOf('-');
        return next < 0 ? -1 : after + 1 + next;
    }
}
