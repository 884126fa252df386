using System.Collections;
using System.Globalization;
using System.Text;
using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using Microsoft.CodeAnalysis.CSharp;

namespace Imaging.Scripting.Repl;

/// <summary>
/// How the REPL prints the value of an expression: data sets as a table like <c>imaging dump</c>, a file as a summary line
/// and its table, series one row each, other collections as their first <see cref="MaxItems"/> items, exceptions as type
/// and message, strings quoted, null as <c>null</c>.
/// </summary>
internal static class ReplFormatter
{
    /// <summary>How many items or rows of a collection are shown before "… N more".</summary>
    public const int MaxItems = 20;

    private const int InlineWidth = 100;

    public static void Write(object? value, TextWriter output)
    {
        switch (value)
        {
            case DicomFile file:
                output.WriteLine(Summary(file));
                DatasetTable.Write(file.Dataset, output);
                break;
            case DicomDataset dataset:
                output.WriteLine(dataset.ToString());
                DatasetTable.Write(dataset, output);
                break;
            case DicomSeries series:
                SeriesTable([series], 1, output);
                break;
            case IEnumerable<DicomSeries> many:
                var list = many as IReadOnlyCollection<DicomSeries> ?? [.. many];
                SeriesTable(list.Take(MaxItems), list.Count, output);
                break;
            case Exception e:
                output.WriteLine(ExceptionLine(e));
                break;
            case Task task:
                output.WriteLine($"{TypeName(task.GetType())} ({task.Status}; write 'await' before the call to get its result)");
                break;
            case string or char or DicomElement or DicomTag:
                output.WriteLine(Inline(value));
                break;
            case IEnumerable items:
                Sequence(items, output);
                break;
            default:
                output.WriteLine(Inline(value));
                break;
        }
    }

    /// <summary>"TypeName: message", the exception as the REPL reports it.</summary>
    public static string ExceptionLine(Exception e) => $"{e.GetType().FullName}: {e.Message}";

    /// <summary>One line for <paramref name="value"/>, as an item of a collection.</summary>
    public static string Inline(object? value) => value switch
    {
        null => "null",
        string s => SymbolDisplay.FormatLiteral(s, quote: true),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        bool b => b ? "true" : "false",
        IFormattable f and not Enum => f.ToString(null, CultureInfo.InvariantCulture),
        DicomTag tag => $"({tag.Group:X4},{tag.Element:X4}) {DicomDictionary.Standard.Lookup(tag)?.Keyword ?? (tag.IsPrivate ? "PrivateTag" : "UnknownTag")}",
        DicomItem item => $"({item.Tag.Group:X4},{item.Tag.Element:X4}) {item.VR.Code} {DicomDictionary.Standard.Lookup(item.Tag)?.Keyword ?? "UnknownTag"} {DatasetTable.Value(item)}",
        DicomFile file => Summary(file),
        ICapability capability => $"{capability.Name}: {capability.Description}",
        Exception e => ExceptionLine(e),
        _ => value.ToString() ?? TypeName(value.GetType()),
    };

    /// <summary>A file in one line: path, transfer syntax, modality and SOP class, element count.</summary>
    public static string Summary(DicomFile file)
    {
        var ds = file.Dataset;
        var sb = new StringBuilder("DicomFile");
        if (file.FilePath is not null) sb.Append(' ').Append(file.FilePath);
        sb.Append(": ").Append(file.TransferSyntax.Name);
        if (ds.TryGetString(DicomTag.Modality, out var modality) && modality.Length > 0) sb.Append(", ").Append(modality);
        if (ds.TryGetString(DicomTag.SOPClassUID, out var sopClass))
        {
            var name = DicomUid.Lookup(sopClass)?.Name;
            sb.Append(", ").Append(name ?? sopClass);
        }
        sb.Append(", ").Append(ds.Count).Append(ds.Count == 1 ? " element" : " elements");
        if (file.IsPartial) sb.Append(" (partial file)");
        if (file.Warnings.Count > 0) sb.Append(", ").Append(file.Warnings.Count).Append(file.Warnings.Count == 1 ? " warning" : " warnings");
        return sb.ToString();
    }

