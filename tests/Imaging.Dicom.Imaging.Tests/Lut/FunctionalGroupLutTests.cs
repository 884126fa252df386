using Imaging.Dicom.Imaging.Lut;

namespace Imaging.Dicom.Imaging.Tests.Lut;

/// <summary>
/// Per-frame LUTs of Enhanced multi-frame images (PS3.3 §C.7.6.16): Pixel Value Transformation and Frame VOI LUT
/// functional groups, per-frame over shared over top-level. pydicom 2.3 has no per-frame LUT support, so these are
/// hand-built.
/// </summary>
public sealed class FunctionalGroupLutTests
{
    private static DicomDataset Item(params (DicomTag Tag, object Value)[] values)
    {
        var ds = new DicomDataset();
        foreach (var (tag, value) in values)
        {
            switch (value)
            {
                case double d: ds.AddOrUpdate(tag, d); break;
                case double[] ds2: ds.AddOrUpdate(tag, ds2); break;
                case string s: ds.AddOrUpdate(tag, s); break;
                case DicomDataset[] items: ds.AddOrUpdate(new DicomSequence(tag, items)); break;
                default: throw new ArgumentException(value.GetType().Name);
            }
        }
        return ds;
    }

    /// <summary>Three frames: frame 1 has its own rescale and window, the others use the shared groups; top-level values are decoys.</summary>
    private static DicomDataset Enhanced()
    {
        var shared = Item(
            (DicomTag.PixelValueTransformationSequence, new[] { Item((DicomTag.RescaleSlope, 2.0), (DicomTag.RescaleIntercept, -10.0), (DicomTag.RescaleType, "US")) }),
            (DicomTag.FrameVOILUTSequence, new[] { Item((DicomTag.WindowCenter, new[] { 100.0, 200.0 }), (DicomTag.WindowWidth, new[] { 50.0, 60.0 })) }));
        var frame1 = Item(
            (DicomTag.PixelValueTransformationSequence, new[] { Item((DicomTag.RescaleSlope, 0.5), (DicomTag.RescaleIntercept, 3.0)) }),
            (DicomTag.FrameVOILUTSequence, new[] { Item((DicomTag.WindowCenter, 7.0), (DicomTag.WindowWidth, 9.0), (DicomTag.VOILUTFunction, "SIGMOID")) }));
        var ds = Item(
            (DicomTag.SharedFunctionalGroupsSequence, new[] { shared }),
            (DicomTag.PerFrameFunctionalGroupsSequence, new[] { new DicomDataset(), frame1, new DicomDataset() }),
            (DicomTag.RescaleSlope, 100.0), (DicomTag.RescaleIntercept, 100.0),
            (DicomTag.WindowCenter, 1.0), (DicomTag.WindowWidth, 1.0));
        return ds;
    }

    [Theory]
    [InlineData(0, 2.0, -10.0)]
    [InlineData(1, 0.5, 3.0)]
    [InlineData(2, 2.0, -10.0)]
    public void ModalityFromDataset_EnhancedFrame_UsesFrameThenSharedGroup(int frame, double slope, double intercept)
    {
        var lut = ModalityLut.FromDataset(Enhanced(), frame);
        Assert.Equal((slope, intercept), (lut.Slope, lut.Intercept));
        Assert.Equal(slope * 40 + intercept, lut.Apply(40));
    }

    [Fact]
    public void VoiFromDataset_EnhancedFrames_UsesFrameThenSharedGroupAndIndex()
    {
        var ds = Enhanced();
        Assert.Equal(new VoiWindow(100, 50), VoiLut.FromDataset(ds, 0)!.Window);
        Assert.Equal(new VoiWindow(200, 60), VoiLut.FromDataset(ds, 2, index: 1)!.Window);
        var own = VoiLut.FromDataset(ds, 1)!;
        Assert.Equal(new VoiWindow(7, 9, VoiLutFunction.Sigmoid), own.Window);
        Assert.Equal("the frame's functional groups", own.Origin);
    }

    [Fact]
    public void FromDataset_NoFunctionalGroups_UsesTopLevelAndDefaults()
    {
        var ds = Item((DicomTag.WindowCenter, new[] { 40.0, 300.0 }), (DicomTag.WindowWidth, new[] { 400.0, 1500.0 }),
            (DicomTag.WindowCenterWidthExplanation, "SOFT\\BONE"));
        Assert.True(ModalityLut.FromDataset(ds).IsIdentity);
        var bone = VoiLut.FromDataset(ds, index: 1)!;
        Assert.Equal((300.0, 1500.0, "BONE", "the file"), (bone.Window!.Center, bone.Window.Width, bone.Window.Explanation, bone.Origin));
    }

    [Fact]
    public void VoiFromDataset_NothingGiven_ReturnsNull() =>
        Assert.Null(VoiLut.FromDataset(Item((DicomTag.RescaleSlope, 1.0))));

    [Fact]
    public void VoiFromDataset_IndexPastWindows_ThrowsNamingCount()
    {
        var ex = Assert.Throws<DicomException>(() => VoiLut.FromDataset(Item((DicomTag.WindowCenter, 40.0), (DicomTag.WindowWidth, 400.0)), index: 1));
        Assert.Contains("1 window(s)", ex.Message);
    }

    [Fact]
    public void VoiFromDataset_LinearWidthBelowOne_ThrowsNamingWidth()
    {
        var ex = Assert.Throws<DicomException>(() => VoiLut.FromDataset(Item((DicomTag.WindowCenter, 40.0), (DicomTag.WindowWidth, 0.5))));
        Assert.Contains("(0028,1051)", ex.Message);
    }

    [Fact]
    public void FromRange_MinMax_MapsEndsToOutputEnds()
    {
        var voi = VoiLut.FromRange(-1000, 700);
        Assert.Equal(0, voi.Apply(-1000, 0, 255));
        Assert.Equal(255, voi.Apply(700, 0, 255));
        Assert.Equal(127.5, voi.Apply(-150, 0, 255), 12);
        Assert.Equal(VoiLutFunction.LinearExact, voi.Window!.Function);
    }

    [Theory]
    [InlineData("MONOCHROME1", null, PresentationLutShape.Inverse)]
    [InlineData("MONOCHROME2", null, PresentationLutShape.Identity)]
    [InlineData("MONOCHROME2", "INVERSE", PresentationLutShape.Inverse)]
    [InlineData("MONOCHROME1", "INVERSE", PresentationLutShape.Inverse)]
    [InlineData("RGB", "IDENTITY", PresentationLutShape.Identity)]
    public void PresentationFromDataset_PhotometricAndShape_ChoosesShape(string photometric, string? shape, PresentationLutShape expected)
    {
        var ds = Item((DicomTag.PhotometricInterpretation, photometric));
        if (shape is not null) ds.AddOrUpdate(DicomTag.PresentationLUTShape, shape);
        var lut = PresentationLut.FromDataset(ds);
        Assert.Equal(expected, lut.Shape);
        Assert.Equal(expected == PresentationLutShape.Inverse ? 200 : 55, lut.Apply(55, 0, 255));
    }

    [Fact]
    public void LookupTable_Lookup_ClampsBelowFirstAndPastLast()
    {
        var t = new LookupTable(-2, 8, new ushort[] { 10, 20, 30 });
        Assert.Equal(new ushort[] { 10, 10, 10, 20, 30, 30, 30 }, new[] { -100.0, -3, -2, -1, 0, 1, 1000 }.Select(t.Lookup).ToArray());
        Assert.Equal(20, t.Lookup(-0.5)); // ⌊−0.5 + 2⌋ = 1
    }
}
