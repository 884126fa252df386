using System.Text;

namespace Imaging.Dicom.Generator;

/// <summary>
/// Writes <c>partial struct DicomTag</c> with one static member per keyword (PS3.6 Table 6-1), e.g.
/// <c>public static DicomTag PatientName =&gt; new(0x0010, 0x0010);</c>.
/// </summary>
/// <remarks>
/// Members are expression-bodied properties, not <c>static readonly</c> fields: 5,123 struct fields make a static
/// constructor that the first use of any tag pays for (measured 110-400 ms on the build machine, against 1 ms
/// for properties, which the JIT folds into constants). Call sites read the same: <c>DicomTag.PatientName</c>.
/// </remarks>
internal static class TagKeywordsWriter
{
    /// <summary>The generated file's name.</summary>
    public const string FileName = "DicomTag.Keywords.g.cs";

    /// <summary>The C# source.</summary>
    public static string Write(IReadOnlyList<StandardAttribute> attributes)
    {
        var sb = new StringBuilder(attributes.Count * 200);
        sb.Append(CSharpText.Header);
        sb.Append("namespace Imaging.Dicom;\n\n");
        sb.Append("public readonly partial struct DicomTag\n{\n");
        foreach (var a in attributes)
        {
            sb.Append("    /// <summary>").Append(a.DisplayTag).Append(' ').Append(CSharpText.Xml(a.Name))
              .Append(": VR ").Append(a.VrText).Append(", VM ").Append(a.ValueMultiplicity.Length == 0 ? "none" : a.ValueMultiplicity).Append('.');
            if (a.IsRetired) sb.Append(" Retired.");
            if (a.Mask != 0xFFFFFFFF)
                sb.Append(" A repeating tag; this is its lowest instance, (").Append(CSharpText.Hex16(a.Tag >> 16)[2..])
                  .Append(',').Append(CSharpText.Hex16(a.Tag & 0xFFFF)[2..]).Append(").");
            sb.Append(" PS3.6 §6.</summary>\n");
            sb.Append("    public static DicomTag ").Append(a.FieldName).Append(" => new(")
              .Append(CSharpText.Hex16(a.Tag >> 16)).Append(", ").Append(CSharpText.Hex16(a.Tag & 0xFFFF)).Append(");\n\n");
        }
        sb.Length--;
        sb.Append("}\n");
        return sb.ToString();
    }
}
