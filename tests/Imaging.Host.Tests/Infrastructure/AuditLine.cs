using System.Text.Json;

namespace Imaging.Host.Tests.Infrastructure;

/// <summary>One line of the JSON-lines audit log, as written by <see cref="Imaging.Host.Security.JsonLinesAuditLog"/>.</summary>
internal sealed record AuditLine(string Plugin, string Action, string Capability, string Target, DateTimeOffset Time, string User, int Pid)
{
    /// <summary>Every line of the log at <paramref name="path"/> (none when the file does not exist yet); each must be a JSON object.</summary>
    public static IReadOnlyList<AuditLine> ReadAll(string path)
    {
        if (!File.Exists(path)) return [];
        var lines = new List<AuditLine>();
        foreach (var text in File.ReadAllLines(path))
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            lines.Add(new AuditLine(
                root.GetProperty("plugin").GetString()!,
                root.GetProperty("action").GetString()!,
                root.GetProperty("capability").GetString()!,
                root.GetProperty("target").GetString()!,
                DateTimeOffset.Parse(root.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                root.GetProperty("user").GetString()!,
                root.GetProperty("pid").GetInt32()));
        }
        return lines;
    }
}
