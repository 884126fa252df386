using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Imaging.Dicom.IO;
using Imaging.Dicom.Values;

namespace Imaging.Dicom.Tests.Fuzz;

/// <summary>
/// Inputs that tests/Imaging.Fuzz found to break the reader's contract (STYLE.md rule 5: malformed input raises
/// <see cref="DicomException"/>, never another exception, a hang, or an allocation sized by a bogus length).
/// Each test is named after the bug it pins; the fuzzer's inputs are kept verbatim as base64 beside a readable
/// hand-made equivalent.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly FileReadOptions Forced = new() { Force = true };

    /// <summary>
    /// Fuzzer input (27 bytes, minimized): (0000,0000) CS, then (0008,0012) Instance Creation Date written without a
    /// VR and with a length past the end, so the DA value is cut to "6". Reading it as a date leaked FormatException.
    /// </summary>
    private const string TruncatedDateInput = "AAAAAENTCgAAAAAAAAAAAAAACAASAAAAADE2";

    [Fact]
    public void GetValues_FuzzedTruncatedDateValue_ThrowsDicomExceptionNotFormatException()
    {
        var file = DicomFile.Open(new MemoryStream(Convert.FromBase64String(TruncatedDateInput)), Forced);
        var date = Assert.IsType<DicomElement>(file.Dataset[new DicomTag(0x0008, 0x0012)]);

        Assert.Equal(DicomVR.DA, date.VR);
        Assert.Equal("6", date.GetString());
        var ex = Assert.Throws<DicomException>(() => date.GetValues<DateOnly>());
        Assert.IsType<FormatException>(ex.InnerException);
        Assert.Contains("(0008,0012)", ex.Message);
    }

    public static TheoryData<string, string, string> MalformedTextValues => new()
    {
        { "DA", "2017XX01", nameof(DateOnly) },
        { "DA", "20200101-20100101", nameof(DicomDateRange) },
        { "TM", "25xx", nameof(TimeOnly) },
        { "TM", "2300-0100", nameof(DicomTimeRange) },
        { "DT", "garbage!", nameof(DateTimeOffset) },
        { "DT", "garbage!", nameof(DicomDateTimeRange) },
        { "AS", "12Q ", nameof(DicomAge) },
    };

    [Theory]
    [MemberData(nameof(MalformedTextValues))]
    public void GetValues_MalformedTextValueInFile_ThrowsDicomExceptionNotFormatException(string vr, string value, string type)
    {
        var bytes = ExplicitElement(0x0008, 0x0020, vr, Encoding.ASCII.GetBytes(value.Length % 2 == 0 ? value : value + " "));
        var file = DicomFile.Open(new MemoryStream(bytes), Forced);
        var element = Assert.IsType<DicomElement>(file.Dataset[new DicomTag(0x0008, 0x0020)]);

        Action read = type switch
        {
            nameof(DateOnly) => () => element.GetValues<DateOnly>(),
            nameof(DicomDateRange) => () => element.GetValues<DicomDateRange>(),
            nameof(TimeOnly) => () => element.GetValues<TimeOnly>(),
            nameof(DicomTimeRange) => () => element.GetValues<DicomTimeRange>(),
            nameof(DateTimeOffset) => () => element.GetValues<DateTimeOffset>(),
            nameof(DicomDateTimeRange) => () => element.GetValues<DicomDateTimeRange>(),
            _ => () => element.GetValues<DicomAge>(),
        };
        var ex = Assert.Throws<DicomException>(read);
        Assert.IsType<FormatException>(ex.InnerException);
    }

    /// <summary>
    /// AFL input (9 bytes): (0040,E001) HL7 Instance Identifier (ST) without a VR, its value cut to one NUL. The element
    /// counted one value (single-valued VRs always counted 1) but its text, padding stripped, held none, so
    /// <c>GetSingleValueOrDefault</c> and <c>Get(0)</c> threw IndexOutOfRangeException.
    /// </summary>
    private const string PaddingOnlyTextInput = "QAAB4H8QAAAA";

    [Fact]
    public void GetSingleValueOrDefault_FuzzedPaddingOnlyTextValue_ReturnsDefaultNotIndexOutOfRange()
    {
        var ds = DicomFile.Open(new MemoryStream(Convert.FromBase64String(PaddingOnlyTextInput)), Forced).Dataset;
        var tag = new DicomTag(0x0040, 0xE001);
        var element = Assert.IsType<DicomElement>(ds[tag]);

        Assert.Equal(DicomVR.ST, element.VR);
        Assert.Equal(0, element.Count);
        Assert.Equal("fallback", ds.GetSingleValueOrDefault(tag, "fallback"));
        Assert.Throws<DicomException>(() => element.Get<string>(0));
    }

    [Theory]
    [InlineData("ST", "  ")]
    [InlineData("LT", "\0\0")]
    [InlineData("UT", "    ")]
    [InlineData("UC", "  ")]
    [InlineData("LO", "  ")]
    public void Count_PaddingOnlyTextValue_IsZeroAndAgreesWithGetStrings(string vr, string value)
    {
        var bytes = ExplicitElement(0x0008, 0x0080, vr, Encoding.ASCII.GetBytes(value));
        var element = Assert.IsType<DicomElement>(DicomFile.Open(new MemoryStream(bytes), Forced).Dataset[new DicomTag(0x0008, 0x0080)]);

        Assert.Equal(0, element.Count);
        Assert.Empty(element.GetStrings());
        Assert.Empty(element.GetValues<string>());
        Assert.Throws<DicomException>(() => element.Get<string>(0));
    }

    [Fact]
    public void Count_SingleValuedTextWithContent_IsOne()
    {
        var bytes = ExplicitElement(0x0008, 0x0080, "ST", "a\\b "u8.ToArray());
        var element = Assert.IsType<DicomElement>(DicomFile.Open(new MemoryStream(bytes), Forced).Dataset[new DicomTag(0x0008, 0x0080)]);

        Assert.Equal(1, element.Count);
        Assert.Equal("a\\b", element.Get<string>(0));
    }

    [Fact]
    public void TryGetValue_MalformedDateInFile_ReturnsFalse()
    {
        var ds = DicomFile.Open(new MemoryStream(ExplicitElement(0x0008, 0x0020, "DA", "2017XX01"u8.ToArray())), Forced).Dataset;

        Assert.False(ds.TryGetValue<DateOnly>(new DicomTag(0x0008, 0x0020), 0, out _));
        Assert.Equal(default(DateOnly), ds.GetSingleValueOrDefault(new DicomTag(0x0008, 0x0020), default(DateOnly)));
    }

    /// <summary>
    /// A deflated data set (PS3.5 §A.5) is read through a stream whose length is unknown, so a value length in the
    /// header could not be checked against the input: a 2 GiB − 64 KiB length in a tiny file allocated 2 GiB.
    /// </summary>
    [Fact]
    public void Open_DeflatedValueLengthPastEnd_DoesNotAllocateClaimedLength()
    {
        var dataset = BogusLengthDataset();
        var bytes = Part10(DicomTransferSyntax.Lookup("1.2.840.10008.1.2.1.99").Uid, Deflate(dataset));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var file = DicomFile.Open(new MemoryStream(bytes));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 16 << 20, $"opening a {bytes.Length}-byte file allocated {allocated:N0} bytes");
        Assert.True(file.IsPartial);
        var value = Assert.IsType<DicomElement>(file.Dataset[new DicomTag(0x0042, 0x0011)]);
        Assert.Equal(16, value.Length);
        Assert.Contains(file.Warnings, w => w.Message.Contains("the value was cut", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_DeflatedValueLengthPastEndStrict_ThrowsDicomFormatException()
    {
        var bytes = Part10("1.2.840.10008.1.2.1.99", Deflate(BogusLengthDataset()));

        var ex = Assert.Throws<DicomFormatException>(() => DicomFile.Open(new MemoryStream(bytes), new FileReadOptions { Strict = true }));
        Assert.Equal(new DicomTag(0x0042, 0x0011), ex.Tag);
    }

    /// <summary>The same bug through a stream that cannot seek (a socket, a pipe): its length is unknown too.</summary>
    [Fact]
    public void Open_NonSeekableValueLengthPastEnd_DoesNotAllocateClaimedLength()
    {
        var bytes = Part10(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, BogusLengthDataset());

        long before = GC.GetAllocatedBytesForCurrentThread();
        var file = DicomFile.Open(new ForwardOnlyStream(bytes));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 16 << 20, $"opening a {bytes.Length}-byte stream allocated {allocated:N0} bytes");
        Assert.True(file.IsPartial);
        Assert.Equal(16, Assert.IsType<DicomElement>(file.Dataset[new DicomTag(0x0042, 0x0011)]).Length);
    }

    /// <summary>A value longer than the first read chunk still arrives whole through a non-seekable stream.</summary>
    [Fact]
    public void Open_NonSeekableLargeValue_ReadsWholeValue()
    {
        var payload = new byte[3 << 20];
        new Random(7).NextBytes(payload);
        var bytes = Part10(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, ExplicitElement(0x0042, 0x0011, "OB", payload));

        var file = DicomFile.Open(new ForwardOnlyStream(bytes));

        Assert.False(file.IsPartial);
        var value = Assert.IsType<DicomElement>(file.Dataset[new DicomTag(0x0042, 0x0011)]);
        Assert.Equal(payload, value.Buffer.Memory.ToArray());
    }

    /// <summary>(0008,0060) Modality, then (0042,0011) Encapsulated Document OB claiming 0x7FFF0000 bytes but holding 16.</summary>
    private static byte[] BogusLengthDataset()
    {
        var ms = new MemoryStream();
        ms.Write(ExplicitElement(0x0008, 0x0060, "CS", "OT"u8.ToArray()));
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x0042);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 0x0011);
        header[4] = (byte)'O';
        header[5] = (byte)'B';
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), 0x7FFF0000);
        ms.Write(header);
        ms.Write(new byte[16]);
        return ms.ToArray();
    }

    /// <summary>One explicit VR little endian element (PS3.5 §7.1.2).</summary>
    private static byte[] ExplicitElement(ushort group, ushort element, string vr, byte[] value)
    {
        bool longForm = vr is "OB" or "OW" or "UN" or "UT" or "UC" or "UR" or "SQ";
        var header = new byte[longForm ? 12 : 8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), element);
        header[4] = (byte)vr[0];
        header[5] = (byte)vr[1];
        if (longForm) BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)value.Length);
        else BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), (ushort)value.Length);
        return [.. header, .. value];
    }

    /// <summary>Preamble, "DICM", (0002,0010) Transfer Syntax UID, then the data set bytes as given (PS3.10 §7.1).</summary>
    private static byte[] Part10(string transferSyntaxUid, byte[] dataset)
    {
        var uid = Encoding.ASCII.GetBytes(transferSyntaxUid.Length % 2 == 0 ? transferSyntaxUid : transferSyntaxUid + "\0");
        return [.. new byte[128], .. "DICM"u8, .. ExplicitElement(0x0002, 0x0010, "UI", uid), .. dataset];
    }

    private static byte[] Deflate(byte[] data)
    {
        var ms = new MemoryStream();
        using (var deflate = new DeflateStream(ms, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(data);
        return ms.ToArray();
    }

    /// <summary>A stream that reads forward only, like a socket: no length, no seeking.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data, writable: false);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
