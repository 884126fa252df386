using System.Collections.Frozen;
using Imaging.Dicom;

namespace Imaging.Cli.PhiScan;

/// <summary>
/// The attribute lists behind the rules "free-text" and "identifier", as keywords resolved through the standard data
/// dictionary. Both are taken from PS3.15 Table E.1-1 (shared/dicom-standard/confidentiality_profile_attributes.json);
/// a test checks them against that table, so an edit that drifts from the standard fails the build's tests.
/// </summary>
internal static class PhiAttributes
{
    /// <summary>
    /// Descriptors: the rows marked C in the Clean Descriptors Option column whose VR is LO, LT, SH, ST or UT and whose
    /// Basic Profile action is X, Z or X/Z (so after the Basic Profile they are absent or empty; rows that may keep a dummy
    /// value, D, X/D, Z/D, are left out). A non-empty value is free text that may name the patient.
    /// </summary>
    public static readonly IReadOnlyList<string> FreeTextKeywords =
    [
        "AcquisitionComments", "AcquisitionProtocolDescription", "AdditionalPatientHistory",
        "AdmittingDiagnosesDescription", "Allergies", "AnnotationGroupDescription", "BeamDescription",
        "BolusDescription", "ClinicalTrialSeriesDescription", "ClinicalTrialTimePointDescription",
        "CommentsOnRadiationDose", "CommentsOnThePerformedProcedureStep", "CompensatorDescription",
        "ConceptualVolumeCombinationDescription", "ConceptualVolumeDescription", "ContainerDescription",
        "ContributionDescription", "DecompositionDescription", "DerivationDescription", "DischargeDiagnosisDescription",
        "DisplacementReferenceLabel", "DoseReferenceDescription", "EntityDescription", "EntityName",
        "EquipmentFrameOfReferenceDescription", "FilterLookupTableDescription", "FixationDeviceDescription",
        "FractionGroupDescription", "FractionationNotes", "FrameComments", "IdentifyingComments", "ImageComments",
        "ImagingServiceRequestComments", "Impressions", "InterpretationDiagnosisDescription", "InterpretationText",
        "LabelText", "LongDeviceDescription", "MedicalAlerts", "MultienergyAcquisitionDescription", "Occupation",
        "PatientComments", "PatientSetupPhotoDescription", "PatientState",
        "PatientTreatmentPreparationMethodDescription", "PatientTreatmentPreparationProcedureParameterDescription",
        "PerformedProcedureStepDescription", "PositionAcquisitionTemplateDescription",
        "PositionAcquisitionTemplateName", "PrescriptionDescription", "PrescriptionNotes",
        "PriorTreatmentDoseDescription", "PyramidDescription", "PyramidLabel", "ROIDescription",
        "ROIGenerationDescription", "ROIName", "ROIObservationDescription", "ROIObservationLabel",
        "RTPhysicianIntentNarrative", "RTPlanDescription", "RTPlanName", "RadiationGenerationModeDescription",
        "ReasonForOmissionDescription", "ReasonForStudy", "ReasonForSuperseding", "ReasonForTheImagingServiceRequest",
        "ReasonForTheRequestedProcedure", "ReasonForVisit", "RequestedContrastAgent", "RequestedProcedureComments",
        "RequestedProcedureDescription", "RequestedSeriesDescription",
        "RespiratoryMotionCompensationTechniqueDescription", "ResultsComments", "ScheduledProcedureStepDescription",
        "SeriesDescription", "ServiceEpisodeDescription", "SetupTechniqueDescription", "ShieldingDeviceDescription",
        "SpecimenDetailedDescription", "SpecimenShortDescription", "StructureSetDescription", "StructureSetName",
        "StudyComments", "StudyDescription", "TreatmentSites", "TreatmentTechniqueNotes", "VisitComments",
        "WaveformFilterDescription",
    ];

    /// <summary>
    /// Direct identifiers other than names and UIDs: rows of Table E.1-1 whose Basic Profile action is X or Z (removed or
    /// emptied), so any value left is residual. Patient ID is not here: after de-identification it holds the pseudonym,
    /// and it is reported only when it equals an original (--source).
    /// </summary>
    public static readonly IReadOnlyList<string> IdentifierKeywords =
    [
        "PatientBirthDate", "PatientBirthTime", "OtherPatientIDs", "OtherPatientIDsSequence", "AccessionNumber",
        "MedicalRecordLocator", "PatientAddress", "PatientTelephoneNumbers", "PatientTelecomInformation",
        "IssuerOfPatientID", "MilitaryRank", "BranchOfService", "RegionOfResidence", "CountryOfResidence",
        "PatientInsurancePlanCodeSequence", "PatientReligiousPreference", "InstitutionAddress",
        "InstitutionalDepartmentName", "PersonAddress", "PersonTelephoneNumbers", "PersonTelecomInformation",
        "ReferringPhysicianAddress", "ReferringPhysicianTelephoneNumbers", "AdmissionID", "ResponsibleOrganization",
    ];

    /// <summary>The tags of <see cref="FreeTextKeywords"/>.</summary>
    public static readonly FrozenSet<DicomTag> FreeText = Resolve(FreeTextKeywords);

    /// <summary>The tags of <see cref="IdentifierKeywords"/>.</summary>
    public static readonly FrozenSet<DicomTag> Identifiers = Resolve(IdentifierKeywords);

    private static FrozenSet<DicomTag> Resolve(IEnumerable<string> keywords) =>
        keywords.Select(k => DicomDictionary.Standard.TryGetTag(k, out var tag)
                ? tag
                : throw new InvalidOperationException($"'{k}' is not a keyword of the standard dictionary"))
            .ToFrozenSet();
}
