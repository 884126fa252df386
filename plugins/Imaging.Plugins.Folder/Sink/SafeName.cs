using System.Security.Cryptography;
using System.Text;

namespace Imaging.Plugins.Folder.Sink;

/// <summary>
/// Turns a header value into one path component that cannot escape its folder: only <c>[A-Za-z0-9._-]</c>, no leading
/// or trailing dot (so never <c>.</c>, <c>..</c> or a hidden name), no Windows device name, at most
/// <see cref="MaxLength"/> characters. A value that had to be changed or cut gets a short hash of the original appended,
/// so that two different values (<c>a/b</c> and <c>a_b</c>) never share a folder.
/// </summary>
internal static class SafeName
{
    /// <summary>The longest component produced (a UID, PS3.5 §9.1, fits unchanged).</summary>
    public const int MaxLength = 64;

    private static readonly string[] DeviceNames =
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
         "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    /// <summary>The safe form of <paramref name="value"/>; <paramref name="fallback"/> when it is empty or blank.</summary>
    public static string Of(string? value, string fallback = "unknown")
    {
        var original = value?.Trim() ?? "";
        if (original.Length == 0) return fallback;
        var chars = new char[original.Length];
        for (int i = 0; i < chars.Length; i++) chars[i] = IsSafe(original[i]) ? original[i] : '_';
        for (int i = 0; i < chars.Length && chars[i] == '.'; i++) chars[i] = '_';
        for (int i = chars.Length - 1; i >= 0 && chars[i] == '.'; i--) chars[i] = '_';
        var safe = new string(chars);
        if (IsDeviceName(safe)) safe = "_" + safe;
        if (safe.Length <= MaxLength && string.Equals(safe, original, StringComparison.Ordinal)) return safe;
        var hash = ShortHash(original);
        int keep = Math.Min(safe.Length, MaxLength - hash.Length - 1);
        return safe[..keep] + "_" + hash;
    }

    /// <summary>The first 8 hexadecimal digits of the SHA-256 of <paramref name="value"/> (UTF-8): stable across runs and machines.</summary>
    public static string ShortHash(string value)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private static bool IsDeviceName(string name)
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? name : name[..dot];
        return Array.Exists(DeviceNames, d => string.Equals(d, stem, StringComparison.OrdinalIgnoreCase));
    }
}
