namespace Imaging.Dicom.Tests.Review;

/// <summary>
/// Bug: opening a deflated file (PS3.5 §A.5) by path left its FileStream open: the inflating stream wrapped a
/// prefix stream that never disposed the file under it, so the file stayed open (and, where sharing is enforced,
/// locked) until the finalizer ran.
/// </summary>
public sealed class DeflatedInputTests
{
    [Fact]
    public void Open_DeflatedFileByPath_ClosesFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"review-dfl-{Guid.NewGuid():N}.dcm");
        File.Copy(TestFiles.Pydicom("image_dfl.dcm"), path);
        try
        {
            var file = DicomFile.Open(path);
            Assert.True(file.TransferSyntax.IsDeflated);
            Assert.True(file.Dataset.Count > 0);

            // An exclusive open fails while any other handle (FileShare.Read) to the file is still open.
            using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            GC.KeepAlive(file);
            Assert.True(exclusive.Length > 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Open_DeflatedFromCallersStream_LeavesStreamOpen()
    {
        using var stream = new MemoryStream(File.ReadAllBytes(TestFiles.Pydicom("image_dfl.dcm")));

        var file = DicomFile.Open(stream);

        Assert.True(file.TransferSyntax.IsDeflated);
        Assert.True(stream.CanRead);
    }
}
