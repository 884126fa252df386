using Imaging.Dicom.Imaging.Codecs;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.IO;
using static Imaging.Dicom.Imaging.Tests.Pixels.TestImages;

namespace Imaging.Dicom.Imaging.Tests.Pixels;

/// <summary>The odd cases of native frame access, on small hand-built data sets.</summary>
public sealed class PixelDataTests
{
    private static readonly DicomTransferSyntax Little = DicomTransferSyntax.ExplicitVRLittleEndian;
    private static readonly DicomTransferSyntax Big = DicomTransferSyntax.ExplicitVRBigEndian;

    [Fact]
    public void GetFrame_OneBitMultiFrameNotByteAligned_EachFrameStartsAtItsBit()
    {
        // 3 frames of 3×3 = 27 bits, least significant bit first; frame 1 starts at bit 9, frame 2 at bit 18.
        var bits = Enumerable.Range(0, 27).Select(i => (byte)((i * 7 + i / 5) % 3 == 0 ? 1 : 0)).ToArray();
        var packed = new byte[4];
        for (int i = 0; i < bits.Length; i++) packed[i / 8] |= (byte)(bits[i] << (i % 8));
        var pixels = PixelData.Open(Image(3, 3, packed, bits: 1, frames: 3), Little);
        for (int f = 0; f < 3; f++)
        {
            Assert.Equal(bits[(f * 9)..(f * 9 + 9)], pixels.GetFrame(f).GetSamples<byte>().ToArray());
            var native = pixels.GetNativeFrameBytes(f);
            Assert.Equal(2, native.Length);
            for (int i = 0; i < 9; i++) Assert.Equal(bits[f * 9 + i], (native[i / 8] >> (i % 8)) & 1);
        }
    }

    [Fact]
    public void GetFrame_PlanarConfiguration1_InterleavedColorByPixel()
    {
        byte[] planes = [1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24];
        var frame = PixelData.Open(Image(2, 2, planes, samples: 3, photometric: "RGB", planar: 1), Little).GetFrame(0);
        Assert.Equal(new byte[] { 1, 11, 21, 2, 12, 22, 3, 13, 23, 4, 14, 24 }, frame.GetSamples<byte>().ToArray());
        Assert.Equal(22, frame.GetValue(0, 1, 2));
    }

    [Fact]
    public void GetFrame_PlanarConfiguration1SixteenBit_InterleavedColorByPixel()
    {
        var frame = PixelData.Open(Image(1, 2, Words(1000, 2000, 3000, 4000, 5000, 6000), bits: 16, samples: 3, photometric: "RGB", planar: 1), Little).GetFrame(0);
        Assert.Equal(new ushort[] { 1000, 3000, 5000, 2000, 4000, 6000 }, frame.GetSamples<ushort>().ToArray());
    }

    [Fact]
    public void GetFrame_BigEndianThirtyTwoBitInOW_SamplesSwappedWhole()
    {
        // The file holds 01 02 03 04 A0 B0 C0 D0 (two big endian 32-bit samples); reading OW swapped each 16-bit word.
        byte[] asRead = [0x02, 0x01, 0x04, 0x03, 0xB0, 0xA0, 0xD0, 0xC0];
        var frame = PixelData.Open(Image(1, 2, asRead, bits: 32, vr: DicomVR.OW), Big).GetFrame(0);
        Assert.Equal(new uint[] { 0x01020304, 0xA0B0C0D0 }, frame.GetSamples<uint>().ToArray());
    }

    [Fact]
    public void GetFrame_BigEndianSixteenBitInOB_SamplesSwapped()
    {
        byte[] fileBytes = [0x01, 0x02, 0xFF, 0xFE];
        var frame = PixelData.Open(Image(1, 2, fileBytes, bits: 16, signed: true, vr: DicomVR.OB), Big).GetFrame(0);
        Assert.Equal(new short[] { 0x0102, -2 }, frame.GetSamples<short>().ToArray());
    }

    [Fact]
    public void GetFrame_BigEndianEightBitInOW_WordsInPixelOrder()
    {
        // Pixels 1, 2, 3 packed in 16-bit words are stored 02 01 00 03 big endian; the reader's word swap gives 01 02 03 00
        // (PS3.5 §8.1.1; pydicom 2.3 would return the file's byte order, pydicom 3 and dcmtk this).
        var frame = PixelData.Open(Image(1, 3, [1, 2, 3, 0], vr: DicomVR.OW), Big).GetFrame(0);
        Assert.Equal(new byte[] { 1, 2, 3 }, frame.GetSamples<byte>().ToArray());
    }

    [Fact]
    public void GetFrame_BigEndianSixteenBitInOW_AsRead()
    {
        var frame = PixelData.Open(Image(1, 2, Words(0x1234, 0xABCD), bits: 16), Big).GetFrame(0);
        Assert.Equal(new ushort[] { 0x1234, 0xABCD }, frame.GetSamples<ushort>().ToArray());
    }

