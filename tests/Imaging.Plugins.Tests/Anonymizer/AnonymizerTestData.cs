using Imaging.Dicom;
using Imaging.Plugins.Anonymizer;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>Small data sets and requests for the anonymizer's behaviour tests.</summary>
public static class AnonymizerTestData
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>A CT header of one patient and study.</summary>
    public static DicomDataset Ct(string sopInstanceUid = "1.2.826.0.1.3680043.2.1125.7.1", string patientId = "PID12345", string name = "SECRETNAME^JOHN")
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomVR.UI, DicomTag.SOPClassUID, CtImageStorage);
        ds.AddOrUpdate(DicomVR.UI, DicomTag.SOPInstanceUID, sopInstanceUid);
        ds.AddOrUpdate(DicomVR.UI, DicomTag.StudyInstanceUID, "1.2.826.0.1.3680043.2.1125.7.100");
        ds.AddOrUpdate(DicomVR.UI, DicomTag.SeriesInstanceUID, "1.2.826.0.1.3680043.2.1125.7.200");
        ds.AddOrUpdate(DicomVR.UI, DicomTag.FrameOfReferenceUID, "1.2.826.0.1.3680043.2.1125.7.300");
        ds.AddOrUpdate(DicomVR.CS, DicomTag.Modality, "CT");
        ds.AddOrUpdate(DicomVR.PN, DicomTag.PatientName, name);
        ds.AddOrUpdate(DicomVR.LO, DicomTag.PatientID, patientId);
        ds.AddOrUpdate(DicomVR.DA, DicomTag.StudyDate, "20210315");
        ds.AddOrUpdate(DicomVR.DA, new DicomTag(0x0008, 0x0022), "20210317"); // Acquisition Date
        ds.AddOrUpdate(DicomVR.TM, DicomTag.StudyTime, "101112");
        ds.AddOrUpdate(DicomVR.LO, DicomTag.StudyDescription, "CT HEAD SECRETNAME 20210315");
        return ds;
    }

    /// <summary>A request of the basic profile with a secret and options.</summary>
    public static AnonymizationRequest Request(string secret = RowCase.SecretHex, string[]? options = null, Dictionary<string, string>? settings = null)
    {
        var s = settings ?? [];
        if (secret.Length > 0) s["secret"] = secret;
        return new AnonymizationRequest("basic") { Options = options ?? [], Settings = s };
    }

    /// <summary>Anonymizes with a fresh anonymizer.</summary>
    public static async Task<DicomDataset> RunAsync(DicomDataset ds, AnonymizationRequest request, Ps315Anonymizer? anonymizer = null) =>
        (await (anonymizer ?? new Ps315Anonymizer()).AnonymizeAsync(ds, request)).Dataset;
}
