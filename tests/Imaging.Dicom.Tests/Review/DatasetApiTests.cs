namespace Imaging.Dicom.Tests.Review;

/// <summary>Data set API behaviour a fo-dicom user relies on.</summary>
public sealed class DatasetApiTests
{
    /// <summary>Bug: GetValue&lt;DicomUid&gt; threw for every UID not in the registry, i.e. every instance UID (fo-dicom returns an unknown-type UID).</summary>
    [Fact]
    public void GetValue_UnregisteredUidAsDicomUid_ReturnsUnknownUid()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, "1.2.3.4.5");
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");

        var instance = ds.GetValue<DicomUid>(DicomTag.SOPInstanceUID);
        var sopClass = ds.GetValue<DicomUid>(DicomTag.SOPClassUID);

        Assert.Equal("1.2.3.4.5", instance.Value);
        Assert.Equal(DicomUidType.Unknown, instance.Type);
        Assert.Equal(DicomUidType.SOPClass, sopClass.Type);
        Assert.True(ds.TryGetValue(DicomTag.SOPInstanceUID, 0, out DicomUid? viaTry));
        Assert.Equal(instance, viaTry);
    }

    [Fact]
    public void GetValue_EmptyUidValueAsDicomUid_ThrowsDicomException()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomVR.UI, DicomTag.ReferencedSOPClassUIDInFile, "1.2.3", "");

        Assert.Throws<DicomException>(() => ds.GetValue<DicomUid>(DicomTag.ReferencedSOPClassUIDInFile, 1));
    }

    /// <summary>Bug: AddOrUpdate documents DicomException for values that do not fit the VR but leaked FormatException and OverflowException for binary VRs.</summary>
    [Theory]
    [InlineData("abc")]
    [InlineData("70000")]
    public void AddOrUpdate_TextThatDoesNotFitBinaryVR_ThrowsDicomException(string value)
    {
        var ds = new DicomDataset();

        Assert.Throws<DicomException>(() => ds.AddOrUpdate(DicomTag.Rows, value));
        Assert.False(ds.Contains(DicomTag.Rows));
    }

    [Fact]
    public void AddOrUpdate_NumberOutOfRangeForBinaryVR_ThrowsDicomException()
    {
        var ds = new DicomDataset();

        Assert.Throws<DicomException>(() => ds.AddOrUpdate(DicomTag.Rows, 70000));
        Assert.Throws<DicomException>(() => ds.AddOrUpdate(DicomVR.US, DicomTag.Columns, -1));
        Assert.Throws<DicomException>(() => ds.AddOrUpdate(DicomVR.UL, DicomTag.SimpleFrameList, new object()));
    }

    [Fact]
    public void AddOrUpdate_TextThatIsNotATagForAT_ThrowsDicomException()
    {
        var ds = new DicomDataset();

        Assert.Throws<DicomException>(() => ds.AddOrUpdate(DicomVR.AT, DicomTag.FrameIncrementPointer, "not a tag"));
    }
}