    [Fact]
    public void GetFrame_BigEndianFileWrittenAndRead_SameAsLittleEndian()
    {
        var folder = Directory.CreateTempSubdirectory("pixels-be-").FullName;
        try
        {
            var values = Enumerable.Range(0, 64).Select(i => i * 997 - 30000).ToArray();
            var dataset = Image(8, 8, Words(values), bits: 16, signed: true);
            var path = Save(dataset, folder, "be.dcm", Big);
            var frame = PixelData.Open(DicomFile.Open(path)).GetFrame(0);
            Assert.Equal(values.Select(v => (short)v).ToArray(), frame.GetSamples<short>().ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void GetFrame_Signed12BitIn16WithBitsAbove_MaskedAndSignExtended()
    {
        // 64 samples so the vectorised path runs; bits 12–15 hold garbage (an overlay, say).
        int[] stored = [0x0FFF, 0x0800, 0x07FF, 0x0000, 0xA123, 0x5FFF, 0xF800, 0x1001];
        short[] expected = [-1, -2048, 2047, 0, 0x123, -1, -2048, 1];
        var raw = Enumerable.Range(0, 64).Select(i => stored[i % 8]).ToArray();
        var pixels = PixelData.Open(Image(8, 8, Words(raw), bits: 16, stored: 12, signed: true), Little);
        var want = Enumerable.Range(0, 64).Select(i => expected[i % 8]).ToArray();
        Assert.Equal(want, pixels.GetFrame(0).GetSamples<short>().ToArray());
        var copy = new short[64];
        pixels.CopyFrame<short>(0, copy);
        Assert.Equal(want, copy);
    }

    [Fact]
    public void GetFrame_Unsigned12BitIn16WithBitsAbove_Masked()
    {
        var raw = Enumerable.Range(0, 40).Select(i => 0xF000 | (i * 100)).ToArray();
        var frame = PixelData.Open(Image(5, 8, Words(raw), bits: 16, stored: 12), Little).GetFrame(0);
        Assert.Equal(raw.Select(v => (ushort)(v & 0x0FFF)).ToArray(), frame.GetSamples<ushort>().ToArray());
    }

    [Fact]
    public void GetFrame_HighBitBelowTop_ShiftedDown()
    {
        // Bits Stored 12, High Bit 15: the value sits in bits 4–15 (an old layout, PS3.5 §8.1.1).
        var frame = PixelData.Open(Image(1, 2, Words(0xFFF0, 0x1235), bits: 16, stored: 12, highBit: 15), Little).GetFrame(0);
        Assert.Equal(new ushort[] { 0xFFF, 0x123 }, frame.GetSamples<ushort>().ToArray());
    }

    [Fact]
    public void GetFrame_Signed32Bit_Int32Samples()
    {
        byte[] bytes = [.. BitConverter.GetBytes(-123456789), .. BitConverter.GetBytes(int.MaxValue)];
        var frame = PixelData.Open(Image(1, 2, bytes, bits: 32, signed: true), Little).GetFrame(0);
        Assert.Equal(new[] { -123456789, int.MaxValue }, frame.GetSamples<int>().ToArray());
        Assert.Equal(-123456789d, frame.GetValue(0, 0));
    }

    [Fact]
    public void GetFrame_FloatPixelData_Float32Samples()
    {
        float[] values = [1.5f, -2.25f, float.MaxValue, 0f];
        var bytes = values.SelectMany(BitConverter.GetBytes).ToArray();
        var frame = PixelData.Open(Image(2, 2, bytes, bits: 32, pixelTag: DicomTag.FloatPixelData), Little).GetFrame(0);
        Assert.Equal(SampleType.Float32, frame.SampleType);
        Assert.Equal(values, frame.GetSamples<float>().ToArray());
        Assert.Equal(values.Select(v => (double)v).ToArray(), frame.ToDoubles());
    }

    [Fact]
    public void GetFrame_DoubleFloatPixelData_Float64Samples()
    {
        double[] values = [Math.PI, -1e300];
        var bytes = values.SelectMany(BitConverter.GetBytes).ToArray();
        var frame = PixelData.Open(Image(1, 2, bytes, bits: 64, pixelTag: DicomTag.DoubleFloatPixelData), Little).GetFrame(0);
        Assert.Equal(values, frame.GetSamples<double>().ToArray());
    }

    [Fact]
    public void GetFrame_NativeYbrFull422_ChromaRepeatedForBothPixels()
    {
        byte[] pairs = [10, 20, 100, 200, 30, 40, 101, 201];
        var frame = PixelData.Open(Image(1, 4, pairs, samples: 3, photometric: "YBR_FULL_422"), Little).GetFrame(0);
        Assert.Equal(new byte[] { 10, 100, 200, 20, 100, 200, 30, 101, 201, 40, 101, 201 }, frame.GetSamples<byte>().ToArray());
        Assert.Equal(3, frame.SamplesPerPixel);
    }

    [Fact]
    public void GetFrame_PixelDataLongerThanNeeded_PaddingIgnored()
    {
        var frame = PixelData.Open(Image(1, 3, [1, 2, 3, 0, 99, 99]), Little).GetFrame(0);
        Assert.Equal(new byte[] { 1, 2, 3 }, frame.GetSamples<byte>().ToArray());
    }

    [Fact]
    public void GetFrame_TruncatedNative_MessageNamesFrameAndLength()
    {
        var pixels = PixelData.Open(Image(2, 2, new byte[8 + 7], bits: 16, frames: 2), Little);
        Assert.Equal(4, pixels.GetFrame(0).GetSamples<ushort>().Length);
        var e = Assert.Throws<DicomException>(() => pixels.GetFrame(1));
        Assert.Contains("frame 2 of 2 is truncated", e.Message);
        Assert.Contains("15 bytes", e.Message);
    }

    [Fact]
    public void GetFrame_NoSuchFrame_ArgumentOutOfRange()
    {
        var pixels = PixelData.Open(Image(1, 1, [0]), Little);
        Assert.Throws<ArgumentOutOfRangeException>(() => pixels.GetFrame(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => pixels.GetFrame(-1));
    }

    [Fact]
    public void GetFrame_EncapsulatedWithoutCodec_MessageNamesTransferSyntaxAndPlugin()
    {
        var dataset = Image(1, 1, [0]);
        dataset.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.FromMemory(new byte[] { 0xFF, 0x4F, 0xFF, 0x51 })]));
        var pixels = PixelData.Open(dataset, DicomTransferSyntax.JPEG2000Lossless);
        var e = Assert.Throws<DicomException>(() => pixels.GetFrame(0));
        Assert.Contains("no codec for JPEG 2000", e.Message);
        Assert.Contains("[1.2.840.10008.1.2.4.90]", e.Message);
        Assert.Contains("install a codec plugin", e.Message);
    }

    [Fact]
    public void CopyFrame_WrongElementType_ThrowsNamingBoth()
    {
        var pixels = PixelData.Open(Image(1, 2, Words(1, 2), bits: 16, signed: true), Little);
        var e = Assert.Throws<ArgumentException>(() => pixels.CopyFrame<ushort>(0, new ushort[2]));
        Assert.Contains("Int16", e.Message);
        Assert.Contains("UInt16", e.Message);
    }

    [Fact]
    public void CopyFrame_DestinationTooShort_Throws()
    {
        var pixels = PixelData.Open(Image(1, 2, Words(1, 2), bits: 16), Little);
        Assert.Throws<ArgumentException>(() => pixels.CopyFrame<ushort>(0, new ushort[1]));
    }

    [Fact]
    public void GetSamples_WrongType_ThrowsNamingBoth()
    {
        var frame = PixelData.Open(Image(1, 2, Words(1, 2), bits: 16, signed: true), Little).GetFrame(0);
        var e = Assert.Throws<InvalidOperationException>(() => frame.GetSamples<ushort>().Length);
        Assert.Contains("Int16", e.Message);
    }

    [Fact]
    public void GetFrame_Signed8Bit_SByteSamples()
    {
        var frame = PixelData.Open(Image(1, 2, [0xFF, 0x7F], signed: true), Little).GetFrame(0);
        Assert.Equal(new sbyte[] { -1, 127 }, frame.GetSamples<sbyte>().ToArray());
        Assert.Equal(-1d, frame.GetValue(0, 0));
    }

    [Fact]
    public void GetFrame_Rle_DecodedThroughDefaultRegistry()
    {
        var values = Enumerable.Range(0, 24).Select(i => i * 1000 - 9000).ToArray();
        var dataset = Image(2, 4, Words(values), bits: 16, signed: true, samples: 3, photometric: "RGB", planar: 1);
        var native = PixelData.Open(dataset, Little);
        var rle = PixelCodecRegistry.Default.Codecs.Single(c => c.TransferSyntaxUids.Contains(DicomTransferSyntax.RLELossless.Uid));
        var encoded = rle.Encode(native.GetNativeFrameBytes(0), native.Format, DicomTransferSyntax.RLELossless);
        dataset.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.FromMemory(encoded)]));
        var decoded = PixelData.Open(dataset, DicomTransferSyntax.RLELossless);
        Assert.True(decoded.IsEncapsulated);
        Assert.Equal(native.GetFrame(0).GetSamples<short>().ToArray(), decoded.GetFrame(0).GetSamples<short>().ToArray());
    }
}
