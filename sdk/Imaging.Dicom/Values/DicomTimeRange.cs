namespace Imaging.Dicom;

/// <summary>
/// A range of times of day for Range Matching of a TM key (PS3.4 §C.2.2.2.5.2): "time1-time2", "-time2" or "time1-".
/// Both bounds are inclusive and a missing bound is open (midnight at the start, the end of the day at the end).
/// A bound given to less than full precision covers its whole period: the upper bound "1015" is
/// 10:15:59.9999999 and the single value "10" is the range 10:00:00 to 10:59:59.9999999.
/// Ranges that cross midnight are not supported (PS3.4 §C.2.2.2.5.2), so the minimum is never after the maximum.
/// </summary>
public readonly struct DicomTimeRange : IEquatable<DicomTimeRange>
{
    /// <summary>Creates a range; null leaves that end open.</summary>
    /// <exception cref="ArgumentException"><paramref name="minimum"/> is after <paramref name="maximum"/>.</exception>
    public DicomTimeRange(TimeOnly? minimum, TimeOnly? maximum)
    {
        if (minimum > maximum)
            throw new ArgumentException($"The minimum {minimum} is after the maximum {maximum}; PS3.4 §C.2.2.2.5.2 does not support ranges crossing midnight.", nameof(minimum));
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The first time in the range, or null when the range starts at midnight.</summary>
    public TimeOnly? Minimum { get; }

    /// <summary>The last time in the range, or null when the range runs to the end of the day.</summary>
    public TimeOnly? Maximum { get; }

    /// <summary>True when <paramref name="time"/> lies in the range, bounds included (PS3.4 §C.2.2.2.5.2).</summary>
    public bool Contains(TimeOnly time) => !(time < Minimum) && !(time > Maximum);

    /// <summary>
    /// Parses a TM range (PS3.4 §C.2.2.2.5.2) or a single TM value. Each time is "HH[MM[SS[.F{1-6}]]]" or the
    /// ACR-NEMA "HH:MM[:SS[.F…]]" (PS3.5 Table 6.2-1); spaces around the hyphen are allowed.
    /// </summary>
    /// <exception cref="FormatException">The text is not a time range, or it crosses midnight.</exception>
    public static DicomTimeRange Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var range) ? range : throw DicomValueText.InvalidValue(DicomVR.TM, text, "expected a time range time1-time2, -time2 or time1- with time1 ≤ time2");

    /// <summary>Parses a TM range (PS3.4 §C.2.2.2.5.2) or a single TM value; false when the text is neither or the range crosses midnight.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomTimeRange range)
    {
        range = default;
        var s = DicomValueText.TrimPadding(text);
        int hyphen = s.IndexOf('-');
        if (hyphen < 0)
        {
            if (!DicomValueText.TryParseTime(s, out var single, out long precision)) return false;
            range = new DicomTimeRange(single, EndOfPeriod(single, precision));
            return true;
        }
        var first = s[..hyphen].TrimEnd(' ');
        var second = s[(hyphen + 1)..].TrimStart(' ');
        if (first.IsEmpty && second.IsEmpty) return false;
        TimeOnly? minimum = null, maximum = null;
        if (!first.IsEmpty)
        {
            if (!DicomValueText.TryParseTime(first, out var value)) return false;
            minimum = value;
        }
        if (!second.IsEmpty)
        {
            if (!DicomValueText.TryParseTime(second, out var value, out long precision)) return false;
            maximum = EndOfPeriod(value, precision);
        }
        if (minimum > maximum) return false;
        range = new DicomTimeRange(minimum, maximum);
        return true;
    }

    /// <summary>
    /// The range as a TM key: "time1-time2", "-time2", "time1-", or "time1" when both bounds are the same time
    /// (PS3.4 §C.2.2.2.5.2), each time formatted as "HHMMSS[.F…]" (an upper bound read as "1015" is written "101559.999999").
    /// </summary>
    public override string ToString()
    {
        string minimum = Minimum is { } min ? DicomValueText.FormatTime(min) : "";
        string maximum = Maximum is { } max ? DicomValueText.FormatTime(max) : "";
        return Minimum is not null && Minimum == Maximum ? minimum : minimum + "-" + maximum;
    }

    /// <summary>True when both bounds are equal.</summary>
    public bool Equals(DicomTimeRange other) => Minimum == other.Minimum && Maximum == other.Maximum;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DicomTimeRange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Minimum, Maximum);

    /// <summary>True when both bounds are equal.</summary>
    public static bool operator ==(DicomTimeRange left, DicomTimeRange right) => left.Equals(right);

    /// <summary>True when a bound differs.</summary>
    public static bool operator !=(DicomTimeRange left, DicomTimeRange right) => !left.Equals(right);

    private static TimeOnly EndOfPeriod(TimeOnly start, long precisionTicks) =>
        new(Math.Min(start.Ticks + precisionTicks - 1, TimeOnly.MaxValue.Ticks));
}
