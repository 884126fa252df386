using System.Text;

namespace Imaging.Dicom.Generator;

/// <summary>Writes <c>partial class DicomUid</c> with one static field per SOP class (PS3.6 Annex A, PS3.4).</summary>
internal static class UidFieldsWriter
{
    /// <summary>The generated file's name.</summary>
    public const string FileName = "DicomUid.SopClasses.g.cs";

    /// <summary>The C# source.</summary>
    public static string Write(IReadOnlyList<SopClass> sopClasses)
    {
        var sb = new StringBuilder(sopClasses.Count * 300);
        sb.Append(CSharpText.Header);
        sb.Append("namespace Imaging.Dicom;\n\n");
        sb.Append("public sealed partial class DicomUid\n{\n");
        foreach (var s in sopClasses)
        {
            sb.Append("    /// <summary>").Append(CSharpText.Xml(s.Name)).Append(": SOP Class ").Append(s.Uid);
            if (s.Iod.Length > 0) sb.Append(", IOD ").Append(CSharpText.Xml(s.Iod));
            sb.Append(" (PS3.4, PS3.6 Annex A).</summary>\n");
            sb.Append("    public static readonly DicomUid ").Append(s.Keyword).Append(" = new(")
              .Append(CSharpText.Literal(s.Uid)).Append(", ").Append(CSharpText.Literal(s.Name)).Append(", DicomUidType.SOPClass);\n\n");
        }
        sb.Append("    /// <summary>Every generated SOP class, in the order of the standard's table.</summary>\n");
        sb.Append("    private static DicomUid[] GeneratedSopClasses() =>\n    [");
        var i = 0;
        foreach (var s in sopClasses)
        {
            sb.Append(i++ % 4 == 0 ? "\n        " : " ").Append(s.Keyword).Append(',');
        }
        sb.Append("\n    ];\n}\n");
        return sb.ToString();
    }
}
