using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Imaging.Dicom.IO;
using Imaging.Dicom.Tests.Oracles;

namespace Imaging.Dicom.Tests.IO;

/// <summary>
/// Native Pixel Data under the retired Explicit VR Big Endian transfer syntax (PS3.5 2016b §A.3). PS3.5 §8.1.1: a pixel
/// cell that crosses a word boundary "shall continue to be encoded, least significant bit to most significant bit, in the
/// next word", and "for Pixel Data encoded with the Value Representation OW, the byte ordering of the resulting 2-byte
/// words is defined by the ... Big Endian Transfer Syntax". So OW is swapped in 16-bit words whatever Bits Allocated is:
/// a 32-bit cell 0x04050607 is the words 0x0607, 0x0405 and is stored 06 07 04 05, not 04 05 06 07.
/// dcmtk (dcmconv +tb/+te) and GDCM (gdcmconv --raw) do exactly that, and so do our reader and writer.
/// pydicom 2.3.1 does not: it keeps 8-bit OW bytes unswapped (its bug #1680, fixed in pydicom 2.4 by PR #1687, which
/// swaps 8-bit OW in words as dcmtk does) and reads 32/64-bit OW as whole big endian values ('&gt;u4'), which disagrees
/// with §8.1.1, dcmtk and GDCM. These tests pin the standard's layout with dcmtk and GDCM as the oracles, and use
/// pydicom only where every toolkit agrees (16-bit OW, and OF/OD/OL/OV whose unit is the value size).
/// Regression for the report "32-bit OW Pixel Data is written with 16-bit swaps": that is correct, not a bug.
/// </summary>
public sealed class BigEndianPixelDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("endian-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<int> BitsAllocated => new() { 8, 16, 32, 64 };

    [Theory]
    [MemberData(nameof(BitsAllocated))]
    public async Task Open_DcmtkBigEndianOW_PixelDataEqualsLittleEndianSource(int bits)
    {
        var source = Cells(bits);
        string little = WritePydicomLittleEndian(bits, source);
        string big = Path.Combine(_dir, "dcmtk-be.dcm");
        await RunAsync("dcmconv", "+tb", little, big);

        var file = DicomFile.Open(big);
        var deferred = DicomFile.Open(big, new FileReadOptions { DeferValuesLongerThan = 0 });

        Assert.Equal(DicomTransferSyntax.ExplicitVRBigEndian, file.TransferSyntax);
        Assert.Equal(DicomVR.OW, PixelData(file).VR);
        Assert.Equal(source, PixelData(file).Buffer.Memory.ToArray());
        Assert.Equal(source, PixelData(deferred).Buffer.Memory.ToArray());
    }

    [Theory]
    [MemberData(nameof(BitsAllocated))]
    public async Task Save_BigEndianOW_SameBytesAsDcmtkAndBothToolkitsReadSource(int bits)
    {
        var source = Cells(bits);
        string little = WritePydicomLittleEndian(bits, source);
        string ours = Path.Combine(_dir, "ours-be.dcm");
        string dcmtk = Path.Combine(_dir, "dcmtk-be.dcm");
        DicomFile.Open(little).Save(ours, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.ExplicitVRBigEndian });
        await RunAsync("dcmconv", "+tb", little, dcmtk);
        string backByDcmtk = Path.Combine(_dir, "dcmtk-le.dcm");
        string backByGdcm = Path.Combine(_dir, "gdcm-le.dcm");
        await RunAsync("dcmconv", "+te", ours, backByDcmtk);
        // GDCM has no 64-bit integer pixel format, so it is the oracle up to 32 bits.
        if (bits <= 32) await RunAsync("gdcmconv", "--raw", "-i", ours, "-o", backByGdcm);

        // Pixel Data is the last element of both files, so its value is the files' last bytes.
        Assert.Equal(File.ReadAllBytes(dcmtk)[^source.Length..], File.ReadAllBytes(ours)[^source.Length..]);
        Assert.Equal(Convert.ToHexString(source), PydicomPixelDataHex(backByDcmtk, "PixelData"));
        if (bits <= 32) Assert.Equal(Convert.ToHexString(source), PydicomPixelDataHex(backByGdcm, "PixelData"));
    }

    [Fact]
    public void Save_BigEndianOW32_StoresEachCellAsTwoBigEndianWordsLowWordFirst()
    {
        // PS3.5 §8.1.1: 0x04050607 fills the word 0x0607 then the word 0x0405; each word is big endian.
        var ds = Image(32, BitConverter.GetBytes(0x04050607u).Concat(BitConverter.GetBytes(0xA1B2C3D4u)).ToArray());
        var ms = new MemoryStream();

        new DicomFile(ds).Save(ms, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.ExplicitVRBigEndian });
        ms.Position = 0;
        var back = DicomFile.Open(ms);

        Assert.Equal(new byte[] { 0x06, 0x07, 0x04, 0x05, 0xC3, 0xD4, 0xA1, 0xB2 }, ms.ToArray()[^8..]);
        var model = PixelData(back).Buffer.Memory.ToArray();
        Assert.Equal(0x04050607u, BinaryPrimitives.ReadUInt32LittleEndian(model));
        Assert.Equal(0xA1B2C3D4u, BinaryPrimitives.ReadUInt32LittleEndian(model.AsSpan(4)));
    }

    [Fact]
    public void Save_BigEndianOB8_WritesBytesUnswapped()
    {
        // PS3.5 §8.1.1 note: OB is unaffected by byte ordering.
        var ds = Image(8, [1, 2, 3, 4]);
        ds.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OB, DicomBuffer.FromMemory(new byte[] { 1, 2, 3, 4 })));
        var ms = new MemoryStream();

        new DicomFile(ds).Save(ms, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.ExplicitVRBigEndian });
        ms.Position = 0;

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, ms.ToArray()[^4..]);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, PixelData(DicomFile.Open(ms)).Buffer.Memory.ToArray());
    }

    [Fact]
    public void Save_BigEndianOW16_PydicomPixelArrayEqualsValues()
    {
        ushort[] values = [0x0102, 0x8081, 0xFFFE, 0x1234];
        var bytes = values.SelectMany(BitConverter.GetBytes).ToArray();
        string path = Path.Combine(_dir, "ours-be16.dcm");

        new DicomFile(Image(16, bytes)).Save(path, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.ExplicitVRBigEndian });
        var answer = PythonOracle.Run("""
            import sys, pydicom
            ds = pydicom.dcmread(sys.stdin.read())
            print(ds.file_meta.TransferSyntaxUID, ' '.join(str(int(v)) for v in ds.pixel_array.ravel()))
            """, path).Trim();

        Assert.Equal("1.2.840.10008.1.2.2 " + string.Join(' ', values), answer);
    }

    [Fact]
    public async Task Open_DcmtkBigEndianOtherVRs_SwapsByValueSize()
    {
        // OF and OD (Float/Double Float Pixel Data), OL and OV: the unit is the value, 4 or 8 bytes (PS3.5 §7.3, §6.2).
        var ds = OtherVRs();
        string little = Path.Combine(_dir, "ours-le.dcm");
        string big = Path.Combine(_dir, "dcmtk-be.dcm");
        new DicomFile(ds).Save(little, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.ExplicitVRLittleEndian });
        await RunAsync("dcmconv", "+tb", little, big);

        var back = DicomFile.Open(big).Dataset;

        Assert.Equal(DicomTransferSyntax.ExplicitVRBigEndian, DicomFile.Open(big).TransferSyntax);
        AssertSameOtherVRs(ds, back);
    }

    [Fact]
    public async Task Save_BigEndianOtherVRs_DcmtkAndPydicomReadValues()
    {
        var ds = OtherVRs();
        string big = Path.Combine(_dir, "ours-be.dcm");
        string little = Path.Combine(_dir, "dcmtk-le.dcm");
        new DicomFile(ds).Save(big, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.ExplicitVRBigEndian });
        await RunAsync("dcmconv", "+te", big, little);

        AssertSameOtherVRs(ds, DicomFile.Open(little).Dataset);
        var answer = PythonOracle.Run("""
            import sys, struct, pydicom
            ds = pydicom.dcmread(sys.stdin.read())
            print(ds.file_meta.TransferSyntaxUID)
            print(' '.join(repr(v) for v in struct.unpack('>4f', ds.FloatPixelData)))
            print(' '.join(repr(v) for v in struct.unpack('>4d', ds.DoubleFloatPixelData)))
            print(' '.join(hex(v) for v in struct.unpack('>2L', ds.SelectorOLValue)))
            print(' '.join(hex(v) for v in struct.unpack('>2Q', ds.SelectorOVValue)))
            """, big).Trim().Split('\n');

        Assert.Equal(
            ["1.2.840.10008.1.2.2", "1.5 -2.25 30000001024.0 4.125", "1.5 -2.25 3e+100 4.125",
             "0x1020304 0xa0b0c0d0", "0x102030405060708 0xf0e0d0c0b0a09080"],
            answer);
    }

    private static DicomDataset OtherVRs()
    {
        var ds = Image(32, []);
        ds.Remove(DicomTag.PixelData);
        ds.AddOrUpdate(DicomVR.OF, DicomTag.FloatPixelData, 1.5f, -2.25f, 3.0e10f, 4.125f);
        ds.AddOrUpdate(DicomVR.OD, DicomTag.DoubleFloatPixelData, 1.5, -2.25, 3.0e100, 4.125);
        ds.AddOrUpdate(DicomVR.OL, DicomTag.SelectorOLValue, 0x01020304u, 0xA0B0C0D0u);
        ds.AddOrUpdate(DicomVR.OV, DicomTag.SelectorOVValue, 0x0102030405060708UL, 0xF0E0D0C0B0A09080UL);
        return ds;
    }

    private static void AssertSameOtherVRs(DicomDataset expected, DicomDataset actual)
    {
        foreach (var tag in new[] { DicomTag.FloatPixelData, DicomTag.DoubleFloatPixelData, DicomTag.SelectorOLValue, DicomTag.SelectorOVValue })
        {
            var e = Assert.IsType<DicomElement>(expected[tag]);
            var a = Assert.IsType<DicomElement>(actual[tag]);
            Assert.Equal(e.VR, a.VR);
            Assert.Equal(e.Buffer.Memory.ToArray(), a.Buffer.Memory.ToArray());
        }
    }

    /// <summary>Four 2×2 cells of <paramref name="bits"/> bits, little endian, every byte distinct (so a wrong swap shows).</summary>
    private static byte[] Cells(int bits) =>
        [.. Enumerable.Range(0, 4 * bits / 8).Select(i => (byte)(0x10 * (i / (bits / 8)) + i % (bits / 8) + 1))];

    private static DicomDataset Image(int bits, byte[] pixels)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, "1.2.3.4.5");
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.Rows, (ushort)2);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)(pixels.Length == 0 ? 2 : pixels.Length * 8 / bits / 2));
        ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)bits);
        ds.AddOrUpdate(DicomTag.BitsStored, (ushort)bits);
        ds.AddOrUpdate(DicomTag.HighBit, (ushort)(bits - 1));
        ds.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)0);
        ds.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OW, DicomBuffer.FromMemory(pixels)));
        return ds;
    }

    private static DicomElement PixelData(DicomFile file) => Assert.IsType<DicomElement>(file.Dataset[DicomTag.PixelData]);

    /// <summary>A 2×2 Explicit VR Little Endian image with OW Pixel Data, written by pydicom (an independent writer).</summary>
    private string WritePydicomLittleEndian(int bits, byte[] pixels)
    {
        string path = Path.Combine(_dir, "pydicom-le.dcm");
        PythonOracle.Run("""
            import sys
            from pydicom.dataset import Dataset, FileMetaDataset
            from pydicom.uid import ExplicitVRLittleEndian
            bits, path, data = sys.stdin.read().split()
            bits = int(bits)
            fm = FileMetaDataset()
            fm.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.7'
            fm.MediaStorageSOPInstanceUID = '1.2.3.4.5'
            fm.TransferSyntaxUID = ExplicitVRLittleEndian
            ds = Dataset()
            ds.file_meta = fm
            ds.SOPClassUID = fm.MediaStorageSOPClassUID
            ds.SOPInstanceUID = fm.MediaStorageSOPInstanceUID
            ds.Rows = 2; ds.Columns = 2; ds.SamplesPerPixel = 1; ds.PhotometricInterpretation = 'MONOCHROME2'
            ds.BitsAllocated = bits; ds.BitsStored = bits; ds.HighBit = bits - 1; ds.PixelRepresentation = 0
            ds.PixelData = bytes.fromhex(data)
            ds['PixelData'].VR = 'OW'
            ds.is_little_endian = True; ds.is_implicit_VR = False
            ds.save_as(path, write_like_original=False)
            """, string.Create(CultureInfo.InvariantCulture, $"{bits} {path} {Convert.ToHexString(pixels)}"));
        return path;
    }

    /// <summary>The raw value of a pixel data element as pydicom reads it from a little endian file (no ambiguity there).</summary>
    private static string PydicomPixelDataHex(string path, string keyword) =>
        PythonOracle.Run("""
            import sys, pydicom
            path, keyword = sys.stdin.read().split()
            ds = pydicom.dcmread(path)
            assert ds.file_meta.TransferSyntaxUID == '1.2.840.10008.1.2.1', ds.file_meta.TransferSyntaxUID
            print(getattr(ds, keyword).hex().upper())
            """, $"{path} {keyword}").Trim();

    private static async Task RunAsync(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        string output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}");
    }
}
