using System.Globalization;

namespace Imaging.Benchmarks.Compare;

/// <summary>One markdown table row of repeated timings: <c>| what | median | best | note |</c> (the `host`, `scripting` and `repl` tables).</summary>
internal static class TimingRow
{
    /// <summary>The median of <paramref name="values"/> (mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    /// <summary>The row, numbers in milliseconds formatted with <paramref name="format"/> (invariant culture).</summary>
    public static string Markdown(string what, IReadOnlyCollection<double> ms, string note, string format = "0")
        => $"| {what} | {Median(ms).ToString(format, CultureInfo.InvariantCulture)} | {ms.Min().ToString(format, CultureInfo.InvariantCulture)} | {note} |";
}
