using System.Globalization;

namespace Imaging.Cli.PhiScan;

/// <summary>
/// The --date-range FROM:TO window (inclusive, either end may be left empty for an open end; each end YYYYMMDD or
/// YYYY-MM-DD). A DA value (PS3.5 §6.2, YYYYMMDD) or the date part of a DT value (YYYYMMDDHHMMSS...) lies inside when
/// FROM ≤ date ≤ TO; a value that is not a date at all is treated as outside (it cannot be shown to be inside). Range
/// values ("A-B", PS3.4 C.2.2.2.5) are checked at both ends; a DT's "-ZZXX" UTC offset is not taken for a range end.
/// </summary>
internal sealed record DateWindow(DateOnly? From, DateOnly? To)
{
    /// <summary>Parses FROM:TO; false (with a message) when it is not that.</summary>
    public static bool TryParse(string text, out DateWindow? window, out string error)
    {
        window = null;
        error = "";
        var parts = text.Split(':');
        if (parts.Length != 2)
        {
            error = $"--date-range '{text}': expected FROM:TO (YYYYMMDD:YYYYMMDD; either end may be empty)";
            return false;
        }
        DateOnly? from = null, to = null;
        if (parts[0].Length > 0)
        {
            if (!TryParseEnd(parts[0], out var f)) { error = $"--date-range: '{parts[0]}' is not a date (YYYYMMDD)"; return false; }
            from = f;
        }
        if (parts[1].Length > 0)
        {
            if (!TryParseEnd(parts[1], out var t)) { error = $"--date-range: '{parts[1]}' is not a date (YYYYMMDD)"; return false; }
            to = t;
        }
        if (from is null && to is null) { error = "--date-range: give at least one end"; return false; }
        if (from > to) { error = $"--date-range: {parts[0]} is after {parts[1]}"; return false; }
        window = new DateWindow(from, to);
        return true;
    }

    /// <summary>True when every date in the (possibly multi-valued, possibly range) DA/DT value lies inside the window.</summary>
    public bool Contains(string value)
    {
        foreach (var single in value.Split('\\'))
        {
            foreach (var end in single.Trim().Split('-'))
            {
                var t = end.Trim();
                if (t.Length == 0) continue; // an open range end
                if (t.Length == 4 && t.All(char.IsAsciiDigit)) continue; // a DT UTC offset (&ZZXX) after '-', not a range end
                if (t.Length < 8 || !DateOnly.TryParseExact(t[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
                if (From is { } f && date < f) return false;
                if (To is { } to && date > to) return false;
            }
        }
        return true;
    }

    /// <summary>"FROM:TO" as given (open ends empty), for details and the report.</summary>
    public override string ToString() => $"{From?.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}:{To?.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    private static bool TryParseEnd(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
