using System.Globalization;

namespace Imaging.Dicom;

// DS formatting (PS3.5 Table 6.2-1). See DicomValueText.cs for the class summary.
internal static partial class DicomValueText
{
    /// <summary>The maximum length of a DS value (PS3.5 Table 6.2-1).</summary>
    internal const int MaxDecimalStringLength = 16;

    /// <summary>
    /// Formats a number as a DS value (PS3.5 Table 6.2-1) of at most 16 characters that is as close to the number as
    /// 16 characters allow, like pydicom's <c>format_number_as_ds</c> but keeping more digits where it can.
    /// The shortest text that reads back as exactly the same double is used when it fits ("0.1", "123", "1E-10");
    /// otherwise the number is rounded to the most significant digits that fit. Fixed point is preferred for exponents
    /// from -4 to 15 (as Python's <c>repr</c> does) and scientific ("1.2345678901E-7", "1E20") otherwise, or whenever
    /// it keeps more digits. Negative zero is written "0".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is NaN or infinite, which DS cannot hold.</exception>
    internal static string FormatDecimalString(double value)
    {
        Span<char> buffer = stackalloc char[MaxDecimalStringLength];
        TryFormatDecimalString(value, buffer, out int written);
        return new string(buffer[..written]);
    }

    /// <summary>Formats a number as a DS value into <paramref name="destination"/>; see <see cref="FormatDecimalString(double)"/>. False when the destination is too short.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is NaN or infinite, which DS cannot hold.</exception>
    internal static bool TryFormatDecimalString(double value, Span<char> destination, out int charsWritten)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "NaN and infinities cannot be written as a DICOM DS (Decimal String) value.");
        Span<char> result = stackalloc char[MaxDecimalStringLength];
        int length = FormatFiniteDouble(value, result);
        return CopyResult(result[..length], destination, out charsWritten);
    }

    /// <summary>
    /// Formats a decimal as a DS value (PS3.5 Table 6.2-1). A value whose plain text fits in 16 characters is written
    /// as it is, scale included ("1.50"); a longer one is rounded (half away from zero) to the most significant digits that fit.
    /// </summary>
    internal static string FormatDecimalString(decimal value)
    {
        string plain = value.ToString(CultureInfo.InvariantCulture);
        if (plain.Length <= MaxDecimalStringLength) return plain;
        Span<char> digits = stackalloc char[32];
        Span<char> rounded = stackalloc char[32];
        Span<char> result = stackalloc char[MaxDecimalStringLength];
        Decompose(plain, digits, out int count, out int point, out bool negative);
        if (count == 0) return "0";
        for (int precision = count; precision >= 1; precision--)
        {
            int roundedPoint = point;
            int roundedCount = RoundDigits(digits[..count], precision, rounded, ref roundedPoint);
            if (TryCompose(negative, rounded[..roundedCount], roundedPoint, result, out int written)) return new string(result[..written]);
        }
        throw new InvalidOperationException("Unreachable: one significant digit always fits in a DS value.");
    }

    private static int FormatFiniteDouble(double value, Span<char> result)
    {
        if (value == 0)
        {
            result[0] = '0';
            return 1;
        }
        Span<char> text = stackalloc char[32];
        Span<char> digits = stackalloc char[32];
        Span<char> format = stackalloc char[3];
        value.TryFormat(text, out int n, "R", CultureInfo.InvariantCulture);
        Decompose(text[..n], digits, out int count, out int point, out bool negative);
        int shortest = count;
        for (int precision = shortest; precision >= 1; precision--)
        {
            if (precision < shortest)
            {
                // .NET rounds "E<n>" correctly from the exact binary value.
                format[0] = 'E';
                int formatLength = 1 + WriteSmallNumber(format[1..], precision - 1);
                value.TryFormat(text, out n, format[..formatLength], CultureInfo.InvariantCulture);
                Decompose(text[..n], digits, out count, out point, out negative);
            }
            if (!TryCompose(negative, digits[..count], point, result, out int written)) continue;
            if (precision < shortest && !double.IsFinite(double.Parse(result[..written], CultureInfo.InvariantCulture)))
            {
                // Rounding up next to double.MaxValue overflows: truncate the 17-digit form instead.
                value.TryFormat(text, out n, "E16", CultureInfo.InvariantCulture);
                Decompose(text[..n], digits, out count, out point, out negative);
                count = Math.Min(count, precision);
                while (count > 1 && digits[count - 1] == '0') count--;
                if (!TryCompose(negative, digits[..count], point, result, out written)) continue;
            }
            return written;
        }
        throw new InvalidOperationException("Unreachable: one significant digit always fits in a DS value.");
    }

    /// <summary>
    /// Splits invariant number text ("-1.2345E-05", "123.4500", "0.001") into its significant digits without leading or
    /// trailing zeros, and <paramref name="point"/>, the count of digits before the decimal point in fixed notation
    /// (0.00123 has digits "123" and point -2; 1200 has digits "12" and point 4).
    /// </summary>
    private static void Decompose(ReadOnlySpan<char> text, Span<char> digits, out int count, out int point, out bool negative)
    {
        count = 0;
        point = 0;
        negative = false;
        bool afterPoint = false;
        int i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.')
            {
                afterPoint = true;
            }
            else if (c is 'E' or 'e')
            {
                point += int.Parse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else if (count == 0 && c == '0')
            {
                if (afterPoint) point--;
            }
            else
            {
                digits[count++] = c;
                if (!afterPoint) point++;
            }
        }
        while (count > 0 && digits[count - 1] == '0') count--;
    }

    /// <summary>Rounds digits half away from zero to <paramref name="precision"/> digits, trailing zeros removed; a carry out of the first digit moves the point.</summary>
    private static int RoundDigits(ReadOnlySpan<char> digits, int precision, Span<char> rounded, ref int point)
    {
        int count = Math.Min(precision, digits.Length);
        digits[..count].CopyTo(rounded);
        if (count < digits.Length && digits[count] >= '5')
        {
            int i = count - 1;
            while (i >= 0 && rounded[i] == '9') rounded[i--] = '0';
            if (i >= 0)
            {
                rounded[i]++;
            }
            else
            {
                rounded[0] = '1';
                count = 1;
                point++;
            }
        }
        while (count > 1 && rounded[count - 1] == '0') count--;
        return count;
    }

    /// <summary>
    /// Writes digits with their point in the preferred notation if it fits in 16 characters, else in the other one;
    /// false when neither fits.
    /// </summary>
    private static bool TryCompose(bool negative, ReadOnlySpan<char> digits, int point, Span<char> result, out int written)
    {
        int sign = negative ? 1 : 0;
        int count = digits.Length;
        int exponent = point - 1;
        int fixedLength = sign + (point <= 0 ? 2 - point + count : point >= count ? point : count + 1);
        int scientificLength = sign + count + (count > 1 ? 1 : 0) + 1 + (exponent < 0 ? 1 : 0) + CountDigits(Math.Abs(exponent));
        bool preferScientific = exponent < -4 || exponent >= 16;
        bool fixedFits = fixedLength <= MaxDecimalStringLength;
        bool scientificFits = scientificLength <= MaxDecimalStringLength;
        written = 0;
        if (!fixedFits && !scientificFits) return false;
        if (negative) result[written++] = '-';
        if (fixedFits && (!preferScientific || !scientificFits))
        {
            if (point <= 0)
            {
                result[written++] = '0';
                result[written++] = '.';
                for (int i = 0; i < -point; i++) result[written++] = '0';
                digits.CopyTo(result[written..]);
                written += count;
            }
            else if (point >= count)
            {
                digits.CopyTo(result[written..]);
                written += count;
                for (int i = count; i < point; i++) result[written++] = '0';
            }
            else
            {
                digits[..point].CopyTo(result[written..]);
                written += point;
                result[written++] = '.';
                digits[point..].CopyTo(result[written..]);
                written += count - point;
            }
            return true;
        }
        result[written++] = digits[0];
        if (count > 1)
        {
            result[written++] = '.';
            digits[1..].CopyTo(result[written..]);
            written += count - 1;
        }
        result[written++] = 'E';
        if (exponent < 0) result[written++] = '-';
        written += WriteSmallNumber(result[written..], Math.Abs(exponent));
        return true;
    }

    private static int CountDigits(int value)
    {
        int n = 1;
        while (value >= 10)
        {
            value /= 10;
            n++;
        }
        return n;
    }

    /// <summary>Writes a non-negative number without leading zeros; returns the count written.</summary>
    private static int WriteSmallNumber(Span<char> buffer, int value)
    {
        int n = CountDigits(value);
        WriteNumber(buffer[..n], value);
        return n;
    }

    private static bool CopyResult(ReadOnlySpan<char> result, Span<char> destination, out int charsWritten)
    {
        if (!result.TryCopyTo(destination))
        {
            charsWritten = 0;
            return false;
        }
        charsWritten = result.Length;
        return true;
    }
}
