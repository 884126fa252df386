using System.Globalization;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Arguments;

/// <summary>
/// Typed reading of the filters' text arguments beyond <see cref="CapabilityArguments"/>' own getters: numbers in a
/// range, per-axis lists (<c>sigma=1,1,2.5</c>), keyword choices. Every failure is an <see cref="InvalidInputException"/>
/// with a one-line message naming the argument.
/// </summary>
internal static class ArgumentReader
{
    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>] (exclusive of <paramref name="min"/> when <paramref name="minExclusive"/>).</summary>
    public static double Number(CapabilityArguments arguments, string name, double defaultValue, double min, double max, bool minExclusive = false, string unit = "")
    {
        double v = arguments.GetDouble(name, defaultValue);
        CheckRange(name, v, min, max, minExclusive, unit);
        return v;
    }

    /// <summary>A number, or null when not given.</summary>
    public static double? OptionalNumber(CapabilityArguments arguments, string name)
        => arguments.GetString(name) is null ? null : arguments.GetDouble(name, 0);

    /// <summary>
    /// One value for every axis or one value per axis (<c>x,y,z</c>: i, j, k — or i, j for frames), each in the range.
    /// </summary>
    public static double[] PerAxis(CapabilityArguments arguments, string name, int axes, double defaultValue, double min, double max, bool minExclusive, string unit)
    {
        var text = arguments.GetString(name);
        var values = new double[axes];
        if (text is null)
        {
            Array.Fill(values, defaultValue);
            return values;
        }
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 1 && parts.Length != axes)
            throw Invalid(name, $"must be one number or {axes} numbers separated by commas (one per axis), not '{text}'");
        for (int a = 0; a < axes; a++)
        {
            var part = parts[parts.Length == 1 ? 0 : a];
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw Invalid(name, $"must be a number or {axes} numbers separated by commas, not '{text}'");
            CheckRange(name, v, min, max, minExclusive, unit);
            values[a] = v;
        }
        return values;
    }

    /// <summary>Like <see cref="PerAxis"/> for whole numbers in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int[] PerAxisIntegers(CapabilityArguments arguments, string name, int axes, int defaultValue, int min, int max, string unit)
    {
        var values = PerAxis(arguments, name, axes, defaultValue, min, max, false, unit);
        if (values.Any(v => v != Math.Floor(v)))
            throw Invalid(name, $"must be whole numbers of {unit}, not '{arguments.GetString(name)}'");
        return [.. values.Select(v => (int)v)];
    }

    /// <summary>A list of exactly <paramref name="count"/> numbers separated by commas, or null when not given.</summary>
    public static double[]? Numbers(CapabilityArguments arguments, string name, int count)
    {
        var text = arguments.GetString(name);
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[count];
        if (parts.Length != count) throw Invalid(name, $"must be {count} numbers separated by commas, not '{text}'");
        for (int n = 0; n < count; n++)
        {
            if (!double.TryParse(parts[n], NumberStyles.Float, CultureInfo.InvariantCulture, out values[n]) || !double.IsFinite(values[n]))
                throw Invalid(name, $"must be {count} numbers separated by commas, not '{text}'");
        }
        return values;
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive), or the first when not given.</summary>
    public static string Choice(CapabilityArguments arguments, string name, params string[] choices)
    {
        var text = arguments.GetString(name);
        if (text is null) return choices[0];
        foreach (var c in choices)
            if (string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase)) return c;
        throw Invalid(name, $"must be one of {string.Join(", ", choices)}, not '{text}'");
    }

    /// <summary>An error about argument <paramref name="name"/>: "Argument 'name' …".</summary>
    public static InvalidInputException Invalid(string name, string what) => new($"Argument '{name}' {what}.");

    private static void CheckRange(string name, double v, double min, double max, bool minExclusive, string unit)
    {
        bool ok = (minExclusive ? v > min : v >= min) && v <= max;
        if (!ok)
        {
            var lower = minExclusive ? $"greater than {min.ToString(CultureInfo.InvariantCulture)}" : $"at least {min.ToString(CultureInfo.InvariantCulture)}";
            var suffix = unit.Length == 0 ? "" : " " + unit;
            throw Invalid(name, string.Create(CultureInfo.InvariantCulture, $"must be {lower} and at most {max}{suffix}, not {v}"));
        }
    }
}
