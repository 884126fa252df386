using Imaging.Dicom;
using Imaging.Plugins.Filters.Crop;
using Imaging.Plugins.Filters.Resample;
using Imaging.Plugins.Filters.Threshold;
using Imaging.Plugins.Filters.Window;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters.Frames;

/// <summary>The instance (frame) filters threshold, window, crop and resample: values, header updates and argument errors.</summary>
public sealed class FrameFilterTests
{
    private static CapabilityArguments Args(params string[] pairs) => CapabilityArguments.Parse(pairs);

    /// <summary>A 16-bit signed image with rescale (HU = stored − 1024), plane geometry and a window.</summary>
    private static DicomDataset Ct(int rows = 6, int columns = 8, int frames = 2)
    {
        var ds = TestImages.Monochrome(rows, columns, (f, y, x) => f * 500 + y * 300 + x * 20 - 200, frames: frames, signed: true);
        ds.AddOrUpdate(DicomTag.RescaleSlope, "1");
        ds.AddOrUpdate(DicomTag.RescaleIntercept, "-1024");
        ds.AddOrUpdate(DicomTag.PixelSpacing, 0.5, 0.8); // row spacing Δj 0.5, column spacing Δi 0.8
        ds.AddOrUpdate(DicomTag.ImageOrientationPatient, 0.0, 1.0, 0.0, 0.0, 0.0, -1.0); // sagittal: rows along +y, columns along −z
        ds.AddOrUpdate(DicomTag.ImagePositionPatient, 10.0, -20.0, 30.0);
        ds.AddOrUpdate(DicomTag.WindowCenter, "40");
        ds.AddOrUpdate(DicomTag.WindowWidth, "400");
        return ds;
    }

    [Fact]
    public async Task ThresholdApplyAsync_Mask_OnModalityValuesRescaleReset()
    {
        var input = Ct();

        var output = await new ThresholdFilter().ApplyAsync(input, Args("lower=-1000", "upper=0"));

        var expected = TestImages.StoredValues(input).Select(s => s - 1024 is >= -1000 and <= 0 ? 1 : 0);
        Assert.Equal(expected, TestImages.StoredValues(output));
        Assert.Contains(0, TestImages.StoredValues(output));
        Assert.Contains(1, TestImages.StoredValues(output));
        Assert.Equal(0, output.GetSingleValue<double>(DicomTag.RescaleIntercept));
        Assert.False(output.Contains(DicomTag.WindowCenter));
    }

    [Fact]
    public async Task ThresholdApplyAsync_Clip_ClampsModalityValuesKeepsRescale()
    {
        var input = Ct();

        var output = await new ThresholdFilter().ApplyAsync(input, Args("lower=-1000.5", "upper=0", "mode=clip"));

        var expected = TestImages.StoredValues(input).Select(s => Math.Clamp(s, 24, 1024)); // HU −1000.5 … 0 ↔ stored 23.5 … 1024
        Assert.Equal(expected, TestImages.StoredValues(output));
        Assert.Equal(-1024, output.GetSingleValue<double>(DicomTag.RescaleIntercept));
    }

    [Fact]
    public async Task WindowApplyAsync_DatasetWindow_EightBitMonochrome2()
    {
        var input = Ct();

        var output = await new WindowFilter().ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal(8, output.GetSingleValue<int>(DicomTag.BitsAllocated));
        Assert.Equal(8, output.GetSingleValue<int>(DicomTag.BitsStored));
        Assert.Equal(7, output.GetSingleValue<int>(DicomTag.HighBit));
        Assert.Equal(0, output.GetSingleValue<int>(DicomTag.PixelRepresentation));
        Assert.Equal("MONOCHROME2", output.GetString(DicomTag.PhotometricInterpretation));
        Assert.Equal(DicomVR.OB, output[DicomTag.PixelData]!.VR);
        Assert.False(output.Contains(DicomTag.WindowWidth));
        // LINEAR, c 40, w 400: ≤ −160 → 0, > 239 → 255, else ((x − 39.5)/399 + 0.5)·255 rounded.
        var expected = TestImages.StoredValues(input).Select(s =>
        {
            double x = s - 1024;
            return x <= -160 ? 0 : x > 239 ? 255 : (int)Math.Floor(((x - 39.5) / 399 + 0.5) * 255 + 0.5);
        });
        Assert.Equal(expected, TestImages.StoredValues(output));
    }

