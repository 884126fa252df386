using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.IO;
using static Imaging.Dicom.Imaging.Tests.Pixels.TestImages;

namespace Imaging.Dicom.Imaging.Tests.Pixels;

public sealed class PixelFormatTests
{
    [Fact]
    public void FromDataset_OptionalAttributesAbsent_DefaultsApplied()
    {
        var dataset = Image(2, 3, new byte[12], bits: 16, stored: 12);
        dataset.Remove(DicomTag.SamplesPerPixel, DicomTag.BitsStored, DicomTag.HighBit, DicomTag.PixelRepresentation);
        var format = PixelFormat.FromDataset(dataset);
        Assert.Equal((1, 16, 15, false, 1, 0), (format.SamplesPerPixel, format.BitsStored, format.HighBit, format.IsSigned, format.NumberOfFrames, format.PlanarConfiguration));
        Assert.Equal(SampleType.UInt16, format.SampleType);
        Assert.Equal(12, format.NativeFrameLength);
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("", 1)]
    [InlineData(" 7 ", 7)]
    public void FromDataset_NumberOfFrames_ZeroOrBlankMeansOne(string text, int expected)
    {
        var dataset = Image(1, 1, new byte[1]);
        dataset.AddOrUpdate(DicomTag.NumberOfFrames, text);
        Assert.Equal(expected, PixelFormat.FromDataset(dataset).NumberOfFrames);
    }

    [Fact]
    public void FromDataset_PhotometricInterpretationPadded_Trimmed()
    {
        var dataset = Image(1, 2, new byte[2], photometric: "MONOCHROME1 ");
        Assert.Equal("MONOCHROME1", PixelFormat.FromDataset(dataset).PhotometricInterpretation);
    }

    [Fact]
    public void FromDataset_NoPhotometricInterpretation_ThrowsNamingIt()
    {
        var dataset = Image(1, 1, new byte[1]);
        dataset.Remove(DicomTag.PhotometricInterpretation);
        var e = Assert.Throws<DicomException>(() => PixelFormat.FromDataset(dataset));
        Assert.Contains("Photometric Interpretation (0028,0004)", e.Message);
    }

    [Fact]
    public void FromDataset_BitsStoredAboveBitsAllocated_ThrowsNamingBothValues()
    {
        var e = Assert.Throws<DicomException>(() => PixelFormat.FromDataset(Image(1, 1, new byte[2], bits: 16, stored: 17, highBit: 16)));
        Assert.Contains("Bits Stored (0028,0101) 17", e.Message);
        Assert.Contains("Bits Allocated (0028,0100) 16", e.Message);
    }

    [Fact]
    public void FromDataset_NoRows_ThrowsNamingRows()
    {
        var dataset = Image(1, 1, new byte[1]);
        dataset.Remove(DicomTag.Rows);
        Assert.Contains("Rows (0028,0010)", Assert.Throws<DicomException>(() => PixelFormat.FromDataset(dataset)).Message);
    }

    [Fact]
    public void FromDataset_NumberOfFramesNotANumber_ThrowsNamingValue()
    {
        var dataset = Image(1, 1, new byte[1]);
        dataset.AddOrUpdate(DicomTag.NumberOfFrames, "1A");
        Assert.Contains("'1A'", Assert.Throws<DicomException>(() => PixelFormat.FromDataset(dataset)).Message);
    }

    [Fact]
    public void FromDataset_NoPixelData_ThrowsNamingAllThreeElements()
    {
        var dataset = Image(1, 1, new byte[1]);
        dataset.Remove(DicomTag.PixelData);
        var e = Assert.Throws<DicomException>(() => PixelFormat.FromDataset(dataset));
        Assert.Contains("(7FE0,0008)", e.Message);
        Assert.Contains("(7FE0,0009)", e.Message);
    }

    [Fact]
    public void FromDataset_FloatPixelDataWith64Bits_ThrowsNamingElement()
    {
        var dataset = Image(1, 1, new byte[8], bits: 64, pixelTag: DicomTag.FloatPixelData);
        Assert.Contains("Float Pixel Data (7FE0,0008)", Assert.Throws<DicomException>(() => PixelFormat.FromDataset(dataset)).Message);
    }

    [Theory]
    [InlineData(1, false, SampleType.UInt8)]
    [InlineData(8, true, SampleType.Int8)]
    [InlineData(16, false, SampleType.UInt16)]
    [InlineData(16, true, SampleType.Int16)]
    [InlineData(32, false, SampleType.UInt32)]
    [InlineData(32, true, SampleType.Int32)]
    public void SampleType_BitsAllocatedAndRepresentation_MatchesPydicomDtype(int bits, bool signed, SampleType expected) =>
        Assert.Equal(expected, PixelFormat.FromDataset(Image(1, 1, new byte[4], bits: bits, signed: signed)).SampleType);

    [Fact]
    public void NativeFrameLength_Ybr422_TwoSamplesPerPixel()
    {
        var format = PixelFormat.FromDataset(Image(2, 4, new byte[16], samples: 3, photometric: "YBR_FULL_422"));
        Assert.Equal(16, format.NativeFrameLength);
        Assert.Equal(24, format.SampleCount);
    }

    [Fact]
    public void NativeFrameLength_OneBit_PackedBits()
    {
        var dataset = Image(3, 3, new byte[2], bits: 1);
        Assert.Equal(2, PixelFormat.FromDataset(dataset).NativeFrameLength);
        dataset.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OB, DicomBuffer.Empty));
        Assert.Equal(9, PixelFormat.FromDataset(dataset).SampleCount);
    }
}
