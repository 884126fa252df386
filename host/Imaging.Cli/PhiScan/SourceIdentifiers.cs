using System.Text;
using Imaging.Dicom;

namespace Imaging.Cli.PhiScan;

/// <summary>
/// The identifiers read from the original files (--source), and the rule "source-match" that looks for them in the
/// scanned files. Collected from each original's top-level data set: Patient's Name (the whole name, and each family,
/// given and middle name component of every component group, PS3.5 §6.2.1.1), Patient ID, Other Patient IDs (and the
/// Patient ID of each Other Patient IDs Sequence item), Accession Number, Institution Name, Referring Physician's Name
/// (whole and components), Study/Series/SOP Instance UIDs, and the dates Patient's Birth Date, Study/Series/
/// Acquisition/Content Date and the date part of Acquisition DateTime.
/// <para>
/// A scanned value matches when (case-insensitive, values trimmed, multi-values taken one by one):
/// it <b>equals</b> an identifier (any string VR); or, in a text VR (AE, LO, LT, PN, SH, ST, UC, UR, UT, and UN read
/// as Latin-1), it <b>contains</b> a name/ID identifier of 3 characters or more, contains an original date as a run of 8
/// digits, or contains an original UID as a token of digits and dots; or, in a UI value, it is <b>derived</b> from an
/// original UID (starts with the original UID followed by '.'). Name components shorter than 3 characters, and name
/// prefixes/suffixes, are not used (they would match everything).
/// </para>
/// </summary>
internal sealed class SourceIdentifiers
{
    /// <summary>Identifiers shorter than this are only matched by equality, never by containment.</summary>
    public const int MinContainedLength = 3;

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _contained = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _uids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dates = new(StringComparer.Ordinal);

    /// <summary>How many distinct identifiers were collected.</summary>
    public int Count => _exact.Count + _uids.Count + _dates.Count;

    /// <summary>Files under --source that could not be read (they are warned about, not scanned).</summary>
    public List<string> Unreadable { get; } = [];

    /// <summary>Adds the identifiers of one original data set (call from one thread at a time).</summary>
    public void Add(DicomDataset ds)
    {
        AddName(ds, DicomTag.PatientName, "PatientName");
        AddName(ds, DicomTag.ReferringPhysicianName, "ReferringPhysicianName");
        AddText(ds, DicomTag.PatientID, "PatientID");
        AddText(ds, DicomTag.OtherPatientIDs, "OtherPatientIDs");
        if (ds.TryGetSequence(DicomTag.OtherPatientIDsSequence, out var others))
        {
            foreach (var item in others!) AddText(item, DicomTag.PatientID, "OtherPatientIDs");
        }
        AddText(ds, DicomTag.AccessionNumber, "AccessionNumber");
        AddText(ds, DicomTag.InstitutionName, "InstitutionName");
        AddUid(ds, DicomTag.StudyInstanceUID, "StudyInstanceUID");
        AddUid(ds, DicomTag.SeriesInstanceUID, "SeriesInstanceUID");
        AddUid(ds, DicomTag.SOPInstanceUID, "SOPInstanceUID");
        AddDate(ds, DicomTag.PatientBirthDate, "PatientBirthDate");
        AddDate(ds, DicomTag.StudyDate, "StudyDate");
        AddDate(ds, DicomTag.SeriesDate, "SeriesDate");
        AddDate(ds, DicomTag.AcquisitionDate, "AcquisitionDate");
        AddDate(ds, DicomTag.ContentDate, "ContentDate");
        AddDate(ds, DicomTag.AcquisitionDateTime, "AcquisitionDateTime");
    }

