using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Crop;
using Imaging.Plugins.Tests.Filters.Oracles;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters.Volumes;

/// <summary>numpy slicing v[k0:k1, j0:j1, i0:i1] for <see cref="CropVolumeFilterTests"/>.</summary>
public sealed class CropOracle : IAsyncLifetime
{
    public ScipyOracle Oracle { get; } = new();

    public Volume UInt16 { get; } = TestVolumes.Random(SampleType.UInt16, seed: 11, min: 0, max: 60000);

    public async Task InitializeAsync()
    {
        TestVolumes.Write(Oracle, "uint16", UInt16);
        await Oracle.RunAsync($$"""
            v = load("uint16", np.float64, {{TestVolumes.Shape(UInt16)}})
            save("ranges", v[2:9, 3:15, 5:20])
            save("negative", v[-4:, :, :-3])
            save("box", v[1:4, 2:6, 3:8])
            """);
    }

    public Task DisposeAsync()
    {
        Oracle.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class CropVolumeFilterTests(CropOracle oracle) : IClassFixture<CropOracle>
{
    private readonly CropVolumeFilter _filter = new();

    private static CapabilityArguments Args(params string[] pairs) => CapabilityArguments.Parse(pairs);

    [Fact]
    public async Task ApplyAsync_IndexRanges_VoxelsLikeNumpyAndOriginMoved()
    {
        var g = oracle.UInt16.Geometry;

        var output = await _filter.ApplyAsync(oracle.UInt16, Args("i=5:20", "j=3:15", "k=2:9"));

        Assert.Equal(SampleType.UInt16, output.SampleType);
        Assert.Equal((15, 12, 7), (output.Geometry.SizeI, output.Geometry.SizeJ, output.Geometry.SizeK));
        TestVolumes.AssertClose(oracle.Oracle.Read("ranges"), output, 0);
        // Origin + i·Δi·row + j·Δj·column + k·Δk·slice, written out.
        var expected = g.Origin + g.RowDirection * (5 * g.Spacing.X) + g.ColumnDirection * (3 * g.Spacing.Y) + g.SliceDirection * (2 * g.Spacing.Z);
        Assert.Equal(0, Vector3D.Distance(expected, output.Geometry.Origin), 9);
        Assert.Equal((g.Spacing, g.RowDirection, g.ColumnDirection, g.SliceDirection),
            (output.Geometry.Spacing, output.Geometry.RowDirection, output.Geometry.ColumnDirection, output.Geometry.SliceDirection));
        // Every kept voxel is where it was in the patient.
        Assert.Equal(0, Vector3D.Distance(g.VoxelToPatient(19, 14, 8), output.Geometry.VoxelToPatient(14, 11, 6)), 9);
    }

    [Fact]
    public async Task ApplyAsync_NegativeAndOpenRanges_LikePythonSlicing()
    {
        var output = await _filter.ApplyAsync(oracle.UInt16, Args("k=-4:", "i=:-3"));

        TestVolumes.AssertClose(oracle.Oracle.Read("negative"), output, 0);
    }

    [Fact]
    public async Task ApplyAsync_WorldBox_KeepsVoxelCentresInside()
    {
        var g = oracle.UInt16.Geometry;
        // Corners at the centres of voxels (3, 2, 1) and (7, 5, 3): the box keeps i 3..7, j 2..5, k 1..3.
        var a = g.VoxelToPatient(3, 2, 1);
        var b = g.VoxelToPatient(7, 5, 3);
        var box = FormattableString.Invariant($"box={a.X},{a.Y},{a.Z},{b.X},{b.Y},{b.Z}");

        var output = await _filter.ApplyAsync(oracle.UInt16, Args(box));

        // The box is axis-aligned in LPS and the grid is rotated 30°: its index-space bounds reach further.
        Assert.True(output.Geometry.SizeI >= 5 && output.Geometry.SizeJ >= 4 && output.Geometry.SizeK == 3,
            $"{output.Geometry.SizeI}×{output.Geometry.SizeJ}×{output.Geometry.SizeK}");
        var inner = await _filter.ApplyAsync(oracle.UInt16, Args("i=3:8", "j=2:6", "k=1:4"));
        TestVolumes.AssertClose(oracle.Oracle.Read("box"), inner, 0);
        Assert.True(Vector3D.Distance(output.Geometry.VoxelToPatient(0, 0, 0), g.VoxelToPatient(0, 0, 0)) > 0);
    }

    [Fact]
    public async Task ApplyAsync_AxisAlignedWorldBox_ExactIndexRange()
    {
        var g = TestVolumes.Geometry() with { RowDirection = new Vector3D(1, 0, 0), ColumnDirection = new Vector3D(0, 1, 0) };
        var input = new Volume(g, SampleType.UInt16, (ushort[])oracle.UInt16.Voxels);
        var a = g.VoxelToPatient(3, 2, 1);
        var b = g.VoxelToPatient(7, 5, 3);

        var output = await _filter.ApplyAsync(input, Args(FormattableString.Invariant($"box={b.X},{a.Y},{b.Z},{a.X},{b.Y},{a.Z}")));

        Assert.Equal((5, 4, 3), (output.Geometry.SizeI, output.Geometry.SizeJ, output.Geometry.SizeK));
        TestVolumes.AssertClose(oracle.Oracle.Read("box"), output, 0);
        Assert.Equal(0, Vector3D.Distance(a, output.Geometry.Origin), 9);
    }

    [Theory]
    [InlineData("i=5:5", "'i'")]
    [InlineData("j=3", "'j'")]
    [InlineData("k=a:b", "'k'")]
    [InlineData("box=1,2,3", "'box'")]
    [InlineData("box=1000,1000,1000,1001,1001,1001", "'box'")]
    [InlineData("x=1:2", "'x'")]
    public async Task ApplyAsync_InvalidArgument_ThrowsInvalidInputNamingIt(string pair, string name)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _filter.ApplyAsync(oracle.UInt16, Args(pair)));

        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_BoxWithRange_ThrowsInvalidInput()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _filter.ApplyAsync(oracle.UInt16, Args("box=0,0,0,1,1,1", "i=1:2")));

        Assert.Contains("'box'", e.Message, StringComparison.Ordinal);
    }
}