    /// <summary>The C# name of <paramref name="type"/>: <c>List&lt;int&gt;</c>, <c>string[]</c>.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        var keyword = Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "bool", TypeCode.Byte => "byte", TypeCode.SByte => "sbyte", TypeCode.Char => "char",
            TypeCode.Int16 => "short", TypeCode.UInt16 => "ushort", TypeCode.Int32 => "int", TypeCode.UInt32 => "uint",
            TypeCode.Int64 => "long", TypeCode.UInt64 => "ulong", TypeCode.Single => "float", TypeCode.Double => "double",
            TypeCode.Decimal => "decimal", TypeCode.String => "string",
            _ => type == typeof(object) ? "object" : null,
        };
        if (keyword is not null && !type.IsEnum) return keyword;
        if (!type.IsVisible && PublicInterface(type) is { } shown) return TypeName(shown);
        var name = type.Name;
        int tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        if (type.IsGenericType) name += "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
        return name;
    }

    /// <summary>For a hidden type (a plugin's or the host's implementation, a compiler-made collection): the most specific public interface it implements.</summary>
    private static Type? PublicInterface(Type type)
        => type.GetInterfaces()
            .Where(i => i.IsVisible)
            .OrderByDescending(i => typeof(IEnumerable).IsAssignableFrom(i))
            .ThenByDescending(i => i.GetInterfaces().Length)
            .ThenByDescending(i => i.Name.StartsWith("IReadOnly", StringComparison.Ordinal))
            .FirstOrDefault();

    private static void Sequence(IEnumerable items, TextWriter output)
    {
        var shown = new List<string>();
        int total = 0;
        bool more = false;
        var count = items is ICollection c ? c.Count : (int?)null;
        foreach (var item in items)
        {
            if (total == MaxItems)
            {
                more = true;
                if (count is null) break;
            }
            else
            {
                shown.Add(Inline(item));
                total++;
            }
        }
        var name = TypeName(items.GetType());
        var header = count is { } n ? $"{name}({n})" : name;
        var rest = count is { } all ? all - shown.Count : 0;
        var tail = more ? (rest > 0 ? $"… {rest} more" : "…") : null;
        var line = $"{header} {{ {string.Join(", ", shown)}{(tail is null ? "" : (shown.Count > 0 ? ", " : "") + tail)} }}";
        if (shown.Count == 0) line = $"{header} {{ }}";
        if (line.Length <= InlineWidth && !line.Contains('\n'))
        {
            output.WriteLine(line);
            return;
        }
        output.WriteLine(header);
        for (int i = 0; i < shown.Count; i++) output.WriteLine($"  [{i}] {shown[i]}");
        if (tail is not null) output.WriteLine($"  {tail}");
    }

    private static void SeriesTable(IEnumerable<DicomSeries> series, int total, TextWriter output)
    {
        var rows = series.Select((s, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), s.PatientId, s.Modality, s.Number.ToString(CultureInfo.InvariantCulture),
            s.Description, s.Count.ToString(CultureInfo.InvariantCulture), s.SeriesInstanceUid,
        }).ToList();
        string[] header = ["#", "Patient", "Modality", "Number", "Description", "Instances", "SeriesInstanceUID"];
        var widths = header.Select((h, col) => Math.Min(col == 6 ? int.MaxValue : 40, Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[col].Length)))).ToArray();
        void Row(string[] cells) => output.WriteLine(string.Join("  ", cells.Select((cell, col) =>
        {
            var text = cell.Length > widths[col] ? cell[..(widths[col] - 1)] + "…" : cell;
            return col is 0 or 3 or 5 ? text.PadLeft(widths[col]) : text.PadRight(widths[col]);
        })).TrimEnd());
        Row(header);
        foreach (var row in rows) Row(row);
        if (total > rows.Count) output.WriteLine($"… {total - rows.Count} more");
    }
}
