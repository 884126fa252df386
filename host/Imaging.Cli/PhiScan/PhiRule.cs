namespace Imaging.Cli.PhiScan;

/// <summary>
/// The rules of `imaging phi-scan` (the residual-PHI report of issue 7, checking output of the PS3.15 Annex E
/// profiles). Each finding names one rule; the exact definitions are in docs of <see cref="DatasetInspector"/> and
/// <see cref="SourceIdentifiers"/>. Severity: "high" = an identifier is (or may be) present, "medium" = content that
/// needs a human look, "low" = a marker the de-identification should have set.
/// </summary>
internal static class PhiRule
{
    /// <summary>A value equal to (or containing) an identifier read from the original files given with --source.</summary>
    public const string SourceMatch = "source-match";

    /// <summary>A person name (VR PN, PS3.5 §6.2.1) with content.</summary>
    public const string PersonName = "person-name";

    /// <summary>A date (VR DA or DT) outside --date-range.</summary>
    public const string DateOutOfRange = "date-out-of-range";

    /// <summary>A non-empty descriptor that the Clean Descriptors Option lists (PS3.15 Table E.1-1) and the Basic Profile removes.</summary>
    public const string FreeText = "free-text";

    /// <summary>A non-empty direct identifier that the Basic Profile removes or empties (X or Z in PS3.15 Table E.1-1).</summary>
    public const string Identifier = "identifier";

    /// <summary>A private data element (odd group, PS3.5 §7.8).</summary>
    public const string PrivateTag = "private-tag";

    /// <summary>Patient Identity Removed (0012,0062) absent or not YES (PS3.3 C.7.1.1).</summary>
    public const string IdentityNotRemoved = "identity-not-removed";

    /// <summary>Burned In Annotation (0028,0301) = YES (PS3.3 C.7.6.1.1.4): the pixels hold text.</summary>
    public const string BurnedInAnnotation = "burned-in-annotation";

    /// <summary>Overlay Data (60xx,3000) present (PS3.3 C.9.2): overlays may carry burned-in text.</summary>
    public const string Overlay = "overlay";

    /// <summary>A file that could not be read as DICOM (or ends early): it cannot be shown to be clean.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The severity of a rule: high, medium or low.</summary>
    public static string Severity(string rule) => rule switch
    {
        SourceMatch or PersonName or Identifier or BurnedInAnnotation or Unreadable => "high",
        FreeText or PrivateTag or Overlay or DateOutOfRange => "medium",
        _ => "low",
    };
}
