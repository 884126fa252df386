using System.Text.Json;
using Imaging.Dicom;
using Imaging.Plugins.Anonymizer.Standard;

namespace Imaging.Plugins.Anonymizer.Profile;

/// <summary>
/// PS3.15 Table E.1-1 (Application Level Confidentiality Profile Attributes), read from the embedded
/// confidentiality_profile_attributes.json (never retyped), with lookup by tag: exact tags first, then the repeating-group
/// patterns (50xx,xxxx), (60xx,3000), (60xx,4000), then the private row (gggg,eeee) with gggg odd.
/// </summary>
internal sealed class ProfileTable
{
    private readonly Dictionary<uint, ProfileRule> _exact = [];
    private readonly List<ProfileRule> _patterns = [];
    private readonly ProfileRule? _private;

    /// <summary>Every row, in the file's order.</summary>
    public IReadOnlyList<ProfileRule> Rules { get; }

    /// <summary>Reads the table from JSON (an array of rows with <c>name</c>, <c>tag</c>, <c>stdCompIOD</c>, <c>basicProfile</c> and option columns).</summary>
    public ProfileTable(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var rules = new List<ProfileRule>();
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            var name = row.GetProperty("name").GetString() ?? "";
            var tag = row.GetProperty("tag").GetString() ?? throw new FormatException($"row '{name}' has no tag");
            var basic = row.GetProperty("basicProfile").GetString() ?? throw new FormatException($"row {tag} has no basicProfile");
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var option in ProfileOption.All)
            {
                if (row.TryGetProperty(option.Column, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } a)
                    options[option.Column] = a;
            }
            bool inIod = row.TryGetProperty("stdCompIOD", out var s) && s.GetString() == "Y";
            rules.Add(new ProfileRule(name, tag, TagPattern.Parse(tag), inIod, basic, options));
        }
        Rules = rules;
        foreach (var rule in rules)
        {
            if (rule.Pattern.IsPrivate) _private = rule;
            else if (rule.Pattern.IsExact) _exact[rule.Pattern.Value] = rule;
            else _patterns.Add(rule);
        }
    }

    /// <summary>The table embedded in this assembly.</summary>
    public static ProfileTable LoadEmbedded()
    {
        using var stream = EmbeddedStandard.Open("confidentiality_profile_attributes.json");
        return new ProfileTable(stream);
    }

    /// <summary>The rule for <paramref name="tag"/>, or null when the table does not name it (the attribute is kept).</summary>
    public ProfileRule? Find(DicomTag tag)
    {
        if (_exact.TryGetValue(tag.Value, out var rule)) return rule;
        foreach (var p in _patterns)
        {
            if (p.Pattern.Matches(tag)) return p;
        }
        return tag.IsPrivate ? _private : null;
    }
}
