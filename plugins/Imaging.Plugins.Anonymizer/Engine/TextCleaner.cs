using System.Text.RegularExpressions;
using Imaging.Dicom;

namespace Imaging.Plugins.Anonymizer.Engine;

/// <summary>
/// Action C on free text (Clean Descriptors, Clean Structured Content, Clean Graphics; PS3.15 E.3.5, E.3.4, E.3.3):
/// keeps the descriptive words ("CT HEAD W/O CONTRAST") and removes (a) every whole-word occurrence, case-insensitive,
/// of the identifying values of the original data set — the components of Patient's Name, Other Patient Names,
/// Patient's Birth Name and Mother's Birth Name, Patient ID, Other Patient IDs, Accession Number, Study ID, Patient's
/// Birth Date, Institution Name and Address, and the names of referring, performing, reading and operating staff —
/// and (b) anything shaped like a date (YYYYMMDD, D/M/Y, Y-M-D). When no letter or digit is left the value becomes
/// empty (the engine then writes the VR's dummy value, so a Type 1 descriptor stays valid). This is pattern removal, not understanding: a name the data set does not carry elsewhere stays (see gaps).
/// </summary>
internal sealed partial class TextCleaner
{
    private static readonly IReadOnlyList<DicomTag> PhiSources =
    [
        DicomTag.PatientName, DicomTag.OtherPatientNames, new(0x0010, 0x1005), new(0x0010, 0x1060),
        DicomTag.PatientID, DicomTag.OtherPatientIDs, DicomTag.AccessionNumber, new(0x0020, 0x0010),
        DicomTag.PatientBirthDate, DicomTag.InstitutionName, new(0x0008, 0x0081), DicomTag.ReferringPhysicianName,
        new(0x0008, 0x1050), new(0x0008, 0x1060), new(0x0008, 0x1070), new(0x0008, 0x1048), new(0x0010, 0x1040),
    ];

    private readonly Lazy<Regex?> _phi;

    /// <summary>Collects the identifying words of <paramref name="original"/> (top level) when first needed.</summary>
    public TextCleaner(DicomDataset original) => _phi = new Lazy<Regex?>(() => Build(original));

    private static Regex? Build(DicomDataset original)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in PhiSources)
        {
            if (!original.TryGetString(tag, out var value)) continue;
            foreach (var w in value.Split(['^', '=', '\\', ' ', ',', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (w.Length >= 2) words.Add(w);
            }
            var whole = value.Trim();
            if (whole.Length >= 2) words.Add(whole);
        }
        if (words.Count == 0) return null;
        var alternatives = string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));
        return new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The cleaned text.</summary>
    public string Clean(string text)
    {
        var t = _phi.Value is { } phi ? phi.Replace(text, "") : text;
        t = DateLike().Replace(t, "");
        t = Spaces().Replace(t, " ").Trim();
        return t.Any(char.IsLetterOrDigit) ? t : "";
    }

    [GeneratedRegex(@"(?<!\d)(?:(?:19|20)\d{6}|\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
