using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Threshold;
using Imaging.Plugins.Filters.Window;
using Imaging.Plugins.Tests.Filters.Oracles;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters.Volumes;

/// <summary>numpy expressions for threshold (mask and clip) and window (PS3.3 C.11.2.1.2.1 LINEAR, written out).</summary>
public sealed class ElementwiseOracle : IAsyncLifetime
{
    public ScipyOracle Oracle { get; } = new();

    public Volume Int16 { get; } = TestVolumes.Random(SampleType.Int16, seed: 9);
    public Volume Float32 { get; } = TestVolumes.Random(SampleType.Float32, seed: 10, min: -200, max: 200);

    public async Task InitializeAsync()
    {
        TestVolumes.Write(Oracle, "int16", Int16);
        TestVolumes.Write(Oracle, "float32", Float32);
        var shape = TestVolumes.Shape(Int16);
        await Oracle.RunAsync($$"""
            v = load("int16", np.float64, {{shape}})
            f = load("float32", np.float64, {{shape}})
            save("mask", ((v >= -200) & (v <= 1500)).astype(np.uint8))
            save("clip", np.clip(v, -200, 1500))
            save("fmask", (f >= 10.25).astype(np.uint8))
            def window(x, c, w):
                lo, hi = c - 0.5 - (w - 1) / 2, c - 0.5 + (w - 1) / 2
                y = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255
                return np.where(x <= lo, 0, np.where(x > hi, 255, np.clip(np.floor(y + 0.5), 0, 255)))
            save("window", window(v, 40, 400))
            save("windowDefault", window(v, (v.min() + v.max()) / 2 + 0.5, v.max() - v.min() + 1))
            save("windowFloat", window(f, 0, 100.5))
            """);
    }

    public Task DisposeAsync()
    {
        Oracle.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ElementwiseVolumeFilterTests(ElementwiseOracle oracle) : IClassFixture<ElementwiseOracle>
{
    private static CapabilityArguments Args(params string[] pairs) => CapabilityArguments.Parse(pairs);

    [Fact]
    public async Task ThresholdApplyAsync_Mask_IsUInt8MaskLikeNumpy()
    {
        var output = await new ThresholdVolumeFilter().ApplyAsync(oracle.Int16, Args("lower=-200", "upper=1500"));

        Assert.Equal(SampleType.UInt8, output.SampleType);
        Assert.Equal(oracle.Int16.Geometry, output.Geometry);
        TestVolumes.AssertClose(oracle.Oracle.Read("mask"), output, 0);
    }

    [Fact]
    public async Task ThresholdApplyAsync_Clip_KeepsTypeLikeNumpyClip()
    {
        var output = await new ThresholdVolumeFilter().ApplyAsync(oracle.Int16, Args("lower=-200", "upper=1500", "mode=clip"));

        Assert.Equal(SampleType.Int16, output.SampleType);
        TestVolumes.AssertClose(oracle.Oracle.Read("clip"), output, 0);
    }

    [Fact]
    public async Task ThresholdApplyAsync_LowerOnlyOnFloat32_MaskLikeNumpy()
    {
        var output = await new ThresholdVolumeFilter().ApplyAsync(oracle.Float32, Args("lower=10.25"));

        TestVolumes.AssertClose(oracle.Oracle.Read("fmask"), output, 0);
    }

    [Theory]
    [InlineData("lower=5", "upper=1", "upper")]
    [InlineData("mode=band", null, "mode")]
    [InlineData("lower=x", null, "lower")]
    public async Task ThresholdApplyAsync_InvalidArgument_ThrowsInvalidInputNamingIt(string a, string? b, string name)
    {
        var args = b is null ? Args(a) : Args(a, b);
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => new ThresholdVolumeFilter().ApplyAsync(oracle.Int16, args));

        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WindowApplyAsync_CenterWidth_MatchesLinearFunction()
    {
        var output = await new WindowVolumeFilter().ApplyAsync(oracle.Int16, Args("center=40", "width=400"));

        Assert.Equal(SampleType.UInt8, output.SampleType);
        Assert.Equal(oracle.Int16.Geometry, output.Geometry);
        TestVolumes.AssertClose(oracle.Oracle.Read("window"), output, 0);
    }

    [Fact]
    public async Task WindowApplyAsync_NoArguments_SpansTheVolumeRange()
    {
        var output = await new WindowVolumeFilter().ApplyAsync(oracle.Int16, CapabilityArguments.Empty);

        TestVolumes.AssertClose(oracle.Oracle.Read("windowDefault"), output, 0);
        var values = (byte[])output.Voxels;
        Assert.Equal(0, values.Min());
        Assert.Equal(255, values.Max());
    }

    [Fact]
    public async Task WindowApplyAsync_Float32FractionalWidth_MatchesLinearFunction()
    {
        var output = await new WindowVolumeFilter().ApplyAsync(oracle.Float32, Args("center=0", "width=100.5"));

        TestVolumes.AssertClose(oracle.Oracle.Read("windowFloat"), output, 0);
    }

    [Theory]
    [InlineData("width=0.5", "width")]
    [InlineData("center=abc", "center")]
    [InlineData("level=3", "level")]
    public async Task WindowApplyAsync_InvalidArgument_ThrowsInvalidInputNamingIt(string pair, string name)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => new WindowVolumeFilter().ApplyAsync(oracle.Int16, Args(pair)));

        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }
}
