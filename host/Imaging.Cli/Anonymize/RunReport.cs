using System.Globalization;
using System.Text.Json;
using Imaging.Cli.Collection;

namespace Imaging.Cli.Anonymize;

/// <summary>The end of an anonymize run: the summary for people (stdout) and the <c>--report</c> JSON for machines.</summary>
internal static class RunReport
{
    /// <summary>Action codes summed over the written files, sorted by code.</summary>
    public static SortedDictionary<string, long> Totals(IEnumerable<FileResult> results)
    {
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in results.Where(r => r.Written))
            foreach (var (code, count) in r.ActionCounts)
                totals[code] = totals.GetValueOrDefault(code) + count;
        return totals;
    }

    /// <summary>"OUT: n files written, m skipped" and one line of action counts.</summary>
    public static void WriteSummary(string output, IReadOnlyList<FileResult> results, string anonymizer, string profile, TextWriter stdout)
    {
        int written = results.Count(r => r.Written);
        int skipped = results.Count - written;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{output}: {written} file{(written == 1 ? "" : "s")} written, {skipped} skipped, by anonymizer {anonymizer} (profile {profile})"));
        var totals = Totals(results);
        stdout.WriteLine(totals.Count == 0 ? "actions: none" : "actions: " + string.Join(", ", totals.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value}"))));
    }

    /// <summary>Writes the JSON report atomically (never over an existing file): the run, the totals, and one entry per input file.</summary>
    public static void WriteJson(string path, string input, string output, string anonymizer, string profile, IReadOnlyList<string> options, IReadOnlyList<FileResult> results)
    {
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("input", Path.GetFullPath(input));
            json.WriteString("output", Path.GetFullPath(output));
            json.WriteString("anonymizer", anonymizer);
            json.WriteString("profile", profile);
            json.WriteStartArray("options");
            foreach (var o in options) json.WriteStringValue(o);
            json.WriteEndArray();
            json.WriteNumber("written", results.Count(r => r.Written));
            json.WriteNumber("skipped", results.Count(r => !r.Written));
            json.WriteStartObject("actions");
            foreach (var (code, count) in Totals(results)) json.WriteNumber(code, count);
            json.WriteEndObject();
            json.WriteStartArray("files");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("input", r.Input);
                if (r.Output is not null) json.WriteString("output", r.Output);
                if (r.SkipReason is not null) json.WriteString("skipped", r.SkipReason);
                else
                {
                    json.WriteStartObject("actions");
                    foreach (var (code, count) in r.ActionCounts.OrderBy(a => a.Key, StringComparer.Ordinal)) json.WriteNumber(code, count);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }, overwrite: false);
    }
}
