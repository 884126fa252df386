using System.Globalization;
using Imaging.Plugins.Anonymizer.Privacy;
using Imaging.Sdk;

namespace Imaging.Plugins.Anonymizer.Settings;

/// <summary>
/// The settings of an <see cref="Imaging.Sdk.Capabilities.AnonymizationRequest"/>, checked:
/// <c>secret</c> (hex or base64, ≥ 16 bytes recommended), <c>map</c> (CSV path, header PatientID,Pseudonym),
/// <c>date-shift-days</c> (integer) or <c>date-shift-from-secret</c> (true), <c>safe-private-file</c> (path, see
/// <see cref="SafePrivateList"/>), <c>burned-in-modalities</c> (comma-separated, default US,SC,XA),
/// <c>allow-burned-in</c> (true). Unknown setting names are refused, so a typo never silently weakens de-identification.
/// </summary>
internal sealed class AnonymizerSettings
{
    /// <summary>The names this anonymizer reads.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["secret", "map", "date-shift-days", "date-shift-from-secret", "safe-private-file", "burned-in-modalities", "allow-burned-in"];

    /// <summary>The secret given, or null (the caller then uses its per-instance random secret).</summary>
    public byte[]? Secret { get; private init; }

    /// <summary>The mapping table path, or null.</summary>
    public string? MapPath { get; private init; }

    /// <summary>A fixed date shift, or null.</summary>
    public int? DateShiftDays { get; private init; }

    /// <summary>True to derive each patient's shift from the secret.</summary>
    public bool DateShiftFromSecret { get; private init; }

    /// <summary>The safe-private extension file, or null.</summary>
    public string? SafePrivateFile { get; private init; }

    /// <summary>Modalities refused for burned-in text unless allowed.</summary>
    public IReadOnlySet<string> BurnedInModalities { get; private init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "US", "SC", "XA" };

    /// <summary>True when the user vouches that the pixel data holds no burned-in identifying text.</summary>
    public bool AllowBurnedIn { get; private init; }

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="InvalidInputException">An unknown name or a malformed value.</exception>
    public static AnonymizerSettings Parse(IReadOnlyDictionary<string, string> settings)
    {
        foreach (var key in settings.Keys)
        {
            if (!Names.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new InvalidInputException($"unknown anonymizer setting '{key}'; valid settings: {string.Join(", ", Names)}.");
        }
        string? Get(string name) => settings.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        int? shift = null;
        if (Get("date-shift-days") is { } s)
        {
            if (!int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) || Math.Abs(d) > 365 * 200)
                throw new InvalidInputException($"date-shift-days '{s}' is not a whole number of days (|N| ≤ 73000).");
            shift = d;
        }
        bool fromSecret = Flag(Get("date-shift-from-secret"), "date-shift-from-secret");
        if (shift is not null && fromSecret) throw new InvalidInputException("give either date-shift-days or date-shift-from-secret, not both.");
        var modalities = Get("burned-in-modalities") is { } m
            ? new HashSet<string>(m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase)
            : null;
        return new AnonymizerSettings
        {
            Secret = Get("secret") is { } secret ? ParseSecret(secret) : null,
            MapPath = NonEmpty(Get("map")),
            DateShiftDays = shift,
            DateShiftFromSecret = fromSecret,
            SafePrivateFile = NonEmpty(Get("safe-private-file")),
            BurnedInModalities = modalities ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "US", "SC", "XA" },
            AllowBurnedIn = Flag(Get("allow-burned-in"), "allow-burned-in"),
        };
    }

    /// <summary>A secret as hex (even number of hex digits) or else base64.</summary>
    /// <exception cref="InvalidInputException">Neither, or empty.</exception>
    public static byte[] ParseSecret(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) throw new InvalidInputException("the secret is empty.");
        if (t.Length % 2 == 0 && t.All(char.IsAsciiHexDigit)) return Convert.FromHexString(t);
        var buffer = new byte[t.Length];
        if (Convert.TryFromBase64String(t, buffer, out int n) && n > 0) return buffer[..n];
        throw new InvalidInputException("the secret is neither hex nor base64.");
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool Flag(string? value, string name) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "no" or "0" => false,
        "true" or "yes" or "1" => true,
        _ => throw new InvalidInputException($"{name} '{value}' is not true or false."),
    };
}
