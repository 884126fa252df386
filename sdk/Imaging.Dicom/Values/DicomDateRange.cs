namespace Imaging.Dicom;

/// <summary>
/// A range of dates for Range Matching of a DA key (PS3.4 §C.2.2.2.5.1): "date1-date2", "-date2" or "date1-".
/// Both bounds are inclusive; a missing bound is open. A single date "date1" is read as the range from date1 to date1.
/// </summary>
public readonly struct DicomDateRange : IEquatable<DicomDateRange>
{
    /// <summary>Creates a range; null leaves that end open.</summary>
    /// <exception cref="ArgumentException"><paramref name="minimum"/> is after <paramref name="maximum"/>.</exception>
    public DicomDateRange(DateOnly? minimum, DateOnly? maximum)
    {
        if (minimum > maximum)
            throw new ArgumentException($"The minimum {minimum} is after the maximum {maximum}; PS3.4 §C.2.2.2.5.1 requires date1 ≤ date2.", nameof(minimum));
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The first date in the range, or null when the range has no lower bound.</summary>
    public DateOnly? Minimum { get; }

    /// <summary>The last date in the range, or null when the range has no upper bound.</summary>
    public DateOnly? Maximum { get; }

    /// <summary>True when <paramref name="date"/> lies in the range, bounds included (PS3.4 §C.2.2.2.5.1).</summary>
    public bool Contains(DateOnly date) => !(date < Minimum) && !(date > Maximum);

    /// <summary>
    /// Parses a DA range (PS3.4 §C.2.2.2.5.1) or a single DA value. Each date is "YYYYMMDD" or the ACR-NEMA
    /// "YYYY.MM.DD" (PS3.5 Table 6.2-1); spaces around the hyphen are allowed.
    /// </summary>
    /// <exception cref="FormatException">The text is not a date range, or its first date is after its second.</exception>
    public static DicomDateRange Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var range) ? range : throw DicomValueText.InvalidValue(DicomVR.DA, text, "expected a date range date1-date2, -date2 or date1- with date1 ≤ date2");

    /// <summary>Parses a DA range (PS3.4 §C.2.2.2.5.1) or a single DA value; false when the text is neither or the bounds are reversed.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomDateRange range)
    {
        range = default;
        var s = DicomValueText.TrimPadding(text);
        int hyphen = s.IndexOf('-');
        if (hyphen < 0)
        {
            if (!DicomValueText.TryParseDate(s, out var single)) return false;
            range = new DicomDateRange(single, single);
            return true;
        }
        var first = s[..hyphen].TrimEnd(' ');
        var second = s[(hyphen + 1)..].TrimStart(' ');
        if (first.IsEmpty && second.IsEmpty) return false;
        DateOnly? minimum = null, maximum = null;
        if (!first.IsEmpty)
        {
            if (!DicomValueText.TryParseDate(first, out var value)) return false;
            minimum = value;
        }
        if (!second.IsEmpty)
        {
            if (!DicomValueText.TryParseDate(second, out var value)) return false;
            maximum = value;
        }
        if (minimum > maximum) return false;
        range = new DicomDateRange(minimum, maximum);
        return true;
    }

    /// <summary>The range as a DA key: "date1-date2", "-date2", "date1-", or "date1" when both bounds are the same date (PS3.4 §C.2.2.2.5.1).</summary>
    public override string ToString()
    {
        string minimum = Minimum is { } min ? DicomValueText.FormatDate(min) : "";
        string maximum = Maximum is { } max ? DicomValueText.FormatDate(max) : "";
        return Minimum is not null && Minimum == Maximum ? minimum : minimum + "-" + maximum;
    }

    /// <summary>True when both bounds are equal.</summary>
    public bool Equals(DicomDateRange other) => Minimum == other.Minimum && Maximum == other.Maximum;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DicomDateRange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Minimum, Maximum);

    /// <summary>True when both bounds are equal.</summary>
    public static bool operator ==(DicomDateRange left, DicomDateRange right) => left.Equals(right);

    /// <summary>True when a bound differs.</summary>
    public static bool operator !=(DicomDateRange left, DicomDateRange right) => !left.Equals(right);
}
