using System.Globalization;

namespace Imaging.Dicom.Json;

/// <summary>The JSON number grammar (RFC 8259 §6) and the strings that stand for the floats JSON numbers cannot hold.</summary>
internal static class JsonNumberText
{
    /// <summary>True when the text is a JSON number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        int i = SkipInteger(s);
        if (i < 0) return false;
        if (i < s.Length && s[i] == '.')
        {
            int digits = CountDigits(s[++i..]);
            if (digits == 0) return false;
            i += digits;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-') i++;
            int digits = CountDigits(s[i..]);
            if (digits == 0) return false;
            i += digits;
        }
        return i == s.Length;
    }

    /// <summary>True when the text is a JSON number without fraction or exponent.</summary>
    public static bool IsJsonInteger(ReadOnlySpan<char> s) => SkipInteger(s) == s.Length && s.Length > 0;

    /// <summary>"NaN", "Infinity" or "-Infinity", the names .NET and JavaScript give the floats that JSON cannot write as numbers.</summary>
    public static string NonFinite(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";

    /// <summary>Reads "NaN", "Infinity", "-Infinity" (also "inf", "+inf", "-inf", any case) back.</summary>
    public static bool TryParseNonFinite(string? text, out double value)
    {
        value = text?.Trim().ToUpperInvariant() switch
        {
            "NAN" or "+NAN" or "-NAN" => double.NaN,
            "INFINITY" or "+INFINITY" or "INF" or "+INF" => double.PositiveInfinity,
            "-INFINITY" or "-INF" => double.NegativeInfinity,
            _ => 0,
        };
        return !double.IsFinite(value);
    }

    /// <summary>Parses a JSON number's text with the invariant culture.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The index after an optional "-" and the integer part, or -1 when there is no valid integer part.</summary>
    private static int SkipInteger(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-') i++;
        if (i >= s.Length || !char.IsAsciiDigit(s[i])) return -1;
        if (s[i] == '0') return i + 1;
        return i + CountDigits(s[i..]);
    }

    private static int CountDigits(ReadOnlySpan<char> s)
    {
        int n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n])) n++;
        return n;
    }
}