    [Fact]
    public async Task WindowApplyAsync_Monochrome1_InvertedToLookTheSame()
    {
        var input = Ct();
        input.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME1");

        var inverted = TestImages.StoredValues(await new WindowFilter().ApplyAsync(input, Args("center=0", "width=2000")));
        input.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        var plain = TestImages.StoredValues(await new WindowFilter().ApplyAsync(input, Args("center=0", "width=2000")));

        Assert.Equal(plain.Select(v => 255 - v), inverted);
    }

    [Fact]
    public async Task CropApplyAsync_Ranges_PixelsRowsColumnsAndPositionMoved()
    {
        var input = Ct(rows: 6, columns: 8, frames: 2);

        var output = await new CropFilter().ApplyAsync(input, Args("rows=1:5", "columns=2:-1"));

        Assert.Equal(4, output.GetSingleValue<int>(DicomTag.Rows));
        Assert.Equal(5, output.GetSingleValue<int>(DicomTag.Columns));
        var all = TestImages.StoredValues(input);
        var expected = from f in Enumerable.Range(0, 2) from y in Enumerable.Range(1, 4) from x in Enumerable.Range(2, 5) select all[(f * 6 + y) * 8 + x];
        Assert.Equal(expected, TestImages.StoredValues(output));
        // Position + 2 columns·0.8 mm along the row direction (+y) + 1 row·0.5 mm along the column direction (−z).
        var p = output.GetValues<double>(DicomTag.ImagePositionPatient);
        Assert.Equal(10, p[0], 6);
        Assert.Equal(-20 + 1.6, p[1], 6);
        Assert.Equal(30 - 0.5, p[2], 6);
    }

    [Fact]
    public async Task ResampleApplyAsync_DoubleSpacing_KeepsEveryOtherPixel()
    {
        var input = Ct(rows: 7, columns: 9, frames: 1);

        var output = await new ResampleFilter().ApplyAsync(input, Args("spacing=1.6,1.0"));

        Assert.Equal(4, output.GetSingleValue<int>(DicomTag.Rows)); // ⌊6·0.5/1.0⌋ + 1
        Assert.Equal(5, output.GetSingleValue<int>(DicomTag.Columns)); // ⌊8·0.8/1.6⌋ + 1
        Assert.Equal([1.0, 1.6], output.GetValues<double>(DicomTag.PixelSpacing));
        var all = TestImages.StoredValues(input);
        var expected = from y in Enumerable.Range(0, 4) from x in Enumerable.Range(0, 5) select all[2 * y * 9 + 2 * x];
        Assert.Equal(expected, TestImages.StoredValues(output));
        Assert.Equal(input.GetValues<double>(DicomTag.ImagePositionPatient), output.GetValues<double>(DicomTag.ImagePositionPatient));
    }

    [Fact]
    public async Task ResampleApplyAsync_HalfSpacing_MidpointsAreMeans()
    {
        var input = TestImages.Monochrome(2, 2, (_, y, x) => new[] { 0, 100, 40, 200 }[y * 2 + x]);
        input.AddOrUpdate(DicomTag.PixelSpacing, 1.0, 1.0);

        var output = await new ResampleFilter().ApplyAsync(input, Args("spacing=0.5"));

        Assert.Equal([0, 50, 100, 20, 85, 150, 40, 120, 200], TestImages.StoredValues(output));
    }

    [Fact]
    public async Task ResampleApplyAsync_NoPixelSpacing_ThrowsInvalidInput()
    {
        var input = TestImages.Monochrome(4, 4, (_, y, x) => x);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => new ResampleFilter().ApplyAsync(input, Args("spacing=1")));

        Assert.Contains("Pixel Spacing", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<IFilter, string, string> InvalidArguments => new()
    {
        { new ResampleFilter(), "spacing=0", "'spacing'" },
        { new ResampleFilter(), "sigma=1", "'sigma'" },
        { new CropFilter(), "rows=3:3", "'rows'" },
        { new CropFilter(), "columns=x", "'columns'" },
        { new WindowFilter(), "width=0", "'width'" },
        { new ThresholdFilter(), "mode=x", "'mode'" },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public async Task ApplyAsync_InvalidArgument_ThrowsInvalidInputNamingIt(IFilter filter, string pair, string name)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => filter.ApplyAsync(Ct(), Args(pair)));

        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }
}
