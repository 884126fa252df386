using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.IO;

/// <summary>Writing: every uncompressed transfer syntax round-trips; saves are atomic; text is re-encoded.</summary>
public class DicomWriterTests
{
    private static DicomDataset Sample()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, "1.2.3.4.5");
        ds.AddOrUpdate(DicomTag.PatientName, "DOE^JOHN");
        ds.AddOrUpdate(DicomTag.Rows, (ushort)2);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)2);
        ds.AddOrUpdate(DicomTag.ImagePositionPatient, 1.5, -2.25, 3.0);
        ds.AddOrUpdate(DicomTag.FrameIncrementPointer, DicomTag.FrameTime);
        ds.AddOrUpdate(DicomTag.RealWorldValueLastValueMapped, (ushort)4095);
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTag.CodeValue, "T-1000");
        item.AddOrUpdate(DicomTag.CodeMeaning, "Body");
        ds.AddOrUpdate(DicomVR.SQ, DicomTag.AnatomicRegionSequence, item);
        ds.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, new byte[] { 1, 0, 2, 0, 3, 0, 0xFF, 0x7F });
        return ds;
    }

    public static TheoryData<string, bool> Syntaxes => new()
    {
        { "1.2.840.10008.1.2", false },
        { "1.2.840.10008.1.2.1", false },
        { "1.2.840.10008.1.2.2", false },
        { "1.2.840.10008.1.2.1.99", false },
        { "1.2.840.10008.1.2.1", true },
        { "1.2.840.10008.1.2", true },
    };

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Save_EachUncompressedSyntax_RoundTrips(string uid, bool definedLengths)
    {
        var ts = DicomTransferSyntax.Lookup(uid);
        var stream = new MemoryStream();
        new DicomFile(Sample()).Save(stream, new DicomWriteOptions { TransferSyntax = ts, DefinedLengthSequences = definedLengths });
        stream.Position = 0;
        var back = DicomFile.Open(stream);
        Assert.Empty(back.Warnings);
        Assert.Equal(ts, back.TransferSyntax);
        var ds = back.Dataset;
        Assert.Equal("DOE^JOHN", ds.GetString(DicomTag.PatientName));
        Assert.Equal(new[] { 1.5, -2.25, 3.0 }, ds.GetValues<double>(DicomTag.ImagePositionPatient));
        Assert.Equal(DicomTag.FrameTime, ds.GetSingleValue<DicomTag>(DicomTag.FrameIncrementPointer));
        Assert.Equal("Body", ds.GetSequence(DicomTag.AnatomicRegionSequence)[0].GetString(DicomTag.CodeMeaning));
        Assert.Equal(new ushort[] { 1, 2, 3, 0x7FFF }, ds.GetValues<ushort>(DicomTag.PixelData));
        Assert.Equal("1.2.3.4.5", back.FileMetaInfo.GetString(DicomTag.MediaStorageSOPInstanceUID));
    }

    [Fact]
    public void Save_ExistingFile_ReplacesAtomicallyAndLeavesNoTemporaryFile()
    {
        var dir = Directory.CreateTempSubdirectory("imaging-save-");
        try
        {
            var path = Path.Combine(dir.FullName, "a.dcm");
            File.WriteAllText(path, "old content");
            new DicomFile(Sample()).Save(path);
            Assert.Equal("DOE^JOHN", DicomFile.Open(path).Dataset.GetString(DicomTag.PatientName));
            Assert.Single(Directory.GetFiles(dir.FullName));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Save_ImpossibleTranscode_ThrowsAndKeepsOldFile()
    {
        var dir = Directory.CreateTempSubdirectory("imaging-save-");
        try
        {
            var path = Path.Combine(dir.FullName, "a.dcm");
            File.WriteAllText(path, "old content");
            var ex = Assert.Throws<DicomException>(() => new DicomFile(Sample()).Save(path, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.JPEGBaseline8Bit }));
            Assert.Contains("codec", ex.Message);
            Assert.Equal("old content", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir.FullName));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Save_ElementFromAnotherCharacterSet_IsReencoded()
    {
        var latin = new DicomDataset();
        latin.AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 100");
        latin.AddOrUpdate(DicomTag.PatientName, "Müller^Jürgen");
        var utf8 = new DicomDataset();
        utf8.AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 192");
        utf8.AddOrUpdate(latin[DicomTag.PatientName]!);
        var stream = new MemoryStream();
        DicomFile.WriteDataset(stream, utf8, DicomTransferSyntax.ExplicitVRLittleEndian);
        stream.Position = 0;
        var back = DicomFile.Open(stream);
        Assert.Equal("Müller^Jürgen", back.Dataset.GetString(DicomTag.PatientName));
        var raw = ((DicomElement)back.Dataset[DicomTag.PatientName]!).Buffer.Memory.ToArray();
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("Müller^Jürgen "), raw); // 15 bytes, padded to even length with a space
    }

    [Fact]
    public void Save_JpegFragmentsInImplicitVRDataSet_WritesTheDeclaredSyntax()
    {
        // SC_rgb_jpeg.dcm: the meta header says JPEG Baseline, the data set is implicit VR (a writer bug). A plain
        // Save must keep the fragments under the declared syntax rather than demand a codec.
        var original = DicomFile.Open(TestFiles.Pydicom("SC_rgb_jpeg.dcm"));
        Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian, original.TransferSyntax);
        var stream = new MemoryStream();
        original.Save(stream);
        stream.Position = 0;
        var back = DicomFile.Open(stream);
        Assert.Equal(DicomTransferSyntax.JPEGBaseline8Bit, back.TransferSyntax);
        Assert.Empty(back.Warnings);
        var before = (DicomFragmentSequence)original.Dataset[DicomTag.PixelData]!;
        var after = (DicomFragmentSequence)back.Dataset[DicomTag.PixelData]!;
        Assert.Equal(before.Fragments.Select(f => f.Memory.ToArray()), after.Fragments.Select(f => f.Memory.ToArray()));
    }

    [Fact]
    public void Save_OddLengthValues_ArePaddedToEvenLength()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomElement(DicomTag.PatientID, DicomVR.LO, DicomBuffer.FromMemory("ABC"u8.ToArray())));
        ds.AddOrUpdate(new DicomElement(DicomTag.ICCProfile, DicomVR.OB, DicomBuffer.FromMemory(new byte[] { 1, 2, 3 })));
        var stream = new MemoryStream();
        DicomFile.WriteDataset(stream, ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        stream.Position = 0;
        var back = DicomFile.Open(stream, new FileReadOptions { Strict = true, Force = true });
        Assert.Equal(4, ((DicomElement)back.Dataset[DicomTag.PatientID]!).Length);
        Assert.Equal("ABC", back.Dataset.GetString(DicomTag.PatientID));
        Assert.Equal(new byte[] { 1, 2, 3, 0 }, back.Dataset.GetValues<byte>(DicomTag.ICCProfile));
    }

    [Fact]
    public void GetString_MultiValuedUIWithSpaces_TrimsEachValue()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomElement(DicomTag.ReferencedSOPClassUIDInFile, DicomVR.UI, DicomBuffer.FromMemory(" 1.2.3 \\ 4.5\0"u8.ToArray())));
        Assert.Equal("1.2.3\\4.5", ds.GetString(DicomTag.ReferencedSOPClassUIDInFile));
        Assert.Equal(new[] { "1.2.3", "4.5" }, ds.GetValues<string>(DicomTag.ReferencedSOPClassUIDInFile));
    }

    [Fact]
    public void GetValues_BytesOfOW_ReturnsRawLittleEndianBytes()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, (ushort)0x0201, (ushort)0x0403);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, ds.GetValues<byte>(DicomTag.PixelData));
    }
}
