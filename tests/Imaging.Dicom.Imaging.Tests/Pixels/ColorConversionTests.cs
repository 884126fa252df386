using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.IO;
using static Imaging.Dicom.Imaging.Tests.Pixels.TestImages;

namespace Imaging.Dicom.Imaging.Tests.Pixels;

/// <summary>
/// <see cref="Frame.ToRgb"/> against pydicom 2.3: <c>convert_color_space</c> for YBR_FULL / YBR_FULL_422 and
/// <c>apply_color_lut</c> for PALETTE COLOR (normal and segmented palettes), on files we write.
/// </summary>
public sealed class ColorConversionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixels-color-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ToRgb_YbrFullEveryLumaOnChromaGrid_EqualsConvertColorSpace()
    {
        // 256 Y × 32 Cb × 32 Cr (chroma every 8 levels, plus the extremes through 255 - i * 8).
        var pixels = new byte[512 * 512 * 3];
        int p = 0;
        for (int cb = 0; cb < 32; cb++)
            for (int cr = 0; cr < 32; cr++)
                for (int y = 0; y < 256; y++)
                {
                    pixels[p++] = (byte)y;
                    pixels[p++] = (byte)(cb % 2 == 0 ? cb * 8 : 255 - cb * 8);
                    pixels[p++] = (byte)(cr % 2 == 0 ? cr * 8 : 255 - cr * 8);
                }
        AssertSameAsPydicom(Image(512, 512, pixels, samples: 3, photometric: "YBR_FULL"), "ybr_full.dcm");
    }

    [Fact]
    public void ToRgb_YbrFull422_EqualsConvertColorSpace()
    {
        var random = new Random(422);
        var pixels = new byte[16 * 32 * 2];
        random.NextBytes(pixels);
        AssertSameAsPydicom(Image(16, 32, pixels, samples: 3, photometric: "YBR_FULL_422"), "ybr_full_422.dcm");
    }

    [Fact]
    public void ToRgb_Palette8BitEntriesFirstMapped10_EqualsApplyColorLut()
    {
        var pixels = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var dataset = Image(16, 16, pixels, photometric: "PALETTE COLOR");
        AddPalette(dataset, entries: 200, firstMapped: 10, bits: 8,
            [.. Enumerable.Range(0, 200).Select(i => (byte)i)], [.. Enumerable.Range(0, 200).Select(i => (byte)(255 - i))], [.. Enumerable.Range(0, 200).Select(i => (byte)(i * 7))]);
        var rgb = AssertSameAsPydicom(dataset, "palette8.dcm");
        Assert.Equal(SampleType.UInt8, rgb.SampleType);
        Assert.Equal(new byte[] { 0, 255, 0 }, rgb.GetSamples<byte>()[..3].ToArray());   // below the first mapped value: entry 0
        Assert.Equal(new byte[] { 199, 56, unchecked((byte)(199 * 7)) }, rgb.GetSamples<byte>()[^3..].ToArray()); // past the end: the last entry
    }

    [Fact]
    public void ToRgb_Palette16BitEntriesAll65536_EqualsApplyColorLut()
    {
        var pixels = Words([.. Enumerable.Range(0, 1024).Select(i => i * 64 + i % 64)]);
        var dataset = Image(32, 32, pixels, bits: 16, photometric: "PALETTE COLOR");
        var red = Words([.. Enumerable.Range(0, 65536).Select(i => i)]);
        var green = Words([.. Enumerable.Range(0, 65536).Select(i => 65535 - i)]);
        var blue = Words([.. Enumerable.Range(0, 65536).Select(i => (i * 31) & 0xFFFF)]);
        AddPalette(dataset, entries: 0, firstMapped: 0, bits: 16, red, green, blue);
        Assert.Equal(SampleType.UInt16, AssertSameAsPydicom(dataset, "palette16.dcm").SampleType);
    }

    [Fact]
    public void ToRgb_PaletteSignedPixelsNegativeFirstMapped_EqualsApplyColorLut()
    {
        var pixels = Words([.. Enumerable.Range(-50, 100)]);
        var dataset = Image(10, 10, pixels, bits: 16, signed: true, photometric: "PALETTE COLOR");
        var lut = Words([.. Enumerable.Range(0, 64).Select(i => i * 1000)]);
        AddPalette(dataset, entries: 64, firstMapped: -20, bits: 16, lut, lut, lut, signedDescriptor: true);
        var rgb = AssertSameAsPydicom(dataset, "palette_signed.dcm");
        Assert.Equal(0, rgb.GetValue(0, 0));
        Assert.Equal(1000, rgb.GetValue(3, 1));   // pixel -50 + 31 = -19 → entry 1
    }

    [Fact]
    public void ToRgb_SegmentedPalette16Bit_EqualsApplyColorLut()
    {
        // Discrete 0..3, linear to 60000 over 100, discrete, indirect (replays the first two segments), linear down.
        int[] segments =
        [
            0, 4, 0, 100, 200, 300,
            1, 100, 60000,
            0, 2, 5, 7,
            2, 2, 0, 0,
            1, 50, 3,
        ];
        var pixels = Words([.. Enumerable.Range(0, 400)]);
        var dataset = Image(20, 20, pixels, bits: 16, photometric: "PALETTE COLOR");
        AddSegmentedPalette(dataset, entries: 260, bits: 16, Words(segments));
        AssertSameAsPydicom(dataset, "segmented16.dcm");
    }

    [Fact]
    public void ToRgb_SegmentedPalette8Bit_EqualsApplyColorLut()
    {
        byte[] segments = [0, 3, 0, 50, 100, 1, 20, 255, 0, 1, 9, 2, 1, 0, 0, 0, 0, 1, 7, 30];
        var pixels = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var dataset = Image(8, 8, pixels, photometric: "PALETTE COLOR");
        AddSegmentedPalette(dataset, entries: 34, bits: 8, segments);
        Assert.Equal(SampleType.UInt8, AssertSameAsPydicom(dataset, "segmented8.dcm").SampleType);
    }

    [Fact]
    public void ToRgb_LinearSegmentFirst_ThrowsNamingPalette()
    {
        var dataset = Image(1, 1, [0], photometric: "PALETTE COLOR");
        AddSegmentedPalette(dataset, entries: 4, bits: 16, Words(1, 4, 100));
        var e = Assert.Throws<DicomException>(() => PixelData.Open(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).GetFrame(0).ToRgb(dataset));
        Assert.Contains("Segmented Red Palette Color Lookup Table Data", e.Message);
    }

    [Fact]
    public void ToRgb_Monochrome_Throws()
    {
        var dataset = Image(1, 1, [0]);
        Assert.Throws<DicomException>(() => PixelData.Open(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).GetFrame(0).ToRgb(dataset));
    }

    [Fact]
    public void ToRgb_Rgb_ReturnsSameFrame()
    {
        var frame = PixelData.Open(Image(1, 1, [1, 2, 3], samples: 3, photometric: "RGB"), DicomTransferSyntax.ExplicitVRLittleEndian).GetFrame(0);
        Assert.Same(frame, frame.ToRgb());
    }

    private Frame AssertSameAsPydicom(DicomDataset dataset, string name)
    {
        var path = Save(dataset, _folder, name);
        var dicom = DicomFile.Open(path);
        var rgb = PixelData.Open(dicom).GetFrame(0).ToRgb(dicom.Dataset);
        var (dtype, bytes) = PixelArrayOracle.Rgb(path);
        Assert.Equal(dtype, PydicomPixelArrayTests.DType(rgb.SampleType));
        var ours = PydicomPixelArrayTests.Bytes(rgb.Samples);
        Assert.Equal(bytes.Length, ours.Length);
        int same = bytes.AsSpan().CommonPrefixLength(ours);
        Assert.True(same == bytes.Length, $"{name}: first difference at byte {same}: pydicom {(same < bytes.Length ? bytes[same] : -1)}, ours {(same < ours.Length ? ours[same] : -1)}");
        return rgb;
    }

    [Fact]
    public void ToRgb_Palette8BitDescriptorWithWordEntries_ReadsLowBytesAsEightBit()
    {
        // PS3.3 C.7.6.3.1.5: descriptor 8 bits, data one 16-bit word per entry holding 0..255 (as dcmtk reads it).
        var pixels = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var dataset = Image(16, 16, pixels, photometric: "PALETTE COLOR");
        var words = TestImages.Words([.. Enumerable.Range(0, 256)]);
        AddPalette(dataset, entries: 256, firstMapped: 0, bits: 8, words, words, words);

        var rgb = PixelData.Open(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).GetFrame(0).ToRgb(dataset);

        Assert.Equal(SampleType.UInt8, rgb.SampleType);
        Assert.Equal(new byte[] { 200, 200, 200 }, rgb.GetSamples<byte>().Slice(200 * 3, 3).ToArray());
    }

    private static void AddPalette(DicomDataset dataset, int entries, int firstMapped, int bits, byte[] red, byte[] green, byte[] blue, bool signedDescriptor = false)
    {
        DicomTag[] descriptors = [DicomTag.RedPaletteColorLookupTableDescriptor, DicomTag.GreenPaletteColorLookupTableDescriptor, DicomTag.BluePaletteColorLookupTableDescriptor];
        foreach (var tag in descriptors)
        {
            if (signedDescriptor) dataset.AddOrUpdate(DicomVR.SS, tag, (short)entries, (short)firstMapped, (short)bits);
            else dataset.AddOrUpdate(DicomVR.US, tag, (ushort)entries, (ushort)firstMapped, (ushort)bits);
        }
        dataset.AddOrUpdate(new DicomElement(DicomTag.RedPaletteColorLookupTableData, DicomVR.OW, DicomBuffer.FromMemory(red)));
        dataset.AddOrUpdate(new DicomElement(DicomTag.GreenPaletteColorLookupTableData, DicomVR.OW, DicomBuffer.FromMemory(green)));
        dataset.AddOrUpdate(new DicomElement(DicomTag.BluePaletteColorLookupTableData, DicomVR.OW, DicomBuffer.FromMemory(blue)));
    }

    private static void AddSegmentedPalette(DicomDataset dataset, int entries, int bits, byte[] segments)
    {
        foreach (var tag in new[] { DicomTag.RedPaletteColorLookupTableDescriptor, DicomTag.GreenPaletteColorLookupTableDescriptor, DicomTag.BluePaletteColorLookupTableDescriptor })
            dataset.AddOrUpdate(DicomVR.US, tag, (ushort)entries, (ushort)0, (ushort)bits);
        foreach (var tag in new[] { DicomTag.SegmentedRedPaletteColorLookupTableData, DicomTag.SegmentedGreenPaletteColorLookupTableData, DicomTag.SegmentedBluePaletteColorLookupTableData })
            dataset.AddOrUpdate(new DicomElement(tag, DicomVR.OW, DicomBuffer.FromMemory(segments)));
    }
}
