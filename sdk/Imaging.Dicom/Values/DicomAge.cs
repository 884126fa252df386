namespace Imaging.Dicom;

/// <summary>
/// An Age String (AS) value "nnnD", "nnnW", "nnnM" or "nnnY" (PS3.5 Table 6.2-1): a number from 0 to 999 and a unit,
/// e.g. "018M" is 18 months old. The default value is 0 days.
/// </summary>
public readonly struct DicomAge : IEquatable<DicomAge>
{
    /// <summary>The length in days of the average Gregorian year, used by <see cref="ApproximateDuration"/>.</summary>
    private const double DaysPerYear = 365.2425;

    // Zero in a default instance, which reads as days.
    private readonly DicomAgeUnit _unit;

    /// <summary>Creates an age.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not 0 to 999, or <paramref name="unit"/> is not a defined unit.</exception>
    public DicomAge(int value, DicomAgeUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 999);
        if (!Enum.IsDefined(unit)) throw new ArgumentOutOfRangeException(nameof(unit), unit, "The unit must be days, weeks, months or years (PS3.5 Table 6.2-1).");
        Value = value;
        _unit = unit;
    }

    /// <summary>The number of units, 0 to 999.</summary>
    public int Value { get; }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public DicomAgeUnit Unit => _unit == 0 ? DicomAgeUnit.Days : _unit;

    /// <summary>
    /// The age as a duration: exact for days and weeks; months and years are average Gregorian months
    /// (30.436875 days) and years (365.2425 days), so "001Y" is about 365 days 5 hours.
    /// </summary>
    public TimeSpan ApproximateDuration => Unit switch
    {
        DicomAgeUnit.Weeks => TimeSpan.FromDays(7 * Value),
        DicomAgeUnit.Months => TimeSpan.FromDays(Value * DaysPerYear / 12),
        DicomAgeUnit.Years => TimeSpan.FromDays(Value * DaysPerYear),
        _ => TimeSpan.FromDays(Value),
    };

    /// <summary>
    /// Parses an AS value (PS3.5 Table 6.2-1). Lenient: surrounding spaces and NULs are ignored, one to three digits
    /// are accepted ("45Y" as well as "045Y"), and the unit letter may be lower case.
    /// </summary>
    /// <exception cref="FormatException">The text is not an age.</exception>
    public static DicomAge Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var age) ? age : throw DicomValueText.InvalidValue(DicomVR.AS, text, "expected nnnD, nnnW, nnnM or nnnY");

    /// <summary>Parses an AS value (PS3.5 Table 6.2-1); see <see cref="Parse"/>. False when the text is not an age.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomAge age)
    {
        age = default;
        var s = DicomValueText.TrimPadding(text);
        if (s.Length is < 2 or > 4) return false;
        int digits = s.Length - 1;
        if (!DicomValueText.TryReadDigits(s, 0, digits, out int value)) return false;
        DicomAgeUnit? unit = char.ToUpperInvariant(s[^1]) switch
        {
            'D' => DicomAgeUnit.Days,
            'W' => DicomAgeUnit.Weeks,
            'M' => DicomAgeUnit.Months,
            'Y' => DicomAgeUnit.Years,
            _ => null,
        };
        if (unit is null) return false;
        age = new DicomAge(value, unit.Value);
        return true;
    }

    /// <summary>The AS value: three digits and the unit letter, e.g. "045Y" (PS3.5 Table 6.2-1).</summary>
    public override string ToString() => string.Create(4, this, static (buffer, age) =>
    {
        buffer[0] = (char)('0' + age.Value / 100);
        buffer[1] = (char)('0' + age.Value / 10 % 10);
        buffer[2] = (char)('0' + age.Value % 10);
        buffer[3] = (char)age.Unit;
    });

    /// <summary>True when the value and the unit are equal ("012M" and "001Y" differ).</summary>
    public bool Equals(DicomAge other) => Value == other.Value && Unit == other.Unit;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DicomAge other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Unit);

    /// <summary>True when the value and the unit are equal.</summary>
    public static bool operator ==(DicomAge left, DicomAge right) => left.Equals(right);

    /// <summary>True when the value or the unit differs.</summary>
    public static bool operator !=(DicomAge left, DicomAge right) => !left.Equals(right);
}
