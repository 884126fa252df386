using Imaging.Dicom;
using Imaging.Sdk.Testing;

namespace Imaging.Sdk.Tests.Synthetic;

public sealed class SyntheticStudyTests
{
    private static readonly SyntheticStudyOptions Small = new() { CtSlices = 3, MrSlices = 2, Size = 16 };

    [Theory]
    [InlineData("CT", 3)]
    [InlineData("MR", 2)]
    public void Series_Modality_ReturnsThatSeriesInSliceOrder(string modality, int count)
    {
        var series = SyntheticStudy.Series(modality, Small);

        Assert.Equal(count, series.Count);
        Assert.All(series, d => Assert.Equal(modality, d.GetString(DicomTag.Modality)));
        Assert.Single(series.Select(d => d.GetString(DicomTag.SeriesInstanceUID)).Distinct());
        Assert.Equal(Enumerable.Range(1, count), series.Select(d => d.GetSingleValue<int>(DicomTag.InstanceNumber)));
    }

    [Fact]
    public void Series_SameOptions_MatchesGenerate()
    {
        var fromGenerate = SyntheticStudy.Generate(Small).Select(f => f.Dataset.GetString(DicomTag.SOPInstanceUID)).Take(3);

        Assert.Equal(fromGenerate, SyntheticStudy.Series("CT", Small).Select(d => d.GetString(DicomTag.SOPInstanceUID)));
    }

    [Fact]
    public void Series_NoSlices_IsEmpty() => Assert.Empty(SyntheticStudy.Series("MR", Small with { MrSlices = 0 }));

    [Fact]
    public void Series_UnknownModality_Throws() => Assert.Throws<ArgumentException>(() => SyntheticStudy.Series("US", Small));

    [Fact]
    public void MultiFrame_CtSeries_HasOneFramePerSliceWithLocations()
    {
        var slices = SyntheticStudy.Series("CT", Small);

        var ds = SyntheticStudy.MultiFrame(Small);

        Assert.Equal(3, ds.GetSingleValue<int>(DicomTag.NumberOfFrames));
        Assert.Equal("1.2.840.10008.5.1.4.1.1.7.3", ds.GetString(DicomTag.SOPClassUID));
        Assert.Equal(DicomTag.SliceLocationVector, ds.GetSingleValue<DicomTag>(DicomTag.FrameIncrementPointer));
        Assert.Equal(slices.Select(s => s.GetSingleValue<double>(DicomTag.SliceLocation)), ds.GetValues<double>(DicomTag.SliceLocationVector));
        Assert.True(ds.TryGetElement(DicomTag.PixelData, out var pixels));
        Assert.Equal(3 * 16 * 16 * 2, pixels.Length);
        Assert.True(slices[1].TryGetElement(DicomTag.PixelData, out var second));
        Assert.Equal(second.Buffer.Memory.ToArray(), pixels.Buffer.Memory.Slice(16 * 16 * 2, 16 * 16 * 2).ToArray());
        Assert.DoesNotContain(slices, s => s.GetString(DicomTag.SOPInstanceUID) == ds.GetString(DicomTag.SOPInstanceUID));
        Assert.True(DicomUid.IsValid(ds.GetString(DicomTag.SOPInstanceUID)));
        Assert.False(ds.Contains(DicomTag.ImagePositionPatient));
    }

    [Fact]
    public void MultiFrame_NoCtSlices_Throws()
        => Assert.Throws<ArgumentException>(() => SyntheticStudy.MultiFrame(Small with { CtSlices = 0 }));
}
