using Imaging.Dicom;

namespace Imaging.Cli.PhiScan;

/// <summary>
/// Applies the element rules to one file: every element of the File Meta Information (source-match only) and of the
/// data set, recursively into every sequence item. The rules, exactly:
/// <list type="bullet">
/// <item>private-tag: a data element in an odd group (PS3.5 §7.8), at any depth; Private Creator elements
/// (gggg,0010-00FF) and group lengths are not reported on their own.</item>
/// <item>person-name: a PN element whose value has content once the component separators '^' and '=' are removed.
/// Exception (what de-identification sets): the top-level Patient's Name when it equals the top-level Patient ID
/// (case-insensitive, trailing separators ignored), the usual pseudonym convention.</item>
/// <item>date-out-of-range: with --date-range, a DA or DT value not inside the window (<see cref="DateWindow"/>).</item>
/// <item>free-text: a non-empty element among <see cref="PhiAttributes.FreeText"/>.</item>
/// <item>identifier: a non-empty element (a sequence with items) among <see cref="PhiAttributes.Identifiers"/>.</item>
/// <item>overlay: Overlay Data (60xx,3000), even group 6000-601E, with a value.</item>
/// <item>source-match: with --source, see <see cref="SourceIdentifiers"/>.</item>
/// <item>identity-not-removed: the top-level Patient Identity Removed (0012,0062) absent or not YES (not checked on a
/// DICOMDIR, which has no such attribute).</item>
/// <item>burned-in-annotation: the top-level Burned In Annotation (0028,0301) is YES.</item>
/// </list>
/// An element may break several rules; each gives its own finding.
/// </summary>
internal sealed class DatasetInspector(SourceIdentifiers? source, DateWindow? dates)
{
    /// <summary>UN values up to this length are read as Latin-1 for source-match; longer ones are not.</summary>
    private const int MaxUnknownTextLength = 64 * 1024;

    private const string MediaStorageDirectory = "1.2.840.10008.1.3.10";

