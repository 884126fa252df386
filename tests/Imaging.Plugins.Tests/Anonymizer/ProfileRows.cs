using System.Text.Json;
using Imaging.Plugins.Tests.Fixtures;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>One row of PS3.15 Table E.1-1, read by the tests straight from shared/dicom-standard (independently of the plugin's copy).</summary>
public sealed record ProfileRow(int Index, string Name, string Tag, string Basic, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>xunit shows this in the test name.</summary>
    public override string ToString() => $"{Tag} {Name} [{Basic}]";
}

/// <summary>The rows of confidentiality_profile_attributes.json as xunit member data.</summary>
public static class ProfileRows
{
    /// <summary>The option columns, keyed by the JSON key, with the CLI option name.</summary>
    public static IReadOnlyDictionary<string, string> OptionColumns { get; } = new Dictionary<string, string>
    {
        ["rtnSafePrivOpt"] = "retain-safe-private",
        ["rtnUIDsOpt"] = "retain-uids",
        ["rtnDevIdOpt"] = "retain-device-identity",
        ["rtnInstIdOpt"] = "retain-institution-identity",
        ["rtnPatCharsOpt"] = "retain-patient-characteristics",
        ["rtnLongFullDatesOpt"] = "retain-long-full-dates",
        ["rtnLongModifDatesOpt"] = "retain-long-modified-dates",
        ["cleanDescOpt"] = "clean-descriptors",
        ["cleanStructContOpt"] = "clean-structured-content",
        ["cleanGraphOpt"] = "clean-graphics",
    };

    /// <summary>Every row.</summary>
    public static IReadOnlyList<ProfileRow> All { get; } = Load();

    /// <summary>One case per row (621).</summary>
    public static TheoryData<int, string> Rows()
    {
        var data = new TheoryData<int, string>();
        foreach (var r in All) data.Add(r.Index, r.ToString());
        return data;
    }

    /// <summary>One case per (row, option column with a value).</summary>
    public static TheoryData<int, string, string> OptionCells()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var r in All)
        {
            foreach (var column in r.Options.Keys) data.Add(r.Index, column, r.ToString());
        }
        return data;
    }

    private static List<ProfileRow> Load()
    {
        var path = Path.Combine(RepoPaths.Root, "..", "shared", "dicom-standard", "confidentiality_profile_attributes.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var rows = new List<ProfileRow>();
        int i = 0;
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            var options = new Dictionary<string, string>();
            foreach (var column in OptionColumns.Keys)
            {
                if (row.TryGetProperty(column, out var v) && v.GetString() is { Length: > 0 } s) options[column] = s;
            }
            rows.Add(new ProfileRow(i++, row.GetProperty("name").GetString()!, row.GetProperty("tag").GetString()!, row.GetProperty("basicProfile").GetString()!, options));
        }
        return rows;
    }
}
