using Imaging.Dicom.Media;
using Imaging.Dicom.Tests.Oracles;

namespace Imaging.Dicom.Tests.Media;

public sealed class DicomDirectoryWriteTests : IDisposable
{
    private const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
    private readonly string _root = Directory.CreateTempSubdirectory("dicomdir-write-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A small instance with the keys PS3.3 F.5 asks for.</summary>
    private static DicomFile Instance(string patientId, string patientName, int study, int series, int instance, string? characterSet = null)
    {
        var ds = new DicomDataset();
        if (characterSet is not null) ds.AddOrUpdate(DicomTag.SpecificCharacterSet, characterSet);
        ds.AddOrUpdate(DicomTag.SOPClassUID, SecondaryCapture);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, $"1.2.826.0.1.3680043.10.1561.9.{patientId.Length}{study}.{series}.{instance}");
        ds.AddOrUpdate(DicomTag.PatientName, patientName);
        ds.AddOrUpdate(DicomTag.PatientID, patientId);
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, $"1.2.826.0.1.3680043.10.1561.9.{patientId.Length}{study}");
        ds.AddOrUpdate(DicomTag.StudyDate, "20240131");
        ds.AddOrUpdate(DicomTag.StudyTime, "101500");
        ds.AddOrUpdate(DicomTag.StudyID, $"S{study}");
        ds.AddOrUpdate(DicomTag.AccessionNumber, $"A{study}");
        ds.AddOrUpdate(DicomTag.StudyDescription, $"Study {study}");
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, $"1.2.826.0.1.3680043.10.1561.9.{patientId.Length}{study}.{series}");
        ds.AddOrUpdate(DicomTag.Modality, "OT");
        ds.AddOrUpdate(DicomTag.SeriesNumber, series.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.InstanceNumber, instance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new DicomFile(ds);
    }

    /// <summary>Writes six instances of two patients (one with a Latin-1 name) and a DICOMDIR indexing them.</summary>
    private (DicomDirectory Dir, string Path) WriteFileSet()
    {
        var files = new List<(DicomFile File, string Id)>
        {
            (Instance("P1", "Doe^Jane", 1, 1, 1), "P1/ST1/SE1/IM1"),
            (Instance("P1", "Doe^Jane", 1, 1, 2), "P1/ST1/SE1/IM2"),
            (Instance("P1", "Doe^Jane", 1, 2, 1), "P1/ST1/SE2/IM1"),
            (Instance("P1", "Doe^Jane", 2, 1, 1), "P1/ST2/SE1/IM1"),
            (Instance("P22", "Müller^Jörg", 3, 1, 1, "ISO_IR 100"), "P22/ST3/SE1/IM1"),
            (Instance("P22", "Müller^Jörg", 3, 1, 2, "ISO_IR 100"), "P22/ST3/SE1/IM2"),
        };
        var dir = DicomDirectory.Create("TEST_SET");
        foreach (var (file, id) in files)
        {
            var path = Path.Combine([_root, .. id.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            file.Save(path);
            dir.AddFile(file, id);
        }
        var dicomdir = Path.Combine(_root, "DICOMDIR");
        dir.Save(dicomdir);
        return (dir, dicomdir);
    }

    [Fact]
    public void AddFile_InstancesOfSameSeries_ShareOnePatientStudyAndSeriesRecord()
    {
        var (dir, _) = WriteFileSet();

        Assert.Equal(["PATIENT", "PATIENT"], dir.RootRecords.Select(r => r.RecordType));
        var p1 = dir.RootRecords[0];
        Assert.Equal(2, p1.Children.Count);
        Assert.Equal([2, 1], p1.Children[0].Children.Select(s => s.Children.Count));
        Assert.Equal(6, dir.AllImages.Count());
        Assert.Equal(["P1", "ST1", "SE1", "IM2"], p1.Children[0].Children[0].Children[1].ReferencedFileId!);
    }

    [Fact]
    public void Save_GeneratedFileSet_PydicomReadsTheSameRecordTree()
    {
        var (dir, path) = WriteFileSet();

        var expected = DirectoryOracle.Flatten(dir);

        Assert.Equal(expected, DirectoryOracle.PydicomTree(path));
        Assert.All(expected, r => Assert.NotNull(r.Offset));
    }

    [Fact]
    public void Save_GeneratedFileSet_PydicomLoadsEveryReferencedInstanceAndKeys()
    {
        var (_, path) = WriteFileSet();

        var answer = PythonOracle.Run("""
            import sys, warnings
            warnings.simplefilter('ignore')
            from pydicom import dcmread
            from pydicom.fileset import FileSet
            ds = dcmread(sys.stdin.read().strip())
            fs = FileSet(ds)
            ok = all(i.load().SOPInstanceUID == i.SOPInstanceUID for i in fs)
            names = sorted(str(r.PatientName) for r in ds.DirectoryRecordSequence if r.DirectoryRecordType == 'PATIENT')
            print(len(fs), ok, ds.file_meta.MediaStorageSOPClassUID, ds.file_meta.TransferSyntaxUID, fs.ID, '|'.join(names))
            """, path).Trim();

        Assert.Equal("6 True 1.2.840.10008.1.3.10 1.2.840.10008.1.2.1 TEST_SET Doe^Jane|Müller^Jörg", answer);
    }

    [Fact]
    public void Save_GeneratedFileSet_DciodvfyReportsNoErrors()
    {
        var (_, path) = WriteFileSet();

        var (_, output) = DirectoryOracle.Tool("dciodvfy", path);

        Assert.Contains("BasicDirectory", output);
        Assert.DoesNotContain("Error", output);
        Assert.DoesNotContain("Warning", output);
    }

    [Fact]
    public void Save_GeneratedFileSet_DcmdumpReadsItWithoutComplaint()
    {
        var (_, path) = WriteFileSet();

        var (exit, output) = DirectoryOracle.Tool("dcmdump", path);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("E: ", output);
        Assert.DoesNotContain("W: ", output);
        Assert.Contains("MediaStorageDirectoryStorage", output);
        Assert.Contains("[P22\\ST3\\SE1\\IM2]", output);
    }

    [Fact]
    public void Save_ThenOpen_RoundTripsTheRecordTree()
    {
        var (dir, path) = WriteFileSet();

        var read = DicomDirectory.Open(path);

        Assert.Empty(read.Warnings);
        Assert.Equal(DirectoryOracle.Flatten(dir), DirectoryOracle.Flatten(read));
        Assert.Equal("TEST_SET", read.FileSetId);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, read.File.TransferSyntax.Uid);
        Assert.Equal("1.2.840.10008.1.3.10", read.File.FileMetaInfo.GetString(DicomTag.MediaStorageSOPClassUID));
        Assert.All(read.AllImages, i => Assert.True(File.Exists(i.ReferencedFilePath)));
        var latin = read.RootRecords[1];
        Assert.Equal("Müller^Jörg", latin.Dataset.GetString(DicomTag.PatientName));
        Assert.Equal("ISO_IR 100", latin.Dataset.GetString(DicomTag.SpecificCharacterSet));
        Assert.False(read.AllImages.First().Dataset.Contains(DicomTag.SpecificCharacterSet));
    }

    [Fact]
    public void Save_OpenedDicomdirAfterAddFile_KeepsOldRecordsAndAddsNew()
    {
        var (_, path) = WriteFileSet();
        var dir = DicomDirectory.Open(path);
        var extra = Instance("P1", "Doe^Jane", 2, 1, 7);
        Directory.CreateDirectory(Path.Combine(_root, "EXTRA"));
        extra.Save(Path.Combine(_root, "EXTRA", "IM7"));

        dir.AddFile(extra, "EXTRA/IM7");
        dir.Save(path);

        var read = DicomDirectory.Open(path);
        Assert.Equal(DirectoryOracle.PydicomTree(path), DirectoryOracle.Flatten(read));
        Assert.Equal(7, read.AllImages.Count());
        Assert.Equal(2, read.RootRecords[0].Children[1].Children[0].Children.Count);
    }

    [Fact]
    public void Save_PydicomDicomdirRewritten_PydicomSeesTheSameTree()
    {
        var dir = DicomDirectory.Open(Path.Combine(DirectoryOracle.DicomdirTests, "DICOMDIR-implicit"));
        var path = Path.Combine(_root, "DICOMDIR");

        dir.Save(path);

        var expected = DirectoryOracle.PydicomTree(DirectoryOracle.Dicomdir).Select(r => r.WithoutOffset());
        Assert.Equal(expected, DirectoryOracle.PydicomTree(path).Select(r => r.WithoutOffset()));
        Assert.Equal(DirectoryOracle.PydicomTree(path), DirectoryOracle.Flatten(dir));
    }

    [Fact]
    public void Save_EmptyDirectory_WritesZeroOffsetsAndEmptySequence()
    {
        var path = Path.Combine(_root, "DICOMDIR");

        DicomDirectory.Create().Save(path);

        var read = DicomDirectory.Open(path);
        Assert.Empty(read.RootRecords);
        Assert.Empty(read.Warnings);
        Assert.Equal(0u, read.Dataset.GetSingleValue<uint>(DicomTag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity));
        Assert.Empty(read.Dataset.GetSequence(DicomTag.DirectoryRecordSequence));
        Assert.Empty(DirectoryOracle.PydicomTree(path));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("P1//IM1", "empty component")]
    [InlineData("/P1/IM1", "empty component")]
    [InlineData("PATIENT01/IM1", "'PATIENT01' has 9 characters")]
    [InlineData("A/B/C/D/E/F/G/H/I", "9 components")]
    [InlineData("p1/im1", "use upper case: 'P1'")]
    [InlineData("P1/IM-1", "'-'")]
    [InlineData("P1/IM1.DCM", "no extensions")]
    [InlineData("../IM1", "'.'")]
    public void AddFile_InvalidFileId_ThrowsNamingTheRule(string relativePath, string expected)
    {
        var dir = DicomDirectory.Create();

        var ex = Assert.Throws<ArgumentException>(() => dir.AddFile(Instance("P1", "Doe^Jane", 1, 1, 1), relativePath));

        Assert.Contains(expected, ex.Message);
        Assert.Contains("PS3.10 §8.5", ex.Message);
        Assert.Equal("relativePath", ex.ParamName);
        Assert.Empty(dir.RootRecords);
    }

    [Fact]
    public void AddFile_WindowsSeparatorsAndEightComponents_AreAccepted()
    {
        var dir = DicomDirectory.Create();

        var image = dir.AddFile(Instance("P1", "Doe^Jane", 1, 1, 1), @"A\B\C\D\E\F\G\ABCDEFGH");

        Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "ABCDEFGH"], image.ReferencedFileId!);
        Assert.Null(image.ReferencedFilePath);
    }

    [Fact]
    public void AddFile_MissingType1Keys_ThrowsListingThemAndAddsNothing()
    {
        var dir = DicomDirectory.Create();
        var file = Instance("P1", "Doe^Jane", 1, 1, 1);
        file.Dataset.Remove(DicomTag.StudyDate, DicomTag.Modality);

        var ex = Assert.Throws<DicomException>(() => dir.AddFile(file, "IM1"));

        Assert.Contains("StudyDate (0008,0020) for the STUDY record", ex.Message);
        Assert.Contains("Modality (0008,0060) for the SERIES record", ex.Message);
        Assert.Contains("PS3.3 F.5", ex.Message);
        Assert.Empty(dir.RootRecords);
    }

    [Fact]
    public void AddFile_SameFileIdOrInstanceTwice_Throws()
    {
        var dir = DicomDirectory.Create();
        dir.AddFile(Instance("P1", "Doe^Jane", 1, 1, 1), "IM1");

        var samePath = Assert.Throws<ArgumentException>(() => dir.AddFile(Instance("P1", "Doe^Jane", 1, 1, 2), "IM1"));
        var sameInstance = Assert.Throws<ArgumentException>(() => dir.AddFile(Instance("P1", "Doe^Jane", 1, 1, 1), "IM2"));

        Assert.Contains("IM1", samePath.Message);
        Assert.Contains("SOP instance", sameInstance.Message);
        Assert.Single(dir.AllImages);
    }

    [Theory]
    [InlineData("LOWER_case")]
    [InlineData("SEVENTEEN_CHARS_X")]
    public void Create_InvalidFileSetId_Throws(string id)
    {
        var ex = Assert.Throws<ArgumentException>(() => DicomDirectory.Create(id));

        Assert.Contains("File-set ID", ex.Message);
    }
}
