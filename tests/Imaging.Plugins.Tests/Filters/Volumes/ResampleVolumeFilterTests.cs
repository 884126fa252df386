using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Resample;
using Imaging.Plugins.Tests.Filters.Oracles;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters.Volumes;

/// <summary>
/// scipy.ndimage.map_coordinates(v, coords, order=1, mode='nearest') at index n·Δ′/Δ for n in 0 … ⌊(N − 1)·Δ/Δ′⌋ on
/// each axis — the convention the filter documents — for <see cref="ResampleVolumeFilterTests"/>.
/// </summary>
public sealed class ResampleOracle : IAsyncLifetime
{
    public ScipyOracle Oracle { get; } = new();

    public Volume Int16 { get; } = TestVolumes.Random(SampleType.Int16, seed: 7);
    public Volume Float32 { get; } = TestVolumes.Random(SampleType.Float32, seed: 8, min: -1, max: 1);

    public async Task InitializeAsync()
    {
        TestVolumes.Write(Oracle, "int16", Int16);
        TestVolumes.Write(Oracle, "float32", Float32);
        var shape = TestVolumes.Shape(Int16);
        await Oracle.RunAsync($$"""
            old = (0.7, 0.9, 2.0)  # i, j, k
            def resample(v, new):
                o, s = old[::-1], new[::-1]  # numpy axes are k, j, i
                size = [int(np.floor((n - 1) * a / b + 1e-9)) + 1 for n, a, b in zip(v.shape, o, s)]
                coords = np.meshgrid(*[np.arange(m) * b / a for m, a, b in zip(size, o, s)], indexing='ij')
                return ndi.map_coordinates(v, coords, order=1, mode='nearest')
            r = resample(load("int16", np.float64, {{shape}}), (1.1, 0.5, 3.0))
            save("down", r)
            save("downShape", r.shape)
            save("rounded", np.clip(np.sign(r) * np.floor(np.abs(r) + 0.5), -32768, 32767))
            u = resample(load("float32", np.float64, {{shape}}), (0.35, 0.35, 0.35))
            save("up", u)
            save("upShape", u.shape)
            """);
    }

    public Task DisposeAsync()
    {
        Oracle.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ResampleVolumeFilterTests(ResampleOracle oracle) : IClassFixture<ResampleOracle>
{
    private readonly ResampleVolumeFilter _filter = new();

    private static CapabilityArguments Args(params string[] pairs) => CapabilityArguments.Parse(pairs);

    private static void AssertShape(double[] kji, Volume v) => Assert.Equal(kji, new double[] { v.Geometry.SizeK, v.Geometry.SizeJ, v.Geometry.SizeI });

    [Fact]
    public async Task ApplyAsync_AnisotropicSpacingFloatOutput_MatchesMapCoordinates()
    {
        var output = await _filter.ApplyAsync(oracle.Int16, Args("spacing=1.1,0.5,3.0", "output=float32"));

        Assert.Equal(SampleType.Float32, output.SampleType);
        AssertShape(oracle.Oracle.Read("downShape"), output);
        TestVolumes.AssertClose(oracle.Oracle.Read("down"), output, 0.01);
    }

    [Fact]
    public async Task ApplyAsync_SameOutput_RoundedHalfAwayFromZero()
    {
        var output = await _filter.ApplyAsync(oracle.Int16, Args("spacing=1.1,0.5,3.0"));

        Assert.Equal(SampleType.Int16, output.SampleType);
        TestVolumes.AssertClose(oracle.Oracle.Read("rounded"), output, 1);
    }

    [Fact]
    public async Task ApplyAsync_Upsampling_MatchesMapCoordinates()
    {
        var output = await _filter.ApplyAsync(oracle.Float32, Args("spacing=0.35"));

        AssertShape(oracle.Oracle.Read("upShape"), output);
        TestVolumes.AssertClose(oracle.Oracle.Read("up"), output, 1e-5);
    }

    [Fact]
    public async Task ApplyAsync_Geometry_SameOriginAndDirectionsNewSpacingWithinOldExtent()
    {
        var g = oracle.Int16.Geometry;

        var output = await _filter.ApplyAsync(oracle.Int16, Args("spacing=1.1,0.5,3.0"));

        var r = output.Geometry;
        Assert.Equal(g.Origin, r.Origin);
        Assert.Equal((g.RowDirection, g.ColumnDirection, g.SliceDirection), (r.RowDirection, r.ColumnDirection, r.SliceDirection));
        Assert.Equal(new Vector3D(1.1, 0.5, 3.0), r.Spacing);
        Assert.Equal((15, 29, 7), (r.SizeI, r.SizeJ, r.SizeK)); // ⌊22·0.7/1.1⌋+1, ⌊16·0.9/0.5⌋+1, ⌊10·2/3⌋+1
        // The extent (first to last centre) never grows, and shrinks by less than one new spacing.
        double[] oldExtent = [(g.SizeI - 1) * 0.7, (g.SizeJ - 1) * 0.9, (g.SizeK - 1) * 2.0];
        double[] newExtent = [(r.SizeI - 1) * 1.1, (r.SizeJ - 1) * 0.5, (r.SizeK - 1) * 3.0];
        double[] spacing = [1.1, 0.5, 3.0];
        for (int a = 0; a < 3; a++) Assert.InRange(oldExtent[a] - newExtent[a], -1e-9, spacing[a] - 1e-9);
        // The last new voxel lies on the line of the old grid's first voxel along i.
        var last = r.VoxelToPatient(r.SizeI - 1, 0, 0);
        Assert.Equal(0, Vector3D.Distance(last, g.VoxelToPatient((r.SizeI - 1) * 1.1 / 0.7, 0, 0)), 9);
    }

    [Theory]
    [InlineData("spacing=0")]
    [InlineData("spacing=-1")]
    [InlineData("spacing=1,2")]
    [InlineData("spacing=0.0001")]
    [InlineData("spacing=0.0000015")]
    [InlineData("spacing=1e-300")]
    public async Task ApplyAsync_InvalidSpacing_ThrowsInvalidInputNamingSpacing(string pair)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _filter.ApplyAsync(oracle.Int16, Args(pair)));

        Assert.Contains("'spacing'", e.Message, StringComparison.Ordinal);
    }
}
