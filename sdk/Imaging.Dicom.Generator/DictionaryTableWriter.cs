using System.Globalization;
using System.Text;

namespace Imaging.Dicom.Generator;

/// <summary>
/// Writes the standard dictionary as compact tables (internal class <c>StandardDictionaryData</c>): parallel
/// spans of constants, which the compiler stores as raw data in the assembly, and one string holding every
/// keyword and name back to back. Building the dictionary at run time is then one loop, no JSON and no
/// 5,000-statement method to JIT.
/// </summary>
internal static class DictionaryTableWriter
{
    /// <summary>The generated file's name.</summary>
    public const string FileName = "StandardDictionaryData.g.cs";

    /// <summary>The C# source.</summary>
    public static string Write(IReadOnlyList<StandardAttribute> attributes)
    {
        var vrSets = new List<string>();
        var vms = new List<string>();
        var vrIndex = new List<int>();
        var vmIndex = new List<int>();
        foreach (var a in attributes)
        {
            vrIndex.Add(IndexOf(vrSets, string.Join('\\', a.ValueRepresentations)));
            vmIndex.Add(IndexOf(vms, a.ValueMultiplicity));
        }
        if (vrSets.Count > 255 || vms.Count > 255) throw new GeneratorException("More than 255 distinct VR sets or VMs; widen the tables.");

        var sb = new StringBuilder(attributes.Count * 120);
        sb.Append(CSharpText.Header);
        sb.Append("namespace Imaging.Dicom;\n\n");
        sb.Append("/// <summary>The registry of PS3.6 §6 (Table 6-1, 7-1, 8-1, 9-1) as compact tables; read by StandardDictionaryLoader.</summary>\n");
        sb.Append("internal static class StandardDictionaryData\n{\n");
        sb.Append("    /// <summary>The number of entries.</summary>\n");
        sb.Append("    internal const int Count = ").Append(attributes.Count.ToString(CultureInfo.InvariantCulture)).Append(";\n\n");

        Array(sb, "uint", "Tags", "The tag of each entry; for a repeating tag its lowest instance.", attributes.Select(a => CSharpText.Hex32(a.Tag)));
        Array(sb, "uint", "Masks", "The bits of a tag that must equal the entry's tag; 0xFFFFFFFF when exact.", attributes.Select(a => CSharpText.Hex32(a.Mask)));
        Array(sb, "byte", "VrSetIndexes", "Index of each entry's VRs in VrSets.", vrIndex.Select(Number));
        Array(sb, "byte", "VmIndexes", "Index of each entry's VM in Vms.", vmIndex.Select(Number));
        Array(sb, "byte", "Flags", "1 when the entry is retired.", attributes.Select(a => a.IsRetired ? "1" : "0"));
        Array(sb, "byte", "KeywordLengths", "The length of each keyword in Text.", attributes.Select(a => Length(a.Keyword)));
        Array(sb, "byte", "NameLengths", "The length of each name in Text, after the keyword.", attributes.Select(a => Length(a.Name)));

        sb.Append("    /// <summary>The distinct VR lists, separated by ';'; the VRs of one list by '\\\\'. The first may be empty (no VR).</summary>\n");
        sb.Append("    internal const string VrSets = ").Append(CSharpText.Literal(string.Join(';', vrSets))).Append(";\n\n");
        sb.Append("    /// <summary>The distinct VMs, separated by ';'.</summary>\n");
        sb.Append("    internal const string Vms = ").Append(CSharpText.Literal(string.Join(';', vms))).Append(";\n\n");
        sb.Append("    /// <summary>Keyword then name of every entry, back to back, in table order.</summary>\n");
        sb.Append("    internal const string Text = \"");
        foreach (var a in attributes)
        {
            CSharpText.AppendEscaped(sb, a.Keyword);
            CSharpText.AppendEscaped(sb, a.Name);
        }
        sb.Append("\";\n}\n");
        return sb.ToString();
    }

    private static int IndexOf(List<string> list, string value)
    {
        var i = list.IndexOf(value);
        if (i >= 0) return i;
        if (value.Contains(';')) throw new GeneratorException($"'{value}' contains ';'.");
        list.Add(value);
        return list.Count - 1;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Length(string value) =>
        value.Length <= byte.MaxValue ? Number(value.Length) : throw new GeneratorException($"'{value}' is longer than 255 characters.");

    private static void Array(StringBuilder sb, string type, string name, string summary, IEnumerable<string> values)
    {
        sb.Append("    /// <summary>").Append(summary).Append("</summary>\n");
        sb.Append("    internal static ReadOnlySpan<").Append(type).Append("> ").Append(name).Append(" => new ").Append(type).Append("[]\n    {");
        var i = 0;
        foreach (var v in values)
        {
            sb.Append(i++ % 16 == 0 ? "\n        " : " ").Append(v).Append(',');
        }
        sb.Append("\n    };\n\n");
    }
}
