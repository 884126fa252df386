using System.Globalization;

namespace Imaging.Dicom;

// DS and IS parsing, IS formatting (PS3.5 Table 6.2-1). See DicomValueText.cs for the class summary.
internal static partial class DicomValueText
{
    private const NumberStyles DecimalStringStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>
    /// Parses a DS value (PS3.5 Table 6.2-1): a fixed point number ("-1.5", "+1", ".5", "5.") or a floating point
    /// number with an "E" or "e" exponent ("1.5E+02", "1e-5"). Surrounding spaces are ignored; anything but
    /// 0-9 + - . E e (such as "NaN", "Infinity", a comma) is rejected, as is a value too large for a double.
    /// Values longer than the 16 characters the VR allows are read anyway. Does not allocate.
    /// </summary>
    internal static bool TryParseDecimalString(ReadOnlySpan<char> text, out double value)
    {
        var s = TrimPadding(text);
        if (IsDecimalStringText(s) && double.TryParse(s, DecimalStringStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
            return true;
        value = 0;
        return false;
    }

    /// <summary>Parses a DS value (PS3.5 Table 6.2-1) as a <see cref="decimal"/>, keeping its written scale ("1.50" stays 1.50); see <see cref="TryParseDecimalString(ReadOnlySpan{char}, out double)"/>.</summary>
    internal static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        var s = TrimPadding(text);
        if (IsDecimalStringText(s) && decimal.TryParse(s, DecimalStringStyle, CultureInfo.InvariantCulture, out value))
            return true;
        value = 0;
        return false;
    }

    /// <summary>Parses a DS value (PS3.5 Table 6.2-1) as a <see cref="double"/>.</summary>
    /// <exception cref="FormatException">The text is not a decimal string.</exception>
    internal static double ParseDecimalString(ReadOnlySpan<char> text) =>
        TryParseDecimalString(text, out var value) ? value : throw InvalidValue(DicomVR.DS, text);

    /// <summary>Parses a DS value (PS3.5 Table 6.2-1) as a <see cref="decimal"/>.</summary>
    /// <exception cref="FormatException">The text is not a decimal string or is out of the range of <see cref="decimal"/>.</exception>
    internal static decimal ParseDecimal(ReadOnlySpan<char> text) =>
        TryParseDecimal(text, out decimal value) ? value : throw InvalidValue(DicomVR.DS, text);

    /// <summary>
    /// Parses an IS value (PS3.5 Table 6.2-1): an optionally signed integer ("+12", " -3 "). Like pydicom 2.3, a
    /// decimal string whose value is a whole number ("12.0", "1e3") is accepted too; "12.5" is not. The VR's range
    /// (-2³¹ to 2³¹-1) is not enforced here: anything that fits in a <see cref="long"/> is read. Does not allocate.
    /// </summary>
    internal static bool TryParseIntegerString(ReadOnlySpan<char> text, out long value)
    {
        var s = TrimPadding(text);
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        value = 0;
        if (!IsDecimalStringText(s) || !decimal.TryParse(s, DecimalStringStyle, CultureInfo.InvariantCulture, out var number)) return false;
        if (decimal.Truncate(number) != number || number < long.MinValue || number > long.MaxValue) return false;
        value = (long)number;
        return true;
    }

    /// <summary>Parses an IS value (PS3.5 Table 6.2-1) into an <see cref="int"/>; false when it is outside the range of <see cref="int"/>.</summary>
    internal static bool TryParseInt32(ReadOnlySpan<char> text, out int value)
    {
        if (TryParseIntegerString(text, out var wide) && wide is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)wide;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>Parses an IS value (PS3.5 Table 6.2-1) as a <see cref="long"/>.</summary>
    /// <exception cref="FormatException">The text is not an integer string.</exception>
    internal static long ParseIntegerString(ReadOnlySpan<char> text) =>
        TryParseIntegerString(text, out var value) ? value : throw InvalidValue(DicomVR.IS, text);

    /// <summary>Parses an IS value (PS3.5 Table 6.2-1) as an <see cref="int"/>.</summary>
    /// <exception cref="FormatException">The text is not an integer string or is out of the range of <see cref="int"/>.</exception>
    internal static int ParseInt32(ReadOnlySpan<char> text) =>
        TryParseInt32(text, out int value) ? value : throw InvalidValue(DicomVR.IS, text);

    /// <summary>
    /// Formats an integer as an IS value (PS3.5 Table 6.2-1). Values outside -2³¹ to 2³¹-1 are formatted too,
    /// though the VR does not allow them.
    /// </summary>
    internal static string FormatIntegerString(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when every character is one of 0-9 + - . E e (the DS repertoire) and there is at least one.</summary>
    private static bool IsDecimalStringText(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (char c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is '+' or '-' or '.' or 'e' or 'E')) return false;
        }
        return true;
    }
}
