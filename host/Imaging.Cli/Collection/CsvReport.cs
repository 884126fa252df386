using System.Text;

namespace Imaging.Cli.Collection;

/// <summary>The collection as CSV (RFC 4180): a header line, one record per series, CRLF line breaks, fields quoted when they need it.</summary>
internal static class CsvReport
{
    public static void Write(DicomCollection collection, TextWriter output)
    {
        var sb = new StringBuilder();
        Record(sb, ReportColumns.All.Select(c => c.CsvName));
        foreach (var row in collection.Series) Record(sb, ReportColumns.All.Select(c => c.Value(row)));
        output.Write(sb.ToString());
    }

    /// <summary>A field as RFC 4180 §2 writes it: in double quotes, with inner quotes doubled, when it holds a comma, quote, CR or LF.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static void Record(StringBuilder sb, IEnumerable<string> fields)
    {
        sb.AppendJoin(',', fields.Select(Field));
        sb.Append("\r\n");
    }
}
