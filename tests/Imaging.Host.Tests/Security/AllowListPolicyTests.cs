using Imaging.Dicom;
using Imaging.Host.Security;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk;

namespace Imaging.Host.Tests.Security;

/// <summary>The host's built-in de-identification policy, used directly (PS3.15 E.1.1 markers, allow-list, UID replacement).</summary>
public sealed class AllowListPolicyTests
{
    private static readonly DicomTag NestedPrivateCreator = new(0x0011, 0x0010);
    private static readonly DicomTag NestedPrivate = new(0x0011, 0x1001);

    [Fact]
    public void Apply_PrivateElements_Removed()
    {
        var policy = new AllowListPolicy(TestHost.Secret);

        var result = policy.Apply(PhiDataset.Create());

        Assert.False(result.Contains(PhiDataset.PrivateCreatorTag));
        Assert.False(result.Contains(PhiDataset.PrivateTag));
        Assert.DoesNotContain(result, item => item.Tag.IsPrivate);
    }

    [Fact]
    public void Apply_IdentityAttributes_EmptiedOrRemovedAndMarked()
    {
        var policy = new AllowListPolicy(TestHost.Secret);

        var result = policy.Apply(PhiDataset.Create());

        Assert.Equal("", result.GetString(DicomTag.PatientName));
        Assert.Equal("", result.GetString(DicomTag.PatientID));
        Assert.False(result.Contains(DicomTag.PatientBirthDate));
        Assert.False(result.Contains(DicomTag.StudyDate));
        Assert.False(result.Contains(DicomTag.AccessionNumber));
        Assert.False(result.Contains(DicomTag.ReferringPhysicianName));
        Assert.Equal("YES", result.GetString(DicomTag.PatientIdentityRemoved));
        Assert.Equal(policy.Name, result.GetString(DicomTag.DeidentificationMethod));
    }

    [Fact]
    public void Apply_AllowedSequence_KeepsOnlyAllowedAttributesInItsItems()
    {
        var input = PhiDataset.Create();
        var measures = new DicomDataset();
        measures.AddOrUpdate(DicomTag.PixelSpacing, 0.5, 0.5);
        var group = new DicomDataset();
        group.AddOrUpdate(DicomVR.SQ, DicomTag.PixelMeasuresSequence, measures);
        group.AddOrUpdate(DicomTag.InstitutionName, "General Hospital");
        group.AddOrUpdate(DicomVR.LO, NestedPrivateCreator, "ACME");
        group.AddOrUpdate(DicomVR.LO, NestedPrivate, "nested secret");
        input.AddOrUpdate(DicomVR.SQ, DicomTag.SharedFunctionalGroupsSequence, group);

        var result = new AllowListPolicy(TestHost.Secret).Apply(input);

        var item = Assert.Single(result.GetSequence(DicomTag.SharedFunctionalGroupsSequence));
        Assert.Equal([DicomTag.PixelMeasuresSequence], item.Select(i => i.Tag));
        var kept = Assert.Single(item.GetSequence(DicomTag.PixelMeasuresSequence));
        Assert.Equal([0.5, 0.5], kept.GetValues<double>(DicomTag.PixelSpacing));
    }

    [Fact]
    public void Apply_UnknownSequence_Removed()
    {
        var input = PhiDataset.Create();
        var other = new DicomDataset();
        other.AddOrUpdate(DicomTag.PatientID, "OTHER-ID-1");
        input.AddOrUpdate(DicomVR.SQ, DicomTag.OtherPatientIDsSequence, other);

        var result = new AllowListPolicy(TestHost.Secret).Apply(input);

        Assert.False(result.Contains(DicomTag.OtherPatientIDsSequence));
    }

    [Fact]
    public void Apply_BurnedInAnnotationYes_Refused()
    {
        var input = PhiDataset.Create();
        input.AddOrUpdate(DicomVR.CS, DicomTag.BurnedInAnnotation, "YES");

        var error = Assert.Throws<ImagingPluginException>(() => new AllowListPolicy(TestHost.Secret).Apply(input));

        Assert.Contains("(0028,0301)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'phi'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_BurnedInAnnotationNo_Kept()
    {
        var input = PhiDataset.Create();
        input.AddOrUpdate(DicomVR.CS, DicomTag.BurnedInAnnotation, "NO");

        var result = new AllowListPolicy(TestHost.Secret).Apply(input);

        Assert.Equal("NO", result.GetString(DicomTag.BurnedInAnnotation));
    }

    [Fact]
    public void Apply_Input_NotModified()
    {
        var input = PhiDataset.Create();
        var before = input.Select(i => i.Tag).ToList();
        var uid = input.GetString(DicomTag.SOPInstanceUID);

        var result = new AllowListPolicy(TestHost.Secret).Apply(input);

        Assert.Equal(before, input.Select(i => i.Tag));
        Assert.Equal(uid, input.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal(PhiDataset.PatientName, input.GetString(DicomTag.PatientName));
        Assert.NotSame(input, result);
    }

    [Fact]
    public void Replace_Secret_DeterminesTheReplacementUid()
    {
        const string uid = "1.2.826.0.1.3680043.8.498.12345";
        var a = new AllowListPolicy(TestHost.Secret);
        var b = new AllowListPolicy(TestHost.Secret);
        var c = new AllowListPolicy("another secret"u8.ToArray());

        Assert.Equal(a.Replace(uid), b.Replace(uid));
        Assert.NotEqual(a.Replace(uid), c.Replace(uid));
        Assert.NotEqual(a.Replace(uid), a.Replace(uid + "1"));
        Assert.Matches("^2\\.25\\.(0|[1-9][0-9]*)$", a.Replace(uid));
        Assert.True(a.Replace(uid).Length <= 64);
    }

    [Fact]
    public void Apply_NoSecret_UidsDifferPerPolicyInstance()
    {
        var input = PhiDataset.Create();

        var first = new AllowListPolicy().Apply(input);
        var second = new AllowListPolicy().Apply(input);

        Assert.NotEqual(first.GetString(DicomTag.SOPInstanceUID), second.GetString(DicomTag.SOPInstanceUID));
    }
}
