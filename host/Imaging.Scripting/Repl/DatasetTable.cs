using Imaging.Dicom;

namespace Imaging.Scripting.Repl;

/// <summary>
/// A data set as the REPL prints it: one row an element — tag, VR, keyword, value — like <c>imaging dump</c>, with
/// sequence items indented under their sequence (PS3.5 §7.5) and long values cut.
/// </summary>
internal static class DatasetTable
{
    private const int ValueWidth = 64;
    private const int KeywordWidth = 36;

    public static void Write(DicomDataset dataset, TextWriter output)
    {
        var rows = new List<(string Tag, string VR, string Keyword, string Value)>();
        Collect(dataset, 0, rows);
        int keyword = Math.Min(KeywordWidth, Math.Max("Keyword".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Keyword.Length)));
        int tag = Math.Max("Tag".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Tag.Length));
        output.WriteLine($"{"Tag".PadRight(tag)}  VR  {"Keyword".PadRight(keyword)}  Value");
        foreach (var (t, vr, k, value) in rows)
            output.WriteLine($"{t.PadRight(tag)}  {vr,-2}  {Cut(k, keyword).PadRight(keyword)}  {value}".TrimEnd());
    }

    /// <summary>The keyword of <paramref name="tag"/> in <paramref name="dataset"/> (private tags by their creator), as <c>imaging dump</c> names it.</summary>
    public static string Keyword(DicomTag tag, DicomDataset dataset)
    {
        var creator = tag.IsPrivate ? dataset.GetPrivateCreator(tag) : null;
        var entry = DicomDictionary.Standard.Lookup(tag, creator);
        if (entry is not null && entry.Keyword.Length > 0) return entry.Keyword;
        return tag.IsPrivate ? (creator is null ? "PrivateTag" : $"PrivateTag [{creator}]") : "UnknownTag";
    }

    /// <summary>An element's value on one line: text in brackets like dcmdump, numbers joined by <c>\</c>, bytes in hex; cut at 64 characters.</summary>
    public static string Value(DicomItem item)
    {
        if (item is DicomSequence seq) return $"({seq.Count} item{(seq.Count == 1 ? "" : "s")})";
        if (item is DicomFragmentSequence frag) return $"({frag.Fragments.Count} fragment{(frag.Fragments.Count == 1 ? "" : "s")} of encoded pixel data)";
        if (item is not DicomElement element) return "";
        if (element.Length == 0) return "(no value)";
        if (!element.Buffer.IsLoaded && element.Length > 1024) return $"(not loaded, {element.Length} bytes)";
        string text;
        try
        {
            text = element.VR.Kind switch
            {
                DicomVRKind.Text => "[" + element.GetString() + "]",
                DicomVRKind.Bytes => Hex(element),
                _ => string.Join('\\', element.Count > 32 ? element.GetStrings()[..32] : element.GetStrings()) + (element.Count > 32 ? "..." : ""),
            };
        }
        catch (DicomException e)
        {
            text = $"(unreadable: {e.Message})";
        }
        return Cut(text, ValueWidth);
    }

    private static void Collect(DicomDataset dataset, int depth, List<(string, string, string, string)> rows)
    {
        var indent = new string(' ', depth * 2);
        foreach (var item in dataset)
        {
            rows.Add(($"{indent}({item.Tag.Group:x4},{item.Tag.Element:x4})", item.VR.Code, indent + Keyword(item.Tag, dataset), Value(item)));
            if (item is not DicomSequence seq) continue;
            int n = 0;
            foreach (var child in seq)
            {
                n++;
                rows.Add(($"{indent}  (fffe,e000)", "na", $"{indent}  Item #{n}", $"({child.Count} element{(child.Count == 1 ? "" : "s")})"));
                Collect(child, depth + 2, rows);
            }
        }
    }

    private static string Hex(DicomElement element)
    {
        var span = element.Buffer.Memory.Span;
        var shown = span[..Math.Min(span.Length, 24)];
        return string.Join('\\', shown.ToArray().Select(b => b.ToString("x2"))) + (span.Length > shown.Length ? "..." : "");
    }

    private static string Cut(string text, int width) => text.Length > width ? text[..(width - 3)] + "..." : text;
}
