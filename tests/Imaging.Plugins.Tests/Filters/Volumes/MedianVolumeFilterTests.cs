using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Median;
using Imaging.Plugins.Tests.Filters.Oracles;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters.Volumes;

/// <summary>scipy.ndimage.median_filter(v, size=(2rₖ+1, 2rⱼ+1, 2rᵢ+1), mode='nearest') for <see cref="MedianVolumeFilterTests"/>.</summary>
public sealed class MedianOracle : IAsyncLifetime
{
    public ScipyOracle Oracle { get; } = new();

    public Volume Int16 { get; } = TestVolumes.Random(SampleType.Int16, seed: 4);
    public Volume Float32 { get; } = TestVolumes.Random(SampleType.Float32, seed: 5, min: -5, max: 5);
    public Volume UInt16 { get; } = TestVolumes.Random(SampleType.UInt16, seed: 6, min: 0, max: 65535);

    public async Task InitializeAsync()
    {
        TestVolumes.Write(Oracle, "int16", Int16);
        TestVolumes.Write(Oracle, "float32", Float32);
        TestVolumes.Write(Oracle, "uint16", UInt16);
        var shape = TestVolumes.Shape(Int16);
        await Oracle.RunAsync($$"""
            i16 = load("int16", np.float64, {{shape}})
            save("r1", ndi.median_filter(i16, size=3, mode='nearest'))
            save("r120", ndi.median_filter(i16, size=(1, 5, 3), mode='nearest'))
            save("float", ndi.median_filter(load("float32", np.float64, {{shape}}), size=3, mode='nearest'))
            save("uint16", ndi.median_filter(load("uint16", np.float64, {{shape}}), size=5, mode='nearest'))
            """);
    }

    public Task DisposeAsync()
    {
        Oracle.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class MedianVolumeFilterTests(MedianOracle oracle) : IClassFixture<MedianOracle>
{
    private readonly MedianVolumeFilter _filter = new();

    private static CapabilityArguments Args(params string[] pairs) => CapabilityArguments.Parse(pairs);

    [Fact]
    public async Task ApplyAsync_Int16Radius1_EqualsScipy()
    {
        var output = await _filter.ApplyAsync(oracle.Int16, CapabilityArguments.Empty);

        Assert.Equal(SampleType.Int16, output.SampleType);
        Assert.Equal(oracle.Int16.Geometry, output.Geometry);
        TestVolumes.AssertClose(oracle.Oracle.Read("r1"), output, 0);
    }

    [Fact]
    public async Task ApplyAsync_RadiusPerAxis_EqualsScipy()
    {
        var output = await _filter.ApplyAsync(oracle.Int16, Args("radius=1,2,0"));

        TestVolumes.AssertClose(oracle.Oracle.Read("r120"), output, 0);
    }

    [Fact]
    public async Task ApplyAsync_Float32_SelectionPathEqualsScipy()
    {
        var output = await _filter.ApplyAsync(oracle.Float32, Args("radius=1"));

        Assert.Equal(SampleType.Float32, output.SampleType);
        TestVolumes.AssertClose(oracle.Oracle.Read("float"), output, 1e-6);
    }

    [Fact]
    public async Task ApplyAsync_UInt16FullRangeRadius2_HistogramEqualsScipy()
    {
        var output = await _filter.ApplyAsync(oracle.UInt16, Args("radius=2"));

        Assert.Equal(SampleType.UInt16, output.SampleType);
        TestVolumes.AssertClose(oracle.Oracle.Read("uint16"), output, 0);
    }

    [Theory]
    [InlineData("radius=1.5")]
    [InlineData("radius=-1")]
    [InlineData("radius=16")]
    [InlineData("radius=1,1")]
    public async Task ApplyAsync_InvalidRadius_ThrowsInvalidInputNamingRadius(string pair)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _filter.ApplyAsync(oracle.Int16, Args(pair)));

        Assert.Contains("'radius'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_SaltNoiseVoxel_Removed()
    {
        var g = TestVolumes.Geometry(9, 9, 9);
        var voxels = new short[g.VoxelCount];
        voxels[4 + 9 * (4 + 9 * 4)] = 4000;

        var output = await _filter.ApplyAsync(new Volume(g, SampleType.Int16, voxels), CapabilityArguments.Empty);

        Assert.All((short[])output.Voxels, v => Assert.Equal(0, v));
    }
}
