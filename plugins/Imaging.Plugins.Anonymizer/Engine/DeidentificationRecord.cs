using Imaging.Dicom;
using Imaging.Plugins.Anonymizer.Profile;

namespace Imaging.Plugins.Anonymizer.Engine;

/// <summary>
/// Records what was done (PS3.15 E.1.1, PS3.3 C.7.1.1): Patient Identity Removed (0012,0062) = YES, De-identification
/// Method (0012,0063) naming the profile and options, De-identification Method Code Sequence (0012,0064) with the
/// PS3.16 CID 7050 codes of the profile and each option, and Longitudinal Temporal Information Modified (0028,0303):
/// MODIFIED when dates were shifted, UNMODIFIED when full dates were retained, REMOVED otherwise.
/// </summary>
internal static class DeidentificationRecord
{
    /// <summary>Text of (0012,0063) (LO, one value per applied method, each ≤ 64 characters).</summary>
    public static IReadOnlyList<string> MethodText(IReadOnlyList<ProfileOption> options) =>
        ["PS3.15 E Basic Application Confidentiality Profile", .. options.Select(o => Shorten(o.CodeMeaning))];

    /// <summary>Writes the attributes into the de-identified data set.</summary>
    public static void Write(DicomDataset ds, IReadOnlyList<ProfileOption> options, bool datesShifted)
    {
        ds.AddOrUpdate(DicomVR.CS, DicomTag.PatientIdentityRemoved, "YES");
        ds.AddOrUpdate(DicomVR.LO, DicomTag.DeidentificationMethod, [.. MethodText(options)]);
        var items = new List<DicomDataset> { Code(ProfileOption.BasicCodeValue, ProfileOption.BasicCodeMeaning) };
        items.AddRange(options.Select(o => Code(o.CodeValue, o.CodeMeaning)));
        var seq = new DicomSequence(DicomTag.DeidentificationMethodCodeSequence, items);
        ds.AddOrUpdate(seq);
        bool fullDates = options.Any(o => o.Name == "retain-long-full-dates");
        ds.AddOrUpdate(DicomVR.CS, DicomTag.LongitudinalTemporalInformationModified, datesShifted ? "MODIFIED" : fullDates ? "UNMODIFIED" : "REMOVED");
    }

    private static DicomDataset Code(string value, string meaning)
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomVR.SH, DicomTag.CodeValue, value);
        item.AddOrUpdate(DicomVR.SH, DicomTag.CodingSchemeDesignator, "DCM");
        item.AddOrUpdate(DicomVR.LO, DicomTag.CodeMeaning, meaning);
        return item;
    }

    private static string Shorten(string meaning) => meaning.Length <= 64 ? meaning : meaning[..64];
}
