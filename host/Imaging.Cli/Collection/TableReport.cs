using System.Text;
using Spectre.Console;

namespace Imaging.Cli.Collection;

/// <summary>The collection for people: a Spectre.Console table on a terminal, aligned plain text otherwise; then the summary and the unreadable files.</summary>
internal static class TableReport
{
    public static void WriteRich(DicomCollection collection, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (collection.Series.Count > 0)
        {
            var columns = FitColumns(collection, console.Profile.Width, out bool uidsHidden);
            var table = new Table { Border = TableBorder.Rounded };
            foreach (var c in columns)
            {
                var column = new TableColumn(new Text(c.Title, new Style(decoration: Decoration.Bold)));
                if (c.Numeric) column.RightAligned();
                table.AddColumn(column);
            }
            foreach (var row in collection.Series)
                table.AddRow(columns.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(ReportColumns.DisplayValue(c, row))).ToArray());
            console.Write(table);
            if (uidsHidden) console.Write(new Text("UIDs hidden to fit the terminal; --format csv or json shows them.\n", new Style(decoration: Decoration.Dim)));
        }
        console.WriteLine(collection.Summary());
        if (collection.Unreadable.Count > 0)
        {
            console.Write(new Text("Unreadable:", new Style(Color.Yellow)));
            console.WriteLine();
            foreach (var u in collection.Unreadable)
            {
                console.Write(new Text($"  {u.Path}: ", new Style(Color.Yellow)));
                console.Write(new Text(u.Reason));
                console.WriteLine();
            }
        }
    }

    /// <summary>Every column when the table fits in <paramref name="width"/> characters; otherwise all but the UIDs, which are long and need no reading by eye.</summary>
    private static IReadOnlyList<ReportColumns.Column> FitColumns(DicomCollection collection, int width, out bool uidsHidden)
    {
        var all = ReportColumns.All;
        int needed = 1 + all.Sum(c => 3 + Math.Max(c.Title.Length, collection.Series.Max(r => ReportColumns.DisplayValue(c, r).Length)));
        uidsHidden = needed > width;
        return uidsHidden ? all.Where(c => !c.CsvName.EndsWith("UID", StringComparison.Ordinal) || c.CsvName == "TransferSyntaxUID").ToList() : all;
    }

    public static void WritePlain(DicomCollection collection, TextWriter output)
    {
        var sb = new StringBuilder();
        if (collection.Series.Count > 0)
        {
            var columns = ReportColumns.All;
            var cells = collection.Series.Select(r => columns.Select(c => ReportColumns.DisplayValue(c, r)).ToArray()).ToList();
            var widths = columns.Select((c, i) => Math.Max(c.Title.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
            AppendLine(sb, columns.Select(c => c.Title).ToArray(), widths, columns);
            AppendLine(sb, widths.Select(w => new string('-', w)).ToArray(), widths, columns);
            foreach (var r in cells) AppendLine(sb, r, widths, columns);
        }
        sb.AppendLine(collection.Summary());
        if (collection.Unreadable.Count > 0)
        {
            sb.AppendLine("Unreadable:");
            foreach (var u in collection.Unreadable) sb.Append("  ").Append(u.Path).Append(": ").AppendLine(u.Reason);
        }
        output.Write(sb.ToString());
    }

    private static void AppendLine(StringBuilder sb, string[] cells, int[] widths, IReadOnlyList<ReportColumns.Column> columns)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append("  ");
            line.Append(columns[i].Numeric ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
        }
        sb.AppendLine(line.ToString().TrimEnd());
    }
}
