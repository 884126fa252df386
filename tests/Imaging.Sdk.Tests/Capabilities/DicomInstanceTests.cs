using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing;

namespace Imaging.Sdk.Tests.Capabilities;

public sealed class DicomInstanceTests
{
    [Theory]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("1.2.840.10008.1.2")]
    public void ToFile_SavedAndReopened_KeepsDatasetAndTransferSyntax(string syntaxUid)
    {
        var dataset = SyntheticStudy.Series("CT", new SyntheticStudyOptions { CtSlices = 1, MrSlices = 0, Size = 16 })[0];
        var syntax = DicomTransferSyntax.Lookup(syntaxUid);
        var instance = new DicomInstance(dataset, syntax, "/somewhere/x.dcm");

        using var stream = new MemoryStream();
        instance.ToFile().Save(stream);
        stream.Position = 0;
        var reopened = DicomFile.Open(stream);

        Assert.Equal(syntaxUid, reopened.TransferSyntax.Uid);
        Assert.Equal(syntaxUid, reopened.FileMetaInfo.GetString(DicomTag.TransferSyntaxUID));
        Assert.Equal(instance.SopInstanceUid, reopened.FileMetaInfo.GetString(DicomTag.MediaStorageSOPInstanceUID));
        Assert.Equal(dataset.GetString(DicomTag.PatientName), reopened.Dataset.GetString(DicomTag.PatientName));
        Assert.Equal(dataset.GetString(DicomTag.SOPInstanceUID), reopened.Dataset.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal(dataset.GetValues<double>(DicomTag.ImagePositionPatient), reopened.Dataset.GetValues<double>(DicomTag.ImagePositionPatient));
        Assert.True(reopened.Dataset.TryGetElement(DicomTag.PixelData, out var pixels));
        Assert.True(dataset.TryGetElement(DicomTag.PixelData, out var original));
        Assert.Equal(original.Buffer.Memory.ToArray(), pixels.Buffer.Memory.ToArray());
    }

    [Fact]
    public void ToFile_Dataset_IsTheSameObject()
    {
        var instance = new DicomInstance(new DicomDataset());

        Assert.Same(instance.Dataset, instance.ToFile().Dataset);
    }

    [Fact]
    public void Constructor_NoTransferSyntax_DefaultsToExplicitLittleEndian()
    {
        var instance = new DicomInstance(new DicomDataset());

        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, instance.TransferSyntax.Uid);
        Assert.Null(instance.Location);
    }

    [Fact]
    public void Constructor_NullDataset_Throws() => Assert.Throws<ArgumentNullException>(() => new DicomInstance(null!));

    [Fact]
    public void FromFile_OpenedFile_KeepsPathAndSyntax()
    {
        var dir = Directory.CreateTempSubdirectory("imaging-instance-");
        try
        {
            var path = SyntheticStudy.WriteTo(dir.FullName, new SyntheticStudyOptions
            {
                CtSlices = 1, MrSlices = 0, Size = 8, TransferSyntax = DicomTransferSyntax.ImplicitVRLittleEndian,
            })[0];

            var instance = DicomInstance.FromFile(DicomFile.Open(path));

            Assert.Equal(path, instance.Location);
            Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian.Uid, instance.TransferSyntax.Uid);
            Assert.Equal(path, instance.ToString());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void WithDataset_NewDataset_KeepsSyntaxAndLocation()
    {
        var instance = new DicomInstance(new DicomDataset(), DicomTransferSyntax.ImplicitVRLittleEndian, "a.dcm");
        var other = new DicomDataset().AddOrUpdate(DicomTag.SOPInstanceUID, "1.2.3");

        var copy = instance.WithDataset(other);

        Assert.Same(other, copy.Dataset);
        Assert.Same(instance.TransferSyntax, copy.TransferSyntax);
        Assert.Equal("a.dcm", copy.Location);
        Assert.Equal("1.2.3", copy.SopInstanceUid);
    }

    [Fact]
    public void SopInstanceUid_Missing_IsEmptyAndToStringFallsBack()
    {
        var withUid = new DicomInstance(new DicomDataset().AddOrUpdate(DicomTag.SOPInstanceUID, "1.2.3"));

        Assert.Equal("", new DicomInstance(new DicomDataset()).SopInstanceUid);
        Assert.Equal("1.2.3", withUid.ToString());
    }
}
