using System.Text.Json;
using System.Text.RegularExpressions;

namespace Imaging.Sdk;

/// <summary>
/// A plugin's <c>plugin.json</c>: who it is, which SDK versions it was built for, where its code is, what it provides
/// and what it may do.
/// </summary>
/// <example>
/// <code>
/// {
///   "id": "acme.smoothing",
///   "version": "1.2.0",
///   "sdk": "[1.0,2.0)",
///   "entryAssembly": "Acme.Smoothing.dll",
///   "capabilities": ["filter"],
///   "permissions": [],
///   "description": "Edge-preserving smoothing."
/// }
/// </code>
/// </example>
public sealed partial class PluginManifest
{
    /// <summary>The manifest's file name inside a plugin folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>Creates a manifest; <see cref="Parse"/> and <see cref="Load"/> are the usual way.</summary>
    public PluginManifest(string id, string version, VersionRange sdkRange, string entryAssembly)
    {
        Id = id;
        Version = version;
        SdkRange = sdkRange;
        EntryAssembly = entryAssembly;
    }

    /// <summary>Unique id, lower case, dot-separated (<c>vendor.name</c>): letters, digits, <c>.</c>, <c>-</c>, <c>_</c>.</summary>
    public string Id { get; }

    /// <summary>The plugin's version (semantic version text, e.g. <c>1.2.0</c> or <c>2.0.0-beta.1</c>).</summary>
    public string Version { get; }

    /// <summary>The SDK versions the plugin accepts; the host refuses to load it outside this range.</summary>
    public VersionRange SdkRange { get; }

    /// <summary>The file name of the assembly holding the <see cref="IPlugin"/> implementation, relative to the plugin folder.</summary>
    public string EntryAssembly { get; }

    /// <summary>The full name of the <see cref="IPlugin"/> type, when the entry assembly holds more than one.</summary>
    public string? EntryType { get; init; }

    /// <summary>A human-readable name (defaults to <see cref="Id"/>).</summary>
    public string? Name { get; init; }

    /// <summary>One line saying what the plugin does.</summary>
    public string? Description { get; init; }

    /// <summary>The capability kinds the plugin provides; registering any other kind fails the load.</summary>
    public IReadOnlyList<CapabilityKind> Capabilities { get; init; } = [];

    /// <summary>What the plugin may do.</summary>
    public PluginPermissions Permissions { get; init; }

