using System.Buffers.Binary;
using System.Text;
using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.IO;

/// <summary>Reader behaviour on hand-built byte streams: every encoding form of PS3.5 §7 and the lenient paths.</summary>
public class DicomReaderTests
{
    /// <summary>Builds explicit VR little endian element bytes.</summary>
    private sealed class Bytes
    {
        private readonly MemoryStream _s = new();
        private readonly bool _explicit;
        private readonly bool _bigEndian;

        public Bytes(bool explicitVR = true, bool bigEndian = false)
        {
            _explicit = explicitVR;
            _bigEndian = bigEndian;
        }

        public Bytes U16(ushort v) { Span<byte> b = stackalloc byte[2]; if (_bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v); else BinaryPrimitives.WriteUInt16LittleEndian(b, v); _s.Write(b); return this; }
        public Bytes U32(uint v) { Span<byte> b = stackalloc byte[4]; if (_bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v); _s.Write(b); return this; }
        public Bytes Raw(ReadOnlySpan<byte> b) { _s.Write(b); return this; }
        public Bytes Ascii(string s) => Raw(Encoding.ASCII.GetBytes(s));

        public Bytes Element(ushort g, ushort e, string vr, byte[] value)
        {
            U16(g).U16(e);
            var v = DicomVR.Parse(vr);
            if (!_explicit) return U32((uint)value.Length).Raw(value);
            Ascii(vr);
            if (v.HasLongExplicitLength) U16(0).U32((uint)value.Length); else U16((ushort)value.Length);
            return Raw(value);
        }

        public Bytes Text(ushort g, ushort e, string vr, string value) => Element(g, e, vr, Encoding.ASCII.GetBytes(value));

        public Bytes SequenceStart(ushort g, ushort e, uint length = 0xFFFFFFFF)
        {
            U16(g).U16(e);
            if (_explicit) Ascii("SQ").U16(0);
            return U32(length);
        }

        public Bytes Item(uint length = 0xFFFFFFFF) => U16(0xFFFE).U16(0xE000).U32(length);
        public Bytes ItemEnd() => U16(0xFFFE).U16(0xE00D).U32(0);
        public Bytes SequenceEnd() => U16(0xFFFE).U16(0xE0DD).U32(0);
        public byte[] ToArray() => _s.ToArray();
    }

