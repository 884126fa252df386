using System.Text.Json;
using Imaging.Dicom;
using Imaging.Plugins.Anonymizer.Standard;

namespace Imaging.Plugins.Anonymizer.Iod;

/// <summary>
/// SOP Class UID → IOD (sops.json, ciods.json) → modules (ciod_to_modules.json) → each top-level attribute's Type in
/// those modules (module_to_attributes.json, when embedded): what PS3.15 E.3.1 needs to resolve X/Z, X/D, X/Z/D, Z/D and
/// X/Z/U* ("... unless required to maintain IOD conformance"). The strictest Type over the IOD's modules wins.
/// </summary>
internal sealed class IodCatalog
{
    private readonly Dictionary<string, string> _ciodBySopClass = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _modulesByCiod = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<uint, AttributeType>>? _typesByModule;

    /// <summary>Reads the tables; <paramref name="moduleToAttributes"/> is optional (without it every Type is <see cref="AttributeType.Unknown"/>).</summary>
    public IodCatalog(Stream sops, Stream ciods, Stream ciodToModules, Stream? moduleToAttributes)
    {
        var ciodIdByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using (var doc = JsonDocument.Parse(ciods))
        {
            foreach (var row in doc.RootElement.EnumerateArray())
            {
                if (Text(row, "name") is { } name && Text(row, "id") is { } id) ciodIdByName[name] = id;
            }
        }
        using (var doc = JsonDocument.Parse(sops))
        {
            foreach (var row in doc.RootElement.EnumerateArray())
            {
                if (Text(row, "id") is { } uid && Text(row, "ciod") is { } ciod && ciodIdByName.TryGetValue(ciod, out var ciodId))
                    _ciodBySopClass[uid] = ciodId;
            }
        }
        using (var doc = JsonDocument.Parse(ciodToModules))
        {
            foreach (var row in doc.RootElement.EnumerateArray())
            {
                if (Text(row, "ciodId") is not { } ciodId || Text(row, "moduleId") is not { } moduleId) continue;
                if (!_modulesByCiod.TryGetValue(ciodId, out var list)) _modulesByCiod[ciodId] = list = [];
                list.Add(moduleId);
            }
        }
        if (moduleToAttributes is not null) _typesByModule = ReadAttributeTypes(moduleToAttributes);
    }

    /// <summary>True when attribute Types are known (module_to_attributes.json was embedded).</summary>
    public bool KnowsAttributeTypes => _typesByModule is not null;

    /// <summary>The catalog from the tables embedded in this assembly.</summary>
    public static IodCatalog LoadEmbedded()
    {
        using var sops = EmbeddedStandard.Open("sops.json");
        using var ciods = EmbeddedStandard.Open("ciods.json");
        using var modules = EmbeddedStandard.Open("ciod_to_modules.json");
        using var attributes = EmbeddedStandard.TryOpen("module_to_attributes.json");
        return new IodCatalog(sops, ciods, modules, attributes);
    }

    /// <summary>The IOD id (e.g. <c>ct-image</c>) of a SOP Class, or null.</summary>
    public string? IodOf(string? sopClassUid) =>
        sopClassUid is not null && _ciodBySopClass.TryGetValue(sopClassUid.Trim(), out var id) ? id : null;

    /// <summary>The modules of the SOP Class's IOD (empty when unknown).</summary>
    public IReadOnlyList<string> ModulesOf(string? sopClassUid) =>
        IodOf(sopClassUid) is { } id && _modulesByCiod.TryGetValue(id, out var list) ? list : [];

    /// <summary>The Type of a top-level attribute in the SOP Class's IOD.</summary>
    public AttributeType TypeOf(string? sopClassUid, DicomTag tag)
    {
        if (_typesByModule is null) return AttributeType.Unknown;
        var modules = ModulesOf(sopClassUid);
        if (modules.Count == 0) return AttributeType.Unknown;
        var best = AttributeType.NotInIod;
        foreach (var module in modules)
        {
            if (!_typesByModule.TryGetValue(module, out var types) || !types.TryGetValue(tag.Value, out var t)) continue;
            if (best == AttributeType.NotInIod || t < best) best = t;
        }
        return best;
    }

    private static Dictionary<string, Dictionary<uint, AttributeType>> ReadAttributeTypes(Stream json)
    {
        var result = new Dictionary<string, Dictionary<uint, AttributeType>>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(json);
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            // innolitics/dicom-standard rows: moduleId, path ("patient:00100010"; nested attributes have more ':'), tag, type.
            if (Text(row, "moduleId") is not { } module || Text(row, "path") is not { } path || Text(row, "tag") is not { } tagText) continue;
            if (path.Count(c => c == ':') != 1 || !DicomTag.TryParse(tagText, out var tag)) continue;
            var type = (Text(row, "type") ?? "3").Trim() switch
            {
                var s when s.StartsWith('1') => AttributeType.Type1,
                var s when s.StartsWith('2') => AttributeType.Type2,
                _ => AttributeType.Type3,
            };
            if (!result.TryGetValue(module, out var types)) result[module] = types = [];
            if (!types.TryGetValue(tag.Value, out var old) || type < old) types[tag.Value] = type;
        }
        return result;
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
