using System.Text;
using Imaging.Dicom;

namespace Imaging.Cli.Commands;

/// <summary>dcmdump-style text: one line an element, "(gggg,eeee) VR value  # length, VM Keyword", items indented.</summary>
internal static class TextDump
{
    private const int ValueWidth = 64;

    public static void Write(StringBuilder sb, DicomDataset ds, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var item in ds)
        {
            string keyword = Keyword(item.Tag, ds);
            switch (item)
            {
                case DicomSequence seq:
                    Line(sb, indent, item.Tag, "SQ", $"(Sequence #={seq.Count})", "u/l", 1, keyword);
                    int n = 0;
                    foreach (var child in seq)
                    {
                        n++;
                        Line(sb, indent + "  ", new DicomTag(0xFFFE, 0xE000), "na", $"(Item #{n}, {child.Count} elements)", "u/l", 1, "Item");
                        Write(sb, child, depth + 2);
                        Line(sb, indent + "  ", new DicomTag(0xFFFE, 0xE00D), "na", "(ItemDelimitationItem)", "0", 0, "ItemDelimitationItem");
                    }
                    Line(sb, indent, new DicomTag(0xFFFE, 0xE0DD), "na", "(SequenceDelimitationItem)", "0", 0, "SequenceDelimitationItem");
                    break;
                case DicomFragmentSequence frag:
                    Line(sb, indent, item.Tag, frag.VR.Code, $"(PixelSequence #={frag.Fragments.Count + 1})", "u/l", 1, keyword);
                    Line(sb, indent + "  ", new DicomTag(0xFFFE, 0xE000), "pi", frag.OffsetTableBuffer.Length == 0 ? "(no value available)" : $"(offset table, {frag.OffsetTableBuffer.Length / 4} entries)", frag.OffsetTableBuffer.Length.ToString(), 1, "Item");
                    foreach (var f in frag.Fragments)
                        Line(sb, indent + "  ", new DicomTag(0xFFFE, 0xE000), "pi", $"({f.Length} bytes of encoded pixel data)", f.Length.ToString(), 1, "Item");
                    Line(sb, indent, new DicomTag(0xFFFE, 0xE0DD), "na", "(SequenceDelimitationItem)", "0", 0, "SequenceDelimitationItem");
                    break;
                case DicomElement e:
                    Line(sb, indent, item.Tag, e.VR.Code, Value(e), e.Length.ToString(), e.Count, keyword);
                    break;
            }
        }
    }

    private static string Keyword(DicomTag tag, DicomDataset ds)
    {
        var creator = tag.IsPrivate ? ds.GetPrivateCreator(tag) : null;
        var entry = DicomDictionary.Standard.Lookup(tag, creator);
        if (entry is not null) return entry.Keyword;
        return tag.IsPrivate ? (creator is null ? "PrivateTag" : $"PrivateTag [{creator}]") : "UnknownTag";
    }

    private static string Value(DicomElement e)
    {
        if (e.Length == 0) return "(no value available)";
        if (!e.Buffer.IsLoaded && e.Length > 1024) return $"(not loaded, {e.Length} bytes)";
        var vr = e.VR;
        string text;
        switch (vr.Kind)
        {
            case DicomVRKind.Text:
                text = "[" + e.GetString() + "]";
                break;
            case DicomVRKind.Bytes:
            {
                var span = e.Buffer.Memory.Span;
                var shown = span[..Math.Min(span.Length, 24)];
                text = string.Join('\\', shown.ToArray().Select(b => b.ToString("x2")));
                if (span.Length > shown.Length) text += "...";
                break;
            }
            default:
            {
                var values = e.Count > 32 ? e.GetStrings()[..32] : e.GetStrings();
                text = string.Join('\\', values) + (e.Count > 32 ? "..." : "");
                break;
            }
        }
        return text.Length > ValueWidth ? text[..(ValueWidth - 3)] + "..." : text;
    }

    private static void Line(StringBuilder sb, string indent, DicomTag tag, string vr, string value, string length, int vm, string keyword)
    {
        var left = $"{indent}({tag.Group:x4},{tag.Element:x4}) {vr} {value}";
        sb.Append(left);
        sb.Append(' ', Math.Max(1, 56 - left.Length));
        sb.Append("# ").Append(length.PadLeft(4)).Append(", ").Append(vm).Append(' ').AppendLine(keyword);
    }
}