    private static byte[] Part10(byte[] dataset, string transferSyntax)
    {
        var meta = new Bytes().Text(0x0002, 0x0010, "UI", transferSyntax.Length % 2 == 1 ? transferSyntax + "\0" : transferSyntax).ToArray();
        var header = new Bytes().Element(0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length)).ToArray();
        return [.. new byte[128], .. "DICM"u8.ToArray(), .. header, .. meta, .. dataset];
    }

    private static DicomFile Open(byte[] bytes, FileReadOptions? options = null) => DicomFile.Open(new MemoryStream(bytes), options);

    [Fact]
    public void Open_NestedUndefinedLengthSequences_ReadsEveryLevel()
    {
        var b = new Bytes()
            .Text(0x0008, 0x0060, "CS", "CT")
            .SequenceStart(0x0008, 0x1140)
              .Item()
                .Text(0x0008, 0x1155, "UI", "1.2.3\0")
                .SequenceStart(0x0040, 0xA730)
                  .Item().Text(0x0040, 0xA040, "CS", "TEXT").ItemEnd()
                  .Item(0).ItemEnd().ItemEnd() // an empty defined-length item, then a stray delimiter
                .SequenceEnd()
              .ItemEnd()
            .SequenceEnd()
            .Text(0x0010, 0x0010, "PN", "DOE^JOHN");
        var f = Open(Part10(b.ToArray(), "1.2.840.10008.1.2.1"));
        var seq = f.Dataset.GetSequence(DicomTag.ReferencedImageSequence);
        Assert.Single(seq.Items);
        Assert.Equal("1.2.3", seq[0].GetString(DicomTag.ReferencedSOPInstanceUID));
        var inner = seq[0].GetSequence(DicomTag.ContentSequence);
        Assert.Equal(2, inner.Count);
        Assert.Equal("TEXT", inner[0].GetString(DicomTag.ValueType));
        Assert.Equal("DOE^JOHN", f.Dataset.GetString(DicomTag.PatientName));
        Assert.Contains(f.Warnings, w => w.Message.Contains("stray item delimiter"));
    }

    [Fact]
    public void Open_DefinedLengthSequenceImplicitVR_ReadsItems()
    {
        var item = new Bytes(explicitVR: false).Text(0x0008, 0x1155, "UI", "1.2\0").ToArray();
        var b = new Bytes(explicitVR: false).SequenceStart(0x0008, 0x1140, (uint)(item.Length + 8)).Item((uint)item.Length).Raw(item)
            .Text(0x0010, 0x0020, "LO", "ID1 ");
        var f = Open(Part10(b.ToArray(), "1.2.840.10008.1.2"));
        Assert.Equal("1.2", f.Dataset.GetSequence(DicomTag.ReferencedImageSequence)[0].GetString(DicomTag.ReferencedSOPInstanceUID));
        Assert.Equal("ID1", f.Dataset.GetString(DicomTag.PatientID));
        Assert.Equal(DicomVR.LO, f.Dataset[DicomTag.PatientID]!.VR);
    }

    [Fact]
    public void Open_ExplicitVRBigEndian_SwapsBinaryValuesToLittleEndian()
    {
        var rows = new byte[] { 0x02, 0x00 }; // 512 big endian
        var b = new Bytes(bigEndian: true).Element(0x0028, 0x0010, "US", rows).Element(0x0028, 0x0011, "US", [0x01, 0x00]);
        var f = Open(Part10(b.ToArray(), "1.2.840.10008.1.2.2"));
        Assert.Equal(DicomTransferSyntax.ExplicitVRBigEndian, f.TransferSyntax);
        Assert.Equal((ushort)512, f.Dataset.GetSingleValue<ushort>(DicomTag.Rows));
        Assert.Equal((ushort)256, f.Dataset.GetSingleValue<ushort>(DicomTag.Columns));
    }

    [Fact]
    public void Open_UNWithUndefinedLength_ReadsImplicitVRSequence()
    {
        var b = new Bytes();
        b.U16(0x0008).U16(0x1140).Ascii("UN").U16(0).U32(0xFFFFFFFF);
        var inner = new Bytes(explicitVR: false).Item().Text(0x0008, 0x1155, "UI", "1.2\0").ItemEnd().SequenceEnd();
        b.Raw(inner.ToArray());
        var f = Open(Part10(b.ToArray(), "1.2.840.10008.1.2.1"));
        Assert.Equal("1.2", f.Dataset.GetSequence(DicomTag.ReferencedImageSequence)[0].GetString(DicomTag.ReferencedSOPInstanceUID));
    }

    [Fact]
    public void Open_UNWithKnownTag_UsesDictionaryVR()
    {
        var b = new Bytes().Element(0x0028, 0x0010, "UN", [0x00, 0x02]);
        var f = Open(Part10(b.ToArray(), "1.2.840.10008.1.2.1"));
        Assert.Equal(DicomVR.US, f.Dataset[DicomTag.Rows]!.VR);
        Assert.Equal((ushort)512, f.Dataset.GetSingleValue<ushort>(DicomTag.Rows));
    }

    [Fact]
    public void Open_MetaSaysExplicitButDataSetIsImplicit_ReadsWithWarning()
    {
        var b = new Bytes(explicitVR: false).Text(0x0010, 0x0010, "PN", "A^B ");
        var f = Open(Part10(b.ToArray(), "1.2.840.10008.1.2.1"));
        Assert.Equal("A^B", f.Dataset.GetString(DicomTag.PatientName));
        Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian, f.TransferSyntax);
        Assert.NotEmpty(f.Warnings);
    }

    [Fact]
    public void Open_StrictAndOddLength_ThrowsNamingOffsetAndTag()
    {
        var b = new Bytes().Text(0x0010, 0x0010, "PN", "ABC");
        var ex = Assert.Throws<DicomFormatException>(() => Open(Part10(b.ToArray(), "1.2.840.10008.1.2.1"), new FileReadOptions { Strict = true }));
        Assert.Equal(DicomTag.PatientName, ex.Tag);
        Assert.NotNull(ex.Offset);
        Assert.Contains("(0010,0010)", ex.Message);
    }

    [Fact]
    public void Open_BareDataSetWithoutPreamble_Reads()
    {
        var b = new Bytes(explicitVR: false).Text(0x0008, 0x0060, "CS", "MR").Text(0x0010, 0x0010, "PN", "X^Y ");
        var f = Open(b.ToArray());
        Assert.Null(f.Preamble);
        Assert.Equal("MR", f.Dataset.GetString(DicomTag.Modality));
    }

    [Fact]
    public void Open_NotDicom_ThrowsDicomFormatException()
    {
        var ex = Assert.Throws<DicomFormatException>(() => Open(Encoding.ASCII.GetBytes("hello, this is a text file and not DICOM at all")));
        Assert.Contains("not a DICOM file", ex.Message);
    }

    [Fact]
    public void Open_EncapsulatedPixelData_KeepsFragmentsAndOffsetTable()
    {
        var b = new Bytes().Text(0x0028, 0x0008, "IS", "2 ");
        b.U16(0x7FE0).U16(0x0010).Ascii("OB").U16(0).U32(0xFFFFFFFF);
        b.Item(8).U32(0).U32(12);
        b.Item(4).Raw([1, 2, 3, 4]).Item(4).Raw([5, 6, 7, 8]).SequenceEnd();
        var f = Open(Part10(b.ToArray(), "1.2.840.10008.1.2.4.50"));
        var frag = Assert.IsType<DicomFragmentSequence>(f.Dataset[DicomTag.PixelData]);
        Assert.Equal(2, frag.Fragments.Count);
        Assert.Equal(new uint[] { 0, 12 }, frag.OffsetTable);
        var frames = frag.GetFrameFragments(2);
        Assert.Equal(new byte[] { 5, 6, 7, 8 }, frames[1][0].Memory.ToArray());
    }

    [Fact]
    public void Open_TruncatedValue_KeepsWhatIsThereAndWarns()
    {
        var full = new Bytes().Text(0x0010, 0x0010, "PN", "DOE^JANE").Text(0x0010, 0x0020, "LO", "0123456789").ToArray();
        var f = Open(Part10(full[..^4], "1.2.840.10008.1.2.1"));
        Assert.True(f.IsPartial);
        Assert.Equal("DOE^JANE", f.Dataset.GetString(DicomTag.PatientName));
        Assert.Contains(f.Warnings, w => w.Tag == DicomTag.PatientID);
    }

    [Fact]
    public void Open_DeeplyNestedSequences_ThrowsInsteadOfOverflowingTheStack()
    {
        var b = new Bytes();
        for (int i = 0; i < 1000; i++) b.SequenceStart(0x0008, 0x1140).Item();
        var ex = Assert.Throws<DicomFormatException>(() => Open(Part10(b.ToArray(), "1.2.840.10008.1.2.1")));
        Assert.Contains("nested deeper", ex.Message);
    }

    [Fact]
    public void Open_StopBeforePixelData_DoesNotReadPixelData()
    {
        var b = new Bytes().Text(0x0010, 0x0010, "PN", "A^B ").Element(0x7FE0, 0x0010, "OW", new byte[1 << 20]);
        var f = Open(Part10(b.ToArray(), "1.2.840.10008.1.2.1"), new FileReadOptions { StopBeforePixelData = true });
        Assert.False(f.Dataset.Contains(DicomTag.PixelData));
        Assert.True(f.IsPartial);
        Assert.Equal("A^B", f.Dataset.GetString(DicomTag.PatientName));
    }

    [Fact]
    public void Open_DeferLargeValues_ReadsThemOnFirstTouch()
    {
        var pixels = new byte[200_000];
        new Random(3).NextBytes(pixels);
        var path = Path.Combine(Path.GetTempPath(), $"defer-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, Part10(new Bytes().Element(0x7FE0, 0x0010, "OB", pixels).ToArray(), "1.2.840.10008.1.2.1"));
        try
        {
            var f = DicomFile.Open(path, new FileReadOptions { DeferValuesLongerThan = 1024 });
            var e = Assert.IsType<DicomElement>(f.Dataset[DicomTag.PixelData]);
            Assert.False(e.Buffer.IsLoaded);
            Assert.Equal(pixels, e.Buffer.Memory.ToArray());
            Assert.True(e.Buffer.IsLoaded);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Open_FileLargerThan2GiB_OpensWithoutLoadingPixelData()
    {
        // A sparse file: 2.5 GB of pixel data that is never written, so the test costs no disk and no time.
        var path = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.dcm");
        long pixelLength = 2_500_000_000;
        var head = Part10(new Bytes().Text(0x0010, 0x0010, "PN", "BIG^FILE").Element(0x7FE0, 0x0010, "OB", []).ToArray(), "1.2.840.10008.1.2.1");
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(head.Length - 4), (uint)pixelLength);
        using (var fs = new FileStream(path, FileMode.CreateNew))
        {
            fs.Write(head);
            fs.SetLength(head.Length + pixelLength);
        }
        try
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var f = DicomFile.Open(path);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal("BIG^FILE", f.Dataset.GetString(DicomTag.PatientName));
            var e = Assert.IsType<DicomElement>(f.Dataset[DicomTag.PixelData]);
            Assert.Equal(pixelLength, e.Length);
            Assert.False(e.Buffer.IsLoaded);
            Assert.True(allocated < 10_000_000, $"opening allocated {allocated} bytes");
            using var s = e.Buffer.OpenRead();
            Assert.Equal(pixelLength, s.Length);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void DeferredValue_FileReplacedAfterOpen_ThrowsInsteadOfReadingOtherBytes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"changed-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, Part10(new Bytes().Element(0x7FE0, 0x0010, "OB", new byte[4096]).ToArray(), "1.2.840.10008.1.2.1"));
        try
        {
            var f = DicomFile.Open(path, new FileReadOptions { DeferValuesLongerThan = 1024 });
            File.WriteAllBytes(path, Part10(new Bytes().Element(0x7FE0, 0x0010, "OB", new byte[8192]).ToArray(), "1.2.840.10008.1.2.1"));
            var e = (DicomElement)f.Dataset[DicomTag.PixelData]!;
            var ex = Assert.Throws<DicomFormatException>(() => e.Buffer.Memory);
            Assert.Contains("changed since it was opened", ex.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Open_WrongMetaGroupLength_ReadsTheWholeGroupAndWarns()
    {
        var meta = new Bytes().Text(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1\0").ToArray();
        var header = new Bytes().Element(0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length + 10)).ToArray();
        var body = new Bytes().Text(0x0010, 0x0010, "PN", "A^B ").ToArray();
        var f = Open([.. new byte[128], .. "DICM"u8.ToArray(), .. header, .. meta, .. body]);
        Assert.Equal("A^B", f.Dataset.GetString(DicomTag.PatientName));
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, f.TransferSyntax);
        Assert.Contains(f.Warnings, w => w.Tag == DicomTag.FileMetaInformationGroupLength);
    }

    [Fact]
    public void Open_ElementsInDescendingOrder_ReadsSortedInNLogNTime()
    {
        // Regression (fuzzing): descending tags made each append an insert at the front, quadratic in the element count.
        var b = new Bytes(explicitVR: false);
        for (int e = 0xFFFE; e >= 0x1000; e -= 2) b.Element(0x0009, (ushort)e, "UL", [1, 0, 0, 0]);
        b.Text(0x0008, 0x0060, "CS", "CT").Text(0x0008, 0x0060, "CS", "MR");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var f = Open(b.ToArray(), new FileReadOptions { Force = true });
        sw.Stop();
        var tags = f.Dataset.Select(i => i.Tag.Value).ToList();
        Assert.Equal(tags.Order(), tags);
        Assert.Equal("MR", f.Dataset.GetString(DicomTag.Modality)); // a later duplicate wins, as AddOrUpdate would
        Assert.Equal((0xFFFE - 0x1000) / 2 + 2, f.Dataset.Count);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
    }
}
