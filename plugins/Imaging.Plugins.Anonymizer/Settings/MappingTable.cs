using Imaging.Sdk;

namespace Imaging.Plugins.Anonymizer.Settings;

/// <summary>
/// The <c>map</c> setting: a CSV file with the header <c>PatientID,Pseudonym</c> and one patient a line (like
/// <c>dicomanon</c>'s update table). Values may be double-quoted; an ID listed twice with different pseudonyms is an error.
/// </summary>
internal static class MappingTable
{
    /// <summary>Reads the table.</summary>
    /// <exception cref="InvalidInputException">Missing file, wrong header, malformed line or conflicting entries.</exception>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InvalidInputException($"cannot read the mapping table '{path}': {e.Message}", e); }
        if (lines.Length == 0 || !HeaderMatches(lines[0])) throw new InvalidInputException($"the mapping table '{path}' must start with the header PatientID,Pseudonym.");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var parts = lines[i].Split(',');
            if (parts.Length != 2) throw new InvalidInputException($"{path}:{i + 1}: expected PatientID,Pseudonym.");
            var id = Unquote(parts[0]);
            var pseudonym = Unquote(parts[1]);
            if (id.Length == 0 || pseudonym.Length == 0) throw new InvalidInputException($"{path}:{i + 1}: empty PatientID or Pseudonym.");
            if (pseudonym.Length > 64) throw new InvalidInputException($"{path}:{i + 1}: the pseudonym is longer than 64 characters (LO).");
            if (map.TryGetValue(id, out var old) && old != pseudonym) throw new InvalidInputException($"{path}:{i + 1}: PatientID '{id}' is mapped twice.");
            map[id] = pseudonym;
        }
        return map;
    }

    private static bool HeaderMatches(string line)
    {
        var parts = line.TrimStart('\uFEFF').Split(',');
        return parts.Length == 2 && Unquote(parts[0]).Equals("PatientID", StringComparison.OrdinalIgnoreCase)
            && Unquote(parts[1]).Equals("Pseudonym", StringComparison.OrdinalIgnoreCase);
    }

    private static string Unquote(string s)
    {
        var t = s.Trim();
        return t.Length >= 2 && t[0] == '"' && t[^1] == '"' ? t[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal).Trim() : t;
    }
}
