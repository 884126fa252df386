using Imaging.Dicom.IO;
using Imaging.Dicom.Media;
using Imaging.Dicom.Tests.Oracles;

namespace Imaging.Dicom.Tests.Media;

public sealed class DicomDirectoryReadTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("dicomdir-read-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string TestFile(string name) => Path.Combine(DirectoryOracle.DicomdirTests, name);

    [Fact]
    public void Open_PydicomDicomdir_RecordTreeMatchesPydicomFileSet()
    {
        var expected = DirectoryOracle.PydicomTree(DirectoryOracle.Dicomdir);

        var dir = DicomDirectory.Open(DirectoryOracle.Dicomdir);

        Assert.Equal(expected, DirectoryOracle.Flatten(dir));
        Assert.Empty(dir.Warnings);
        Assert.Equal("PYDICOM_TEST", dir.FileSetId);
        Assert.Equal(2, dir.Patients.Count());
        Assert.Equal(31, dir.AllImages.Count());
    }

    [Fact]
    public void Open_PydicomDicomdir_RecordKeysAndReferencesAreRead()
    {
        var dir = DicomDirectory.Open(DirectoryOracle.Dicomdir);

        var patient = dir.RootRecords[0];
        Assert.Equal("PATIENT", patient.RecordType);
        Assert.Equal("Doe^Archibald", patient.Dataset.GetString(DicomTag.PatientName));
        Assert.Null(patient.Parent);
        var study = patient.Children[0];
        Assert.Equal("STUDY", study.RecordType);
        Assert.Same(patient, study.Parent);
        Assert.Equal("XR C Spine Comp Min 4 Views", study.Dataset.GetString(DicomTag.StudyDescription));
        var image = dir.AllImages.First();
        Assert.Equal(["77654033", "CR1", "6154"], image.ReferencedFileId!);
        Assert.Equal("1.3.6.1.4.1.5962.1.1.0.0.0.1196527414.5534.0.11", image.ReferencedSopInstanceUid);
        Assert.Equal("1.2.840.10008.5.1.4.1.1.1", image.ReferencedSopClassUid);
        Assert.Equal("1.2.840.10008.1.2.1", image.ReferencedTransferSyntaxUid);
        Assert.Equal(856, image.Offset);
        Assert.Equal(Path.Combine(DirectoryOracle.DicomdirTests, "77654033", "CR1", "6154"), image.ReferencedFilePath);
        Assert.Equal(7, patient.Descendants().Count(r => r.RecordType == "IMAGE"));
    }

    [Fact]
    public void Open_PydicomDicomdir_EveryImageResolvesToItsInstance()
    {
        var dir = DicomDirectory.Open(DirectoryOracle.Dicomdir);

        foreach (var image in dir.AllImages)
        {
            Assert.True(File.Exists(image.ReferencedFilePath), image.ToString());
            var instance = DicomFile.Open(image.ReferencedFilePath!, new FileReadOptions { StopBeforePixelData = true });
            Assert.Equal(image.ReferencedSopInstanceUid, instance.Dataset.GetString(DicomTag.SOPInstanceUID));
        }
    }

    [Theory]
    [InlineData("DICOMDIR-reordered")]
    [InlineData("DICOMDIR-implicit")]
    [InlineData("DICOMDIR-bigEnd")]
    [InlineData("DICOMDIR-nooffset")]
    public void Open_VariantEncodingsAndOrders_MatchPydicomFileSet(string name)
    {
        var path = TestFile(name);
        var expected = DirectoryOracle.PydicomTree(path);

        var dir = DicomDirectory.Open(path);

        Assert.Equal(expected, DirectoryOracle.Flatten(dir));
        Assert.Equal(DirectoryOracle.PydicomTree(DirectoryOracle.Dicomdir).Select(r => r.WithoutOffset()),
            DirectoryOracle.Flatten(dir).Select(r => r.WithoutOffset()));
        Assert.DoesNotContain(dir.Warnings, w => w.Message.Contains("rebuilt"));
    }

    [Fact]
    public void Open_EmptyDicomdir_HasNoRecords()
    {
        var dir = DicomDirectory.Open(TestFile("DICOMDIR-empty.dcm"));

        Assert.Empty(dir.RootRecords);
        Assert.Empty(dir.AllRecords);
        Assert.Empty(dir.Warnings);
    }

    [Fact]
    public void Open_OtherRecordType_IsKeptWithItsChildren()
    {
        // The first PATIENT record becomes a PRIVATE record (same length, so every offset stays right).
        var bytes = File.ReadAllBytes(DirectoryOracle.Dicomdir);
        int at = bytes.AsSpan(396).IndexOf("PATIENT "u8) + 396;
        "PRIVATE "u8.CopyTo(bytes.AsSpan(at));
        var path = Path.Combine(_temp, "DICOMDIR");
        File.WriteAllBytes(path, bytes);

        var dir = DicomDirectory.Open(path);

        Assert.Empty(dir.Warnings);
        Assert.Equal(["PRIVATE", "PATIENT"], dir.RootRecords.Select(r => r.RecordType));
        Assert.Single(dir.Patients);
        Assert.Equal(2, dir.RootRecords[0].Children.Count);
        Assert.Equal(31, dir.AllImages.Count());
    }

    [Fact]
    public void Open_RootOffsetNamingAnImage_FollowsTheLinksAndWarnsAboutUnlinkedRecords()
    {
        // pydicom's DICOMDIR-nopatient: (0004,1200) names the IMAGE record at 396; the other 51 records hang from nothing.
        var dir = DicomDirectory.Open(TestFile("DICOMDIR-nopatient"));

        var root = Assert.Single(dir.RootRecords);
        Assert.Equal("IMAGE", root.RecordType);
        Assert.Equal(396, root.Offset);
        Assert.Empty(dir.Patients);
        Assert.Contains(dir.Warnings, w => w.Message.Contains("51 of 52 directory records are not linked"));
    }

    [Fact]
    public void Open_CyclicNextOffset_RebuildsFromSequenceOrderWithWarning()
    {
        // The first PATIENT record (offset 396) points to itself as its next record.
        var bytes = DirectoryOracle.PatchOffset(File.ReadAllBytes(DirectoryOracle.Dicomdir), DicomTag.OffsetOfTheNextDirectoryRecord, 396, 396);
        var path = Path.Combine(_temp, "DICOMDIR");
        File.WriteAllBytes(path, bytes);

        var dir = DicomDirectory.Open(path);

        Assert.Contains(dir.Warnings, w => w.Message.Contains("cycle") && w.Message.Contains("rebuilt"));
        Assert.Equal(DirectoryOracle.PydicomTree(DirectoryOracle.Dicomdir), DirectoryOracle.Flatten(dir));
    }

    [Fact]
    public void Open_CyclicLowerOffset_TerminatesWithWarning()
    {
        // The first IMAGE record (offset 856) names the PATIENT record (396) as its lower level: a cycle up the tree.
        var bytes = DirectoryOracle.PatchOffset(File.ReadAllBytes(DirectoryOracle.Dicomdir), DicomTag.OffsetOfReferencedLowerLevelDirectoryEntity, 856, 396);
        var path = Path.Combine(_temp, "DICOMDIR");
        File.WriteAllBytes(path, bytes);

        var dir = DicomDirectory.Open(path);

        Assert.Contains(dir.Warnings, w => w.Message.Contains("cycle"));
        Assert.Equal(31, dir.AllImages.Count());
        Assert.Equal(2, dir.Patients.Count());
    }

    [Fact]
    public void Open_RootOffsetNamingNoRecord_RebuildsFromSequenceOrderWithWarning()
    {
        var bytes = DirectoryOracle.PatchOffset(File.ReadAllBytes(DirectoryOracle.Dicomdir),
            DicomTag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, 132, 397);
        var path = Path.Combine(_temp, "DICOMDIR");
        File.WriteAllBytes(path, bytes);

        var dir = DicomDirectory.Open(path);

        var warning = Assert.Single(dir.Warnings);
        Assert.Contains("offset 397", warning.Message);
        Assert.Equal(DirectoryOracle.PydicomTree(DirectoryOracle.Dicomdir), DirectoryOracle.Flatten(dir));
    }

    [Fact]
    public void Open_BrokenOffsetWhenStrict_ThrowsFormatException()
    {
        var bytes = DirectoryOracle.PatchOffset(File.ReadAllBytes(DirectoryOracle.Dicomdir), DicomTag.OffsetOfTheNextDirectoryRecord, 396, 396);
        var path = Path.Combine(_temp, "DICOMDIR");
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<DicomFormatException>(() => DicomDirectory.Open(path, new FileReadOptions { Strict = true }));

        Assert.Contains("cycle", ex.Message);
        Assert.Equal(path, ex.FilePath);
    }

    [Fact]
    public void Open_UnlinkedRecord_IsLeftOutWithWarning()
    {
        // The first SERIES record of the first study (offset 724) now skips the second SERIES (1090) and its IMAGE.
        var bytes = DirectoryOracle.PatchOffset(File.ReadAllBytes(DirectoryOracle.Dicomdir), DicomTag.OffsetOfTheNextDirectoryRecord, 724, 1452);
        var path = Path.Combine(_temp, "DICOMDIR");
        File.WriteAllBytes(path, bytes);

        var dir = DicomDirectory.Open(path);

        Assert.Contains(dir.Warnings, w => w.Message.Contains("2 of 52") && w.Offset == 1090);
        Assert.Equal(30, dir.AllImages.Count());
    }

    [Fact]
    public void Open_FromStreamAtNonZeroPosition_OffsetsCountFromTheFileStart()
    {
        var stream = new MemoryStream();
        stream.Write(new byte[100]);
        stream.Write(File.ReadAllBytes(DirectoryOracle.Dicomdir));
        stream.Position = 100;

        var dir = DicomDirectory.Open(stream, DirectoryOracle.DicomdirTests);

        Assert.Empty(dir.Warnings);
        Assert.Equal(DirectoryOracle.PydicomTree(DirectoryOracle.Dicomdir), DirectoryOracle.Flatten(dir));
        Assert.True(File.Exists(dir.AllImages.First().ReferencedFilePath));
    }

    [Fact]
    public void Open_MediaWithOtherCaseAndIsoVersionSuffixes_ResolvesReferencedFiles()
    {
        // As on a CD read on Linux: lower-case names, some with ISO 9660 ";1" version numbers.
        var root = Path.Combine(_temp, "cd");
        foreach (var file in Directory.EnumerateFiles(DirectoryOracle.DicomdirTests, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(DirectoryOracle.DicomdirTests, file);
            if (relative.StartsWith("DICOMDIR", StringComparison.Ordinal)) continue;
            var target = Path.Combine(root, relative.ToLowerInvariant());
            if (Path.GetFileName(target).StartsWith('6')) target += ".;1";
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Copy(DirectoryOracle.Dicomdir, Path.Combine(root, "dicomdir"));

        var dir = DicomDirectory.Open(Path.Combine(root, "dicomdir"));

        Assert.All(dir.AllImages, image =>
        {
            var resolved = image.ReferencedFilePath!;
            Assert.True(File.Exists(resolved), resolved);
            Assert.StartsWith(root, resolved, StringComparison.Ordinal);
            Assert.Equal(image.ReferencedFileId![^1], Path.GetFileName(resolved).Split('.')[0], StringComparer.OrdinalIgnoreCase);
        });
        Assert.Contains(dir.AllImages, i => i.ReferencedFilePath!.EndsWith(".;1", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_MissingReferencedFile_GivesTheExactPath()
    {
        var path = Path.Combine(_temp, "DICOMDIR");
        File.Copy(DirectoryOracle.Dicomdir, path);

        var dir = DicomDirectory.Open(path);

        Assert.Equal(Path.Combine(_temp, "77654033", "CR1", "6154"), dir.AllImages.First().ReferencedFilePath);
    }

    [Fact]
    public void Open_NotADicomdir_ThrowsFormatExceptionNamingTheFile()
    {
        var ct = Path.Combine(PythonOracle.PydicomData, "test_files", "CT_small.dcm");

        var ex = Assert.Throws<DicomFormatException>(() => DicomDirectory.Open(ct));

        Assert.Contains("not a DICOMDIR", ex.Message);
        Assert.Equal(ct, ex.FilePath);
    }
}