    /// <summary>Appends the findings for <paramref name="file"/> (shown as <paramref name="relativePath"/>) to <paramref name="findings"/>.</summary>
    public void Inspect(DicomFile file, string relativePath, List<PhiFinding> findings)
    {
        var ds = file.Dataset;
        if (!IsDicomDir(file))
        {
            var removed = Text(ds, DicomTag.PatientIdentityRemoved);
            if (!string.Equals(removed?.Trim(), "YES", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(Finding(relativePath, DicomTag.PatientIdentityRemoved, "", "PatientIdentityRemoved", "CS", PhiRule.IdentityNotRemoved,
                    ValueMask.Text(removed), removed is null ? "absent" : "not YES"));
            }
        }
        if (string.Equals(Text(ds, DicomTag.BurnedInAnnotation)?.Trim(), "YES", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Finding(relativePath, DicomTag.BurnedInAnnotation, "", "BurnedInAnnotation", "CS", PhiRule.BurnedInAnnotation,
                "YES", "the pixel data holds burned-in text"));
        }
        if (source is not null)
        {
            foreach (var item in file.FileMetaInfo)
            {
                if (item is DicomElement e && e.VR.Kind == DicomVRKind.Text && SafeString(e) is { } value && source.Match(value, e.VR) is { } why)
                    findings.Add(Finding(relativePath, e.Tag, "", Keyword(file.FileMetaInfo, e.Tag), e.VR.Code, PhiRule.SourceMatch, ValueMask.Text(value), why));
            }
        }
        var pseudonymName = PseudonymPatientName(ds);
        Walk(ds, "", relativePath, pseudonymName, findings);
    }

    private void Walk(DicomDataset ds, string prefix, string file, bool topLevelNameIsPseudonym, List<PhiFinding> findings)
    {
        bool top = prefix.Length == 0;
        foreach (var item in ds)
        {
            var tag = item.Tag;
            if (tag.IsGroupLength) continue;
            var path = prefix + tag;
            var keyword = Keyword(ds, tag);
            if (tag.IsPrivate && !tag.IsPrivateCreator)
            {
                var creator = ds.GetPrivateCreator(tag);
                findings.Add(Finding(file, tag, path, keyword, item.VR.Code, PhiRule.PrivateTag, MaskedValue(item),
                    creator is null ? "private element without a creator" : $"private creator \"{creator}\""));
            }
            switch (item)
            {
                case DicomSequence sequence:
                    if (sequence.Count > 0 && PhiAttributes.Identifiers.Contains(tag))
                        findings.Add(Finding(file, tag, path, keyword, "SQ", PhiRule.Identifier, $"<{sequence.Count} items>", "removed by the Basic Profile (X)"));
                    for (int i = 0; i < sequence.Count; i++) Walk(sequence[i], $"{path}[{i}]>", file, false, findings);
                    break;
                case DicomElement element:
                    InspectElement(ds, element, path, keyword, file, top && topLevelNameIsPseudonym, findings);
                    break;
            }
        }
    }

    private void InspectElement(DicomDataset ds, DicomElement e, string path, string keyword, string file, bool nameIsPseudonym, List<PhiFinding> findings)
    {
        var tag = e.Tag;
        var vr = e.VR;
        if (IsOverlayData(tag) && e.Length > 0)
            findings.Add(Finding(file, tag, path, keyword, vr.Code, PhiRule.Overlay, ValueMask.Binary(e.Length), "an overlay plane may hold burned-in text"));

        if (vr == DicomVR.UN)
        {
            if (source is not null && e.Length is > 0 and <= MaxUnknownTextLength && e.Buffer.IsLoaded
                && source.Match(SourceIdentifiers.Latin1(e.Buffer.Memory.Span), vr) is { } unknownWhy)
                findings.Add(Finding(file, tag, path, keyword, vr.Code, PhiRule.SourceMatch, ValueMask.Binary(e.Length), unknownWhy));
            return;
        }
        if (vr.Kind != DicomVRKind.Text) return;
        var value = SafeString(e);
        if (value is null || value.Trim().Trim('\0').Length == 0) return;

        if (vr == DicomVR.PN && value.Replace("^", "").Replace("=", "").Replace("\\", "").Trim().Length > 0
            && !(nameIsPseudonym && tag == DicomTag.PatientName) && !IsDeidentificationDummy(value))
            findings.Add(Finding(file, tag, path, keyword, vr.Code, PhiRule.PersonName, ValueMask.Text(value), "a person name with content"));
        if (dates is not null && (vr == DicomVR.DA || vr == DicomVR.DT) && !dates.Contains(value))
            findings.Add(Finding(file, tag, path, keyword, vr.Code, PhiRule.DateOutOfRange, ValueMask.Text(value), $"outside {dates}"));
        if (PhiAttributes.FreeText.Contains(tag))
            findings.Add(Finding(file, tag, path, keyword, vr.Code, PhiRule.FreeText, ValueMask.Text(value), "descriptor removed by the Basic Profile"));
        if (PhiAttributes.Identifiers.Contains(tag))
            findings.Add(Finding(file, tag, path, keyword, vr.Code, PhiRule.Identifier, ValueMask.Text(value), "removed or emptied by the Basic Profile"));
        if (source?.Match(value, vr) is { } why)
            findings.Add(Finding(file, tag, path, keyword, vr.Code, PhiRule.SourceMatch, ValueMask.Text(value), why));
    }

    /// <summary>True when the top-level Patient's Name equals the Patient ID (the pseudonym convention), so it is not PHI.</summary>
    private static bool PseudonymPatientName(DicomDataset ds)
    {
        var name = Text(ds, DicomTag.PatientName)?.Trim().TrimEnd('^', '=', ' ');
        var id = Text(ds, DicomTag.PatientID)?.Trim();
        return !string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(id) && string.Equals(name, id, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOverlayData(DicomTag tag) => (tag.Group & 0xFF01) == 0x6000 && tag.Element == 0x3000;

    private static bool IsDicomDir(DicomFile file) =>
        file.FileMetaInfo.TryGetString(DicomTag.MediaStorageSOPClassUID, out var sopClass) && sopClass?.Trim('\0', ' ') == MediaStorageDirectory
        || file.Dataset.Contains(DicomTag.DirectoryRecordSequence);

    private static string MaskedValue(DicomItem item) => item switch
    {
        DicomSequence s => $"<{s.Count} items>",
        DicomElement e when e.VR.Kind == DicomVRKind.Text => ValueMask.Text(SafeString(e)),
        DicomElement e => ValueMask.Binary(e.Length),
        _ => "",
    };

    private static string Keyword(DicomDataset ds, DicomTag tag)
    {
        var creator = tag.IsPrivate && !tag.IsPrivateCreator ? ds.GetPrivateCreator(tag) : null;
        if (tag.IsPrivate && creator is null) return "";
        return DicomDictionary.Standard.Lookup(tag, creator)?.Keyword ?? "";
    }

    private static string? Text(DicomDataset ds, DicomTag tag)
    {
        try
        {
            return ds.TryGetString(tag, out var value) ? value ?? "" : null;
        }
        catch (DicomException)
        {
            return "";
        }
    }

    private static string? SafeString(DicomElement e)
    {
        try
        {
            return e.GetString();
        }
        catch (Exception ex) when (ex is DicomException or IOException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    private static PhiFinding Finding(string file, DicomTag tag, string path, string keyword, string vr, string rule, string value, string detail) =>
        new(file, tag.ToString(), path.Length == 0 ? tag.ToString() : path, keyword, vr, rule, value, detail);

    /// <summary>The dummy values de-identification writes for action D (PS3.15 E.1-1) — not names, so not findings.</summary>
    private static bool IsDeidentificationDummy(string value) =>
        value.Trim().Trim('^').ToUpperInvariant() is "ANONYMIZED" or "ANONYMOUS" or "REMOVED";
}
