using Imaging.Dicom;
using Imaging.Plugins.Anonymizer;
using static Imaging.Plugins.Tests.Anonymizer.AnonymizerTestData;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>Action U keeps references intact: the same UID maps to the same replacement within and across data sets and runs.</summary>
public sealed class UidConsistencyTests
{
    private static readonly DicomTag ReferencedSeriesSequence = new(0x0008, 0x1115);
    private static readonly DicomTag ReferencedInstanceSequence = new(0x0008, 0x114A);

    /// <summary>A SEG-like instance referencing <paramref name="referencedSop"/> in series <paramref name="referencedSeries"/>.</summary>
    private static DicomDataset Referencing(string referencedSop, string referencedSeries)
    {
        var ds = Ct("1.2.826.0.1.3680043.2.1125.7.2");
        ds.AddOrUpdate(DicomVR.UI, DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.66.4"); // Segmentation Storage
        var instance = new DicomDataset();
        instance.AddOrUpdate(DicomVR.UI, DicomTag.ReferencedSOPClassUID, CtImageStorage);
        instance.AddOrUpdate(DicomVR.UI, DicomTag.ReferencedSOPInstanceUID, referencedSop);
        var series = new DicomDataset();
        series.AddOrUpdate(DicomVR.UI, DicomTag.SeriesInstanceUID, referencedSeries);
        series.AddOrUpdate(new DicomSequence(ReferencedInstanceSequence, instance));
        ds.AddOrUpdate(new DicomSequence(ReferencedSeriesSequence, series));
        return ds;
    }

    [Fact]
    public async Task AnonymizeAsync_ReferencingInstanceInSeparateRun_ReferenceResolvesToNewSopInstanceUid()
    {
        var referenced = Ct();
        var referencing = Referencing(referenced.GetString(DicomTag.SOPInstanceUID), referenced.GetString(DicomTag.SeriesInstanceUID));
        var a = await RunAsync(referenced, Request(), new Ps315Anonymizer());
        var b = await RunAsync(referencing, Request(), new Ps315Anonymizer()); // another instance: another "run"
        var series = b.GetSequence(ReferencedSeriesSequence)[0];
        Assert.Equal(a.GetString(DicomTag.SeriesInstanceUID), series.GetString(DicomTag.SeriesInstanceUID));
        Assert.Equal(a.GetString(DicomTag.SOPInstanceUID), series.GetSequence(ReferencedInstanceSequence)[0].GetString(DicomTag.ReferencedSOPInstanceUID));
        Assert.NotEqual(referenced.GetString(DicomTag.SOPInstanceUID), a.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal(CtImageStorage, series.GetSequence(ReferencedInstanceSequence)[0].GetString(DicomTag.ReferencedSOPClassUID));
        Assert.Equal(a.GetString(DicomTag.StudyInstanceUID), b.GetString(DicomTag.StudyInstanceUID));
    }

    [Fact]
    public async Task AnonymizeAsync_SameUidTwiceInOneDataset_SameReplacement()
    {
        var ds = Ct();
        var sop = ds.GetString(DicomTag.SOPInstanceUID);
        var item = new DicomDataset();
        item.AddOrUpdate(DicomVR.UI, DicomTag.ReferencedSOPClassUID, CtImageStorage);
        item.AddOrUpdate(DicomVR.UI, DicomTag.ReferencedSOPInstanceUID, sop);
        ds.AddOrUpdate(new DicomSequence(new DicomTag(0x0008, 0x2112), item)); // Source Image Sequence: X/Z/U*
        var output = await RunAsync(ds, Request());
        var replaced = output.GetString(DicomTag.SOPInstanceUID);
        Assert.Equal(RowCase.ExpectedUid(sop), replaced);
        Assert.Equal(replaced, output.GetSequence(new DicomTag(0x0008, 0x2112))[0].GetString(DicomTag.ReferencedSOPInstanceUID));
    }

    [Fact]
    public async Task AnonymizeAsync_SameSecretTwoDatasets_SameReplacements()
    {
        var a = await RunAsync(Ct(), Request());
        var b = await RunAsync(Ct(), Request());
        foreach (var tag in new[] { DicomTag.SOPInstanceUID, DicomTag.StudyInstanceUID, DicomTag.SeriesInstanceUID, DicomTag.FrameOfReferenceUID })
            Assert.Equal(a.GetString(tag), b.GetString(tag));
    }

    [Fact]
    public async Task AnonymizeAsync_DifferentSecret_DifferentReplacements()
    {
        var a = await RunAsync(Ct(), Request());
        var b = await RunAsync(Ct(), Request(secret: "ffeeddccbbaa99887766554433221100"));
        Assert.NotEqual(a.GetString(DicomTag.SOPInstanceUID), b.GetString(DicomTag.SOPInstanceUID));
        Assert.NotEqual(a.GetString(DicomTag.PatientID), b.GetString(DicomTag.PatientID));
    }

    [Fact]
    public async Task AnonymizeAsync_Base64Secret_SameAsHexOfSameBytes()
    {
        var base64 = Convert.ToBase64String(Convert.FromHexString(RowCase.SecretHex));
        var a = await RunAsync(Ct(), Request());
        var b = await RunAsync(Ct(), Request(secret: base64));
        Assert.Equal(a.GetString(DicomTag.SOPInstanceUID), b.GetString(DicomTag.SOPInstanceUID));
    }

    [Fact]
    public async Task AnonymizeAsync_NoSecret_ConsistentWithinInstanceOnly()
    {
        var one = new Ps315Anonymizer();
        var a = await RunAsync(Ct(), Request(secret: ""), one);
        var b = await RunAsync(Ct(), Request(secret: ""), one);
        var c = await RunAsync(Ct(), Request(secret: ""), new Ps315Anonymizer());
        Assert.Equal(a.GetString(DicomTag.SOPInstanceUID), b.GetString(DicomTag.SOPInstanceUID));
        Assert.NotEqual(a.GetString(DicomTag.SOPInstanceUID), c.GetString(DicomTag.SOPInstanceUID));
    }

    [Fact]
    public async Task AnonymizeAsync_ReplacedUid_IsValidUuidDerivedUid()
    {
        var output = await RunAsync(Ct(), Request());
        var uid = output.GetString(DicomTag.SOPInstanceUID);
        Assert.StartsWith("2.25.", uid);
        Assert.True(uid.Length <= 64);
        Assert.True(DicomUid.IsValid(uid));
    }

    [Fact]
    public async Task AnonymizeAsync_RetainUids_KeepsUids()
    {
        var input = Ct();
        var output = await RunAsync(input, Request(options: ["retain-uids"]));
        Assert.Equal(input.GetString(DicomTag.SOPInstanceUID), output.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal(input.GetString(DicomTag.StudyInstanceUID), output.GetString(DicomTag.StudyInstanceUID));
    }
}
