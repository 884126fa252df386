using System.Globalization;

namespace Imaging.Sdk;

/// <summary>
/// A range of versions in NuGet's interval notation, as plugins write their SDK range in <c>plugin.json</c>:
/// <c>[1.0,2.0)</c> (1.0 inclusive to 2.0 exclusive), <c>[1.2]</c> (exactly 1.2), <c>(,2.0)</c> (below 2.0),
/// <c>[1.0,)</c> (1.0 or later). A bare version <c>1.4</c> means <c>[1.4,2.0)</c>: that version up to the next major —
/// unlike NuGet, because a new SDK major version breaks plugins (DESIGN.md), so "built for 1.4" must not load on 2.0.
/// </summary>
public sealed class VersionRange
{
    private VersionRange(Version? min, bool minInclusive, Version? max, bool maxInclusive, string text)
    {
        Min = min;
        MinInclusive = minInclusive;
        Max = max;
        MaxInclusive = maxInclusive;
        Text = text;
    }

    /// <summary>The lower bound, or null when unbounded.</summary>
    public Version? Min { get; }

    /// <summary>Whether <see cref="Min"/> itself is in the range.</summary>
    public bool MinInclusive { get; }

    /// <summary>The upper bound, or null when unbounded.</summary>
    public Version? Max { get; }

    /// <summary>Whether <see cref="Max"/> itself is in the range.</summary>
    public bool MaxInclusive { get; }

    /// <summary>The text the range was parsed from.</summary>
    public string Text { get; }

    /// <summary>Whether <paramref name="version"/> lies in the range (missing components count as 0).</summary>
    public bool Contains(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var v = Normalize(version);
        if (Min is not null)
        {
            int c = v.CompareTo(Min);
            if (c < 0 || (c == 0 && !MinInclusive)) return false;
        }
        if (Max is not null)
        {
            int c = v.CompareTo(Max);
            if (c > 0 || (c == 0 && !MaxInclusive)) return false;
        }
        return true;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static VersionRange Parse(string text)
        => TryParse(text, out var range, out var error) ? range : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/>, returning false and a one-line reason when it is not a valid range.</summary>
    public static bool TryParse(string? text, out VersionRange range, out string error)
    {
        range = null!;
        var t = text?.Trim() ?? "";
        if (t.Length == 0) { error = "the version range is empty"; return false; }
        if (t[0] is not ('[' or '('))
        {
            if (!TryVersion(t, out var min)) { error = $"'{t}' is not a version (expected e.g. 1.0 or [1.0,2.0))"; return false; }
            range = new VersionRange(min, true, new Version(min.Major + 1, 0, 0, 0), false, t);
            error = "";
            return true;
        }
        char last = t[^1];
        if (last is not (']' or ')')) { error = $"'{t}' does not end with ']' or ')'"; return false; }
        bool minInclusive = t[0] == '[', maxInclusive = last == ']';
        var inner = t[1..^1];
        int comma = inner.IndexOf(',');
        if (comma < 0)
        {
            if (!minInclusive || !maxInclusive || !TryVersion(inner.Trim(), out var exact)) { error = $"'{t}' is not a valid exact range (expected e.g. [1.2])"; return false; }
            range = new VersionRange(exact, true, exact, true, t);
            error = "";
            return true;
        }
        string lo = inner[..comma].Trim(), hi = inner[(comma + 1)..].Trim();
        Version? min2 = null, max2 = null;
        if (lo.Length > 0 && !TryVersion(lo, out min2)) { error = $"'{lo}' in '{t}' is not a version"; return false; }
        if (hi.Length > 0 && !TryVersion(hi, out max2)) { error = $"'{hi}' in '{t}' is not a version"; return false; }
        if (min2 is null && max2 is null) { error = $"'{t}' has neither a lower nor an upper bound"; return false; }
        if (min2 is not null && max2 is not null && min2.CompareTo(max2) > 0) { error = $"'{t}' has its lower bound above its upper bound"; return false; }
        range = new VersionRange(min2, minInclusive && min2 is not null, max2, maxInclusive && max2 is not null, t);
        error = "";
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool TryVersion(string s, out Version version)
    {
        // Drop pre-release/build suffixes ("1.0.0-beta.1+abc"): ranges compare on numbers only.
        int cut = s.IndexOfAny(['-', '+']);
        if (cut >= 0) s = s[..cut];
        if (!s.Contains('.', StringComparison.Ordinal)) s += ".0";
        if (Version.TryParse(s, out var v) && !s.StartsWith('-'))
        {
            version = Normalize(v);
            return true;
        }
        version = null!;
        return false;
    }

    private static Version Normalize(Version v) => new(v.Major, v.Minor, Math.Max(v.Build, 0), Math.Max(v.Revision, 0));

    internal static string Describe(Version v) => v.ToString(3).ToString(CultureInfo.InvariantCulture);
}