    /// <summary>Default settings handed to the plugin through <see cref="IPluginContext.Settings"/>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads and validates <paramref name="path"/> (a <c>plugin.json</c> or the folder holding one).</summary>
    /// <exception cref="PluginManifestException">The file is missing, unreadable, not JSON, or invalid.</exception>
    public static PluginManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PluginManifestException(file, $"cannot read the manifest: {e.Message}", e);
        }
        return Parse(json, file);
    }

    /// <summary>Parses and validates manifest text; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="PluginManifestException">The text is not JSON, or a field is missing or invalid.</exception>
    public static PluginManifest Parse(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new PluginManifestException(sourceName, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new PluginManifestException(sourceName, "the manifest must be a JSON object");
            string id = RequiredString(root, "id", sourceName);
            if (!IdPattern().IsMatch(id))
                throw new PluginManifestException(sourceName, $"\"id\" '{id}' is not valid: use lower-case letters, digits, '.', '-' and '_', starting with a letter (e.g. \"acme.smoothing\")");
            string version = RequiredString(root, "version", sourceName);
            if (!VersionPattern().IsMatch(version))
                throw new PluginManifestException(sourceName, $"\"version\" '{version}' is not a semantic version (e.g. \"1.2.0\")");
            string sdkText = RequiredString(root, "sdk", sourceName);
            if (!VersionRange.TryParse(sdkText, out var sdk, out var rangeError))
                throw new PluginManifestException(sourceName, $"\"sdk\": {rangeError}");
            string entry = RequiredString(root, "entryAssembly", sourceName);
            if (Path.IsPathRooted(entry) || entry.Contains("..", StringComparison.Ordinal) || !entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                throw new PluginManifestException(sourceName, $"\"entryAssembly\" '{entry}' must be a .dll file name inside the plugin folder");
            return new PluginManifest(id, version, sdk, entry)
            {
                EntryType = OptionalString(root, "entryType", sourceName),
                Name = OptionalString(root, "name", sourceName),
                Description = OptionalString(root, "description", sourceName),
                Capabilities = ReadCapabilities(root, sourceName),
                Permissions = ReadPermissions(root, sourceName),
                Settings = ReadSettings(root, sourceName),
            };
        }
    }

    /// <summary>Whether this plugin can run on the SDK version <paramref name="sdkVersion"/>.</summary>
    public bool IsCompatibleWith(Version sdkVersion) => SdkRange.Contains(sdkVersion);

    /// <summary>Formats permissions as the manifest spells them (<c>network, phi</c>); <c>none</c> when empty.</summary>
    public static string FormatPermissions(PluginPermissions permissions)
    {
        var names = new List<string>();
        if (permissions.HasFlag(PluginPermissions.Network)) names.Add("network");
        if (permissions.HasFlag(PluginPermissions.Phi)) names.Add("phi");
        if (permissions.HasFlag(PluginPermissions.FileSystemWrite)) names.Add("filesystem-write");
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    /// <summary>Parses one permission name as the manifest spells it (<c>network</c>, <c>phi</c>, <c>filesystem-write</c>).</summary>
    public static bool TryParsePermission(string name, out PluginPermissions permission)
    {
        permission = name.ToLowerInvariant() switch
        {
            "network" => PluginPermissions.Network,
            "phi" => PluginPermissions.Phi,
            "filesystem-write" => PluginPermissions.FileSystemWrite,
            _ => PluginPermissions.None,
        };
        return permission != PluginPermissions.None;
    }

    private static string RequiredString(JsonElement root, string name, string? source)
        => OptionalString(root, name, source) is { Length: > 0 } s ? s : throw new PluginManifestException(source, $"\"{name}\" is missing or empty");

    private static string? OptionalString(JsonElement root, string name, string? source)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.String) throw new PluginManifestException(source, $"\"{name}\" must be a string");
        return e.GetString()!.Trim();
    }

    private static IReadOnlyList<string> StringArray(JsonElement root, string name, string? source)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return [];
        if (e.ValueKind != JsonValueKind.Array) throw new PluginManifestException(source, $"\"{name}\" must be an array of strings");
        var list = new List<string>();
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new PluginManifestException(source, $"\"{name}\" must be an array of strings");
            list.Add(item.GetString()!.Trim());
        }
        return list;
    }

    private static IReadOnlyList<CapabilityKind> ReadCapabilities(JsonElement root, string? source)
    {
        var kinds = new List<CapabilityKind>();
        foreach (var name in StringArray(root, "capabilities", source))
        {
            if (!CapabilityKinds.TryParse(name, out var kind))
                throw new PluginManifestException(source, $"unknown capability '{name}' (known: {string.Join(", ", CapabilityKinds.All.Select(CapabilityKinds.GetName))})");
            if (!kinds.Contains(kind)) kinds.Add(kind);
        }
        return kinds;
    }

    private static PluginPermissions ReadPermissions(JsonElement root, string? source)
    {
        var result = PluginPermissions.None;
        foreach (var name in StringArray(root, "permissions", source))
        {
            if (!TryParsePermission(name, out var p))
                throw new PluginManifestException(source, $"unknown permission '{name}' (known: network, phi, filesystem-write)");
            result |= p;
        }
        return result;
    }

    private static Dictionary<string, string> ReadSettings(JsonElement root, string? source)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty("settings", out var e) || e.ValueKind == JsonValueKind.Null) return settings;
        if (e.ValueKind != JsonValueKind.Object) throw new PluginManifestException(source, "\"settings\" must be an object");
        foreach (var p in e.EnumerateObject())
            settings[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return settings;
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();
}
