using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Imaging.Cli.PhiScan;

/// <summary>
/// Writes a <see cref="PhiReport"/> as a plain-text table (one line per finding, then the summary line) or as JSON.
/// The JSON schema is stable ("schema": "imaging.phi-scan/1"): root, source (null without --source), filesScanned,
/// filesWithFindings, clean, countsByRule {rule: n}, findings [{file, tag, path, keyword, vr, rule, severity, value,
/// detail}]. Values are masked (<see cref="ValueMask"/>); details never repeat a value.
/// </summary>
internal static class PhiReportWriter
{
    /// <summary>The schema id written in every JSON report; bumped only on breaking changes.</summary>
    public const string Schema = "imaging.phi-scan/1";

    private static readonly string[] Header = ["File", "Tag", "Keyword", "VR", "Rule", "Severity", "Value", "Detail"];

    /// <summary>The table for people: aligned columns; the tag column shows the full path for nested elements.</summary>
    public static void WriteTable(PhiReport report, TextWriter output)
    {
        if (report.Findings.Count > 0)
        {
            var rows = report.Findings
                .Select(f => new[] { f.File, f.Path, f.Keyword, f.VR, f.Rule, f.Severity, f.Value, f.Detail })
                .ToList();
            var widths = Enumerable.Range(0, Header.Length - 1)
                .Select(c => Math.Min(60, rows.Select(r => r[c].Length).Append(Header[c].Length).Max()))
                .ToArray();
            output.WriteLine(Line(Header, widths));
            output.WriteLine(Line(widths.Select(w => new string('-', w)).Append("------").ToArray(), widths));
            foreach (var row in rows) output.WriteLine(Line(row, widths));
            output.WriteLine();
        }
        output.WriteLine(report.Summary());
    }

    /// <summary>The JSON report (indented, UTF-8 without escaping of non-ASCII).</summary>
    public static void WriteJson(PhiReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("root", report.Root);
            if (report.Source is null) w.WriteNull("source");
            else w.WriteString("source", report.Source);
            w.WriteNumber("filesScanned", report.FilesScanned);
            w.WriteNumber("filesWithFindings", report.FilesWithFindings);
            w.WriteBoolean("clean", report.IsClean);
            w.WriteStartObject("countsByRule");
            foreach (var (rule, count) in report.CountsByRule) w.WriteNumber(rule, count);
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("file", f.File);
                w.WriteString("tag", f.Tag);
                w.WriteString("path", f.Path);
                w.WriteString("keyword", f.Keyword);
                w.WriteString("vr", f.VR);
                w.WriteString("rule", f.Rule);
                w.WriteString("severity", f.Severity);
                w.WriteString("value", f.Value);
                w.WriteString("detail", f.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Line(string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            var cell = cells[c];
            if (c < widths.Length)
            {
                if (cell.Length > widths[c]) cell = cell[..(widths[c] - 1)] + "…";
                sb.Append(cell.PadRight(widths[c])).Append("  ");
            }
            else
            {
                sb.Append(cell);
            }
        }
        return sb.ToString().TrimEnd();
    }
}
