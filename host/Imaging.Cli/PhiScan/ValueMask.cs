namespace Imaging.Cli.PhiScan;

/// <summary>
/// Masks a value for the report, so that the report does not leak the PHI it points at: it keeps at most the first
/// <see cref="MaxShown"/> characters and never more than half of the value (rounded down), then "…". So "JOHN^DOE" shows
/// as "JOH…", "DOE" as "D…", "AB" as "A…", "X" as "…"; an empty value as "". Binary values show only their length
/// ("&lt;1024 bytes&gt;"). Control characters are shown as '?', so a value cannot break a table line.
/// </summary>
internal static class ValueMask
{
    /// <summary>The most leading characters shown.</summary>
    public const int MaxShown = 3;

    /// <summary>The masked form of a text value (trimmed first).</summary>
    public static string Text(string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) return "";
        int keep = Math.Min(MaxShown, text.Length / 2);
        // Do not cut a surrogate pair in half.
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        var shown = string.Create(keep, text, (span, s) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = char.IsControl(s[i]) ? '?' : s[i];
        });
        return shown + "…";
    }

    /// <summary>The masked form of a binary value: its length only.</summary>
    public static string Binary(long length) => $"<{length} bytes>";
}