    /// <summary>
    /// Why <paramref name="value"/> (of an element with <paramref name="vr"/>) matches an original identifier — e.g.
    /// "equals original PatientName" — or null when it does not. The reason names the kind, never the value.
    /// </summary>
    public string? Match(string value, DicomVR vr)
    {
        bool isText = IsTextVR(vr);
        foreach (var raw in value.Split('\\'))
        {
            var single = Normalize(raw);
            if (single.Length == 0) continue;
            // Short values ("1") and numbers (IS/DS counters) equal to an original short ID are coincidences, not PHI.
            bool exactApplies = single.Length >= MinContainedLength && vr != DicomVR.IS && vr != DicomVR.DS;
            if ((exactApplies && _exact.TryGetValue(single, out var label)) || _uids.TryGetValue(single, out label)) return $"equals original {label}";
            if ((vr == DicomVR.DA || vr == DicomVR.DT) && single.Length >= 8 && _dates.TryGetValue(single[..8], out label)) return $"equals original {label}";
            if (vr == DicomVR.UI && DerivedUid(single) is { } derived) return $"derived from original {derived}";
        }
        if (!isText) return null;
        var upper = value.ToUpperInvariant();
        foreach (var (id, label) in _contained)
        {
            if (upper.Contains(id, StringComparison.Ordinal)) return $"contains original {label}";
        }
        return DigitTokens(upper);
    }

    /// <summary>The text VRs in which identifiers are looked for inside longer values (PS3.5 §6.2).</summary>
    public static bool IsTextVR(DicomVR vr) =>
        vr == DicomVR.AE || vr == DicomVR.LO || vr == DicomVR.LT || vr == DicomVR.PN || vr == DicomVR.SH || vr == DicomVR.ST
        || vr == DicomVR.UC || vr == DicomVR.UR || vr == DicomVR.UT || vr == DicomVR.UN;

    private string? DigitTokens(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            var token = text[start..i].TrimEnd('.');
            if (_uids.TryGetValue(token, out var label)) return $"contains original {label}";
            if (DerivedUid(token) is { } derived) return $"contains a UID derived from original {derived}";
            // Dates: every run of 8 digits inside the token (a DT, a date written without separators).
            for (int s = 0; s + 8 <= token.Length; s++)
            {
                if (_dates.TryGetValue(token.Substring(s, 8), out label)) return $"contains original {label}";
            }
        }
        return null;
    }

    private string? DerivedUid(string uid)
    {
        for (int dot = uid.LastIndexOf('.'); dot > 0; dot = uid.LastIndexOf('.', dot - 1))
        {
            if (_uids.TryGetValue(uid[..dot], out var label)) return label;
        }
        return null;
    }

    private static string Normalize(string value) => value.Trim().TrimEnd('^', '=', ' ').ToUpperInvariant();

    private void AddText(DicomDataset ds, DicomTag tag, string label)
    {
        if (!TryGetString(ds, tag, out var value)) return;
        foreach (var single in value.Split('\\')) AddTextValue(single, label);
    }

    private void AddTextValue(string value, string label)
    {
        var v = Normalize(value);
        if (v.Length == 0) return;
        _exact.TryAdd(v, label);
        if (v.Length >= MinContainedLength) _contained.TryAdd(v, label);
    }

    private void AddName(DicomDataset ds, DicomTag tag, string label)
    {
        if (!TryGetString(ds, tag, out var value)) return;
        foreach (var single in value.Split('\\'))
        {
            AddTextValue(single, label);
            // The component groups (alphabetic=ideographic=phonetic) and their family, given and middle names.
            foreach (var group in single.Split('='))
            {
                AddTextValue(group, label);
                var parts = group.Split('^');
                for (int i = 0; i < Math.Min(parts.Length, 3); i++)
                {
                    var part = Normalize(parts[i]);
                    if (part.Length >= MinContainedLength) AddTextValue(part, $"{label} component");
                }
            }
        }
    }

    private void AddUid(DicomDataset ds, DicomTag tag, string label)
    {
        if (TryGetString(ds, tag, out var value) && value.Trim().TrimEnd('\0') is { Length: > 0 } uid) _uids.TryAdd(uid, label);
    }

    private void AddDate(DicomDataset ds, DicomTag tag, string label)
    {
        if (!TryGetString(ds, tag, out var value)) return;
        foreach (var single in value.Split('\\'))
        {
            var v = single.Trim();
            if (v.Length >= 8 && v[..8].All(char.IsAsciiDigit)) _dates.TryAdd(v[..8], label);
        }
    }

    private static bool TryGetString(DicomDataset ds, DicomTag tag, out string value)
    {
        value = "";
        try
        {
            if (!ds.TryGetString(tag, out var s) || s is null) return false;
            value = s;
            return value.Trim().Length > 0;
        }
        catch (DicomException)
        {
            return false;
        }
    }

    /// <summary>Reads a UN value as Latin-1 text (so identifiers in unknown private elements are found too).</summary>
    public static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
