using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Gaussian;
using Imaging.Plugins.Tests.Filters.Oracles;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters.Volumes;

/// <summary>
/// scipy.ndimage.gaussian_filter1d along each axis (σ = sigma mm / spacing, mode='nearest', truncate = ⌈3σ⌉/σ so the
/// radius is ours), on the float64 input, for the cases of <see cref="GaussianVolumeFilterTests"/>.
/// </summary>
public sealed class GaussianOracle : IAsyncLifetime
{
    public ScipyOracle Oracle { get; } = new();

    public Volume Int16 { get; } = TestVolumes.Random(SampleType.Int16, seed: 1);
    public Volume Float32 { get; } = TestVolumes.Random(SampleType.Float32, seed: 2, min: -1, max: 1);
    public Volume UInt8 { get; } = TestVolumes.Random(SampleType.UInt8, seed: 3, min: 0, max: 255);

    public async Task InitializeAsync()
    {
        TestVolumes.Write(Oracle, "int16", Int16);
        TestVolumes.Write(Oracle, "float32", Float32);
        TestVolumes.Write(Oracle, "uint8", UInt8);
        var shape = TestVolumes.Shape(Int16);
        await Oracle.RunAsync($$"""
            spacing = (0.7, 0.9, 2.0)  # i, j, k
            def gauss(v, sigma_mm):
                out = v
                for axis, s, d in zip((2, 1, 0), sigma_mm, spacing):
                    sv = s / d
                    if sv <= 0 or out.shape[axis] <= 1:
                        continue
                    r = max(1, int(np.ceil(3 * sv)))
                    out = ndi.gaussian_filter1d(out, sv, axis=axis, mode='nearest', truncate=r / sv)
                return out
            i16 = load("int16", np.float64, {{shape}})
            save("all", gauss(i16, (1.5, 1.5, 1.5)))
            save("perAxis", gauss(i16, (1.0, 2.0, 0.0)))
            save("float", gauss(load("float32", np.float64, {{shape}}), (0.8, 0.8, 0.8)))
            g = gauss(load("uint8", np.float64, {{shape}}), (1.2, 1.2, 1.2))
            save("uint8", np.clip(np.floor(g + 0.5), 0, 255))
            """);
    }

    public Task DisposeAsync()
    {
        Oracle.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class GaussianVolumeFilterTests(GaussianOracle oracle) : IClassFixture<GaussianOracle>
{
    private readonly GaussianVolumeFilter _filter = new();

    private static CapabilityArguments Args(params string[] pairs) => CapabilityArguments.Parse(pairs);

    [Fact]
    public async Task ApplyAsync_Int16OneSigma_MatchesScipy()
    {
        var output = await _filter.ApplyAsync(oracle.Int16, Args("sigma=1.5", "output=float32"));

        Assert.Equal(SampleType.Float32, output.SampleType);
        Assert.Equal(oracle.Int16.Geometry, output.Geometry);
        TestVolumes.AssertClose(oracle.Oracle.Read("all"), output, 0.01);
    }

    [Fact]
    public async Task ApplyAsync_SigmaPerAxisWithZero_MatchesScipy()
    {
        var output = await _filter.ApplyAsync(oracle.Int16, Args("sigma=1,2,0", "output=float32"));

        TestVolumes.AssertClose(oracle.Oracle.Read("perAxis"), output, 0.01);
    }

    [Fact]
    public async Task ApplyAsync_Float32_MatchesScipyAndStaysFloat32()
    {
        var output = await _filter.ApplyAsync(oracle.Float32, Args("sigma=0.8"));

        Assert.Equal(SampleType.Float32, output.SampleType);
        TestVolumes.AssertClose(oracle.Oracle.Read("float"), output, 1e-5);
    }

    [Fact]
    public async Task ApplyAsync_UInt8SameOutput_RoundedLikeScipyWithinOne()
    {
        var output = await _filter.ApplyAsync(oracle.UInt8, Args("sigma=1.2"));

        Assert.Equal(SampleType.UInt8, output.SampleType);
        var expected = oracle.Oracle.Read("uint8");
        TestVolumes.AssertClose(expected, output, 1);
        var actual = TestVolumes.Values(output);
        int exact = expected.Where((e, n) => e == actual[n]).Count();
        Assert.True(exact >= expected.Length * 0.999, $"{expected.Length - exact} voxels differ by one");
    }

    [Fact]
    public async Task ApplyAsync_UniformVolume_Unchanged()
    {
        var g = TestVolumes.Geometry();
        var input = new Volume(g, SampleType.Int16, Enumerable.Repeat((short)-700, (int)g.VoxelCount).ToArray());

        var output = await _filter.ApplyAsync(input, Args("sigma=3"));

        Assert.All((short[])output.Voxels, v => Assert.Equal(-700, v));
    }

    [Fact]
    public async Task ApplyAsync_Progress_RisesToTotalOncePerSlab()
    {
        var progress = new RecordingProgress<ProgressReport>();

        await _filter.ApplyAsync(oracle.Int16, Args("sigma=1"), progress);

        var completed = progress.Reports.Select(r => r.Completed).ToList();
        Assert.Equal(completed.Order(), completed);
        Assert.Equal(progress.Reports[^1].Total, completed[^1]);
        Assert.True(completed.Count >= 5, $"{completed.Count} reports"); // read, three passes, write
    }

    [Theory]
    [InlineData("sigma=-1", "sigma")]
    [InlineData("sigma=1,2", "sigma")]
    [InlineData("sigma=abc", "sigma")]
    [InlineData("sigma=1000", "sigma")]
    [InlineData("output=int8", "output")]
    [InlineData("sigam=1", "sigam")]
    public async Task ApplyAsync_InvalidArgument_ThrowsInvalidInputNamingIt(string pair, string name)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _filter.ApplyAsync(oracle.Int16, Args(pair)));

        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
