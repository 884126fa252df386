namespace Imaging.Dicom;

/// <summary>What a registered UID identifies: the "UID Type" column of PS3.6 Annex A, Table A-1.</summary>
public enum DicomUidType
{
    /// <summary>Not in the registry: an instance, study or series UID, or one we do not know.</summary>
    Unknown,

    /// <summary>A SOP Class (PS3.4).</summary>
    SOPClass,

    /// <summary>A Meta SOP Class (PS3.4).</summary>
    MetaSOPClass,

    /// <summary>A Transfer Syntax (PS3.5 §10).</summary>
    TransferSyntax,

    /// <summary>A Service Class (PS3.4).</summary>
    ServiceClass,

    /// <summary>A well-known SOP Instance, e.g. a printer or storage commitment push model instance.</summary>
    WellKnownSOPInstance,

    /// <summary>A well-known Frame of Reference (PS3.3 §C.7.4.1), e.g. a standard atlas.</summary>
    WellKnownFrameOfReference,

    /// <summary>The DICOM Application Context Name (PS3.7 Annex A).</summary>
    ApplicationContextName,

    /// <summary>A coding scheme (PS3.16).</summary>
    CodingScheme,

    /// <summary>Registered, but of a type not listed here (LDAP OID, mapping resource, ...).</summary>
    Other,
}
