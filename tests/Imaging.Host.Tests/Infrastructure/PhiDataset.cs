using Imaging.Dicom;
using Imaging.Sdk.Testing;

namespace Imaging.Host.Tests.Infrastructure;

/// <summary>A small synthetic CT slice carrying PHI that the policy must remove: patient identity, a private element, study UIDs.</summary>
internal static class PhiDataset
{
    public const string PatientName = "DOE^JANE";
    public const string PatientId = "PHI-12345";
    public const string PrivateCreator = "ACME HOST TESTS";
    public const string PrivateValue = "private note about the patient";

    /// <summary>(0009,0010): the private creator of block 0x10 in group 9.</summary>
    public static readonly DicomTag PrivateCreatorTag = new(0x0009, 0x0010);

    /// <summary>(0009,1001): a private element of that block.</summary>
    public static readonly DicomTag PrivateTag = new(0x0009, 0x1001);

    /// <summary>A new copy each call (one 8×8 CT slice of <see cref="SyntheticStudy"/> plus the private block).</summary>
    public static DicomDataset Create()
    {
        var slice = SyntheticStudy.Series("CT", new SyntheticStudyOptions { CtSlices = 1, MrSlices = 0, Size = 8, PatientName = PatientName, PatientId = PatientId })[0].Clone();
        slice.AddOrUpdate(DicomVR.LO, PrivateCreatorTag, PrivateCreator);
        slice.AddOrUpdate(DicomVR.LO, PrivateTag, PrivateValue);
        return slice;
    }
}
