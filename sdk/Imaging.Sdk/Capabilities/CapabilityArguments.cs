using System.Globalization;

namespace Imaging.Sdk.Capabilities;

/// <summary>
/// Named arguments for a filter or a model, as text (so that the CLI, scripts and notebooks pass them the same way),
/// with typed getters that fail with <see cref="InvalidInputException"/> naming the argument.
/// </summary>
public sealed class CapabilityArguments
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Creates arguments from name/value pairs (names are case-insensitive).</summary>
    public CapabilityArguments(IEnumerable<KeyValuePair<string, string>>? values = null)
    {
        _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (values is null) return;
        foreach (var kv in values) _values[kv.Key] = kv.Value;
    }

    /// <summary>No arguments: every getter returns its default.</summary>
    public static CapabilityArguments Empty { get; } = new();

    /// <summary>Parses <c>name=value</c> pairs (as typed on the command line).</summary>
    /// <exception cref="InvalidInputException">A pair has no '='.</exception>
    public static CapabilityArguments Parse(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = new List<KeyValuePair<string, string>>();
        foreach (var p in pairs)
        {
            int eq = p.IndexOf('=');
            if (eq <= 0) throw new InvalidInputException($"Argument '{p}' is not name=value.");
            list.Add(new(p[..eq].Trim(), p[(eq + 1)..].Trim()));
        }
        return new CapabilityArguments(list);
    }

    /// <summary>The argument names given.</summary>
    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>The text of <paramref name="name"/>, or null when not given.</summary>
    public string? GetString(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>The value of <paramref name="name"/> as a number (invariant culture), or <paramref name="defaultValue"/> when not given.</summary>
    public double GetDouble(string name, double defaultValue)
    {
        if (GetString(name) is not { } text) return defaultValue;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new InvalidInputException($"Argument '{name}' must be a number, not '{text}'.");
    }

    /// <summary>The value of <paramref name="name"/> as an integer, or <paramref name="defaultValue"/> when not given.</summary>
    public int GetInt32(string name, int defaultValue)
    {
        if (GetString(name) is not { } text) return defaultValue;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidInputException($"Argument '{name}' must be an integer, not '{text}'.");
    }

    /// <summary>Returns a copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public CapabilityArguments With(string name, string value)
    {
        var copy = new CapabilityArguments(_values);
        copy._values[name] = value;
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
}
