using System.Globalization;
using System.Text;

namespace Imaging.Plugins.Anonymizer.Pseudonyms;

/// <summary>
/// The Retain Longitudinal Temporal Information with Modified Dates Option (PS3.15 E.3.6): every DA and the date part of
/// every DT move by the same number of days for one patient, so intervals between them are kept; times (TM, and the
/// time part of DT) are unchanged. Partial dates (YYYY, YYYYMM) keep their precision.
/// </summary>
internal sealed class DateShifter(int days)
{
    /// <summary>The shift in days (negative moves dates into the past).</summary>
    public int Days { get; } = days;

    /// <summary>Derives a patient's shift from the secret: between −3650 and −1 days from HMAC(secret, Patient ID).</summary>
    public static int DaysFromSecret(KeyedHash hash, string patientId)
    {
        var h = hash.Compute("date-shift", patientId.Trim());
        uint n = BitConverter.ToUInt32(h, 0);
        return -(int)(n % 3650) - 1;
    }

    /// <summary>Shifts every value of a DA element's text (backslash-separated; ranges a-b shift both ends).</summary>
    public string ShiftDates(string text) => Map(text, ShiftDate);

    /// <summary>Shifts the date part of every value of a DT element's text.</summary>
    public string ShiftDateTimes(string text) => Map(text, v => v.Length < 4 ? v : ShiftDate(v[..Math.Min(8, DatePartLength(v))]) + v[Math.Min(8, DatePartLength(v))..]);

    private static int DatePartLength(string v)
    {
        int n = 0;
        while (n < v.Length && n < 8 && char.IsAsciiDigit(v[n])) n++;
        return n;
    }

    private static string Map(string text, Func<string, string> one)
    {
        var sb = new StringBuilder(text.Length);
        var values = text.Split('\\');
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) sb.Append('\\');
            var parts = values[i].Trim().Split('-');
            // DT values may carry a UTC offset "-0500"; only DA ranges use '-' between two dates. Shift the first part;
            // shift a second part only when it is a date (8 digits) too.
            for (int p = 0; p < parts.Length; p++)
            {
                if (p > 0) sb.Append('-');
                sb.Append(p == 0 || parts[p].Length >= 8 ? one(parts[p]) : parts[p]);
            }
        }
        return sb.ToString();
    }

    private string ShiftDate(string value)
    {
        var v = value.Trim();
        string[] formats = ["yyyyMMdd", "yyyyMM", "yyyy"];
        foreach (var format in formats)
        {
            if (v.Length == format.Length && DateTime.TryParseExact(v, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                // Partial dates shift by whole months / years equivalents: add days to the first day and keep the precision.
                var shifted = d.AddDays(Days);
                return shifted.ToString(format, CultureInfo.InvariantCulture);
            }
        }
        return v; // not a date (e.g. empty): nothing to shift
    }
}
