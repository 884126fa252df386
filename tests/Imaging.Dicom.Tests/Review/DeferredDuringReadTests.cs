using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.Review;

/// <summary>
/// Bug: a file read from a seekable stream with <see cref="FileReadOptions.DeferValuesLongerThan"/> re-reads its
/// deferred values from that same stream. The reader itself touches some values while it parses (the Specific
/// Character Set for the text after it, a Private Creator for implicit VR private tags), and loading one moved the
/// shared stream, so parsing went on from the wrong offset.
/// </summary>
public sealed class DeferredDuringReadTests
{
    [Theory]
    [InlineData("chrH31.dcm")]
    [InlineData("chrX1.dcm")]
    public void Open_StreamWithSmallDeferLimitAndCharacterSet_ReadsSameDataset(string name)
    {
        var bytes = File.ReadAllBytes(TestFiles.Charset(name));
        var whole = DicomFile.Open(new MemoryStream(bytes));

        var deferred = DicomFile.Open(new MemoryStream(bytes), new FileReadOptions { DeferValuesLongerThan = 4 });

        Assert.Empty(deferred.Warnings);
        Assert.Equal(whole.Dataset.Select(i => i.Tag), deferred.Dataset.Select(i => i.Tag));
        Assert.Equal(whole.Dataset.GetString(DicomTag.PatientName), deferred.Dataset.GetString(DicomTag.PatientName));
    }
}
