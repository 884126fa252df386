namespace Imaging.Scripting.Tests.Running;

/// <summary>The pixel and volume globals scripts get: frames, rendering, volumes, volume filters and formats, as an analyst uses them.</summary>
[Collection(RunnerCollection.Name)]
public sealed class PixelGlobalsTests(RunnerFixture fixture)
{
    [Fact]
    public void Run_ReadFrameOfCtSlice_TypedSamplesAndModalityValues()
    {
        using var temp = new TempFolder();
        var script = temp.Write("frame.csx", """
            var ct = Series(Args[0]).First(s => s.Modality == "CT");
            Frame frame = ReadFrame(ct.Instances[12].FilePath!);
            var lut = ModalityLut.FromDataset(ct.Instances[12].Dataset);
            // Script locals are fields, so spans cannot be kept in them: Samples is the typed array itself (no copy).
            var samples = (short[])frame.Samples;
            Print($"{frame.Rows}x{frame.Columns} {frame.SampleType} centre {lut.Apply(samples[32 * 64 + 32])} corner {lut.Apply(samples[0])}");
            """);
        var run = Cli.Run("run", script, "--", fixture.Study);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("64x64 Int16 centre 0 corner -1000", run.Stdout.Trim());
    }

    [Fact]
    public void Run_OpenVolumesOfStudy_ReportsOneStackPerSeries()
    {
        using var temp = new TempFolder();
        var script = temp.Write("volumes.csx", """
            var series = OpenVolumes(Args[0]);
            foreach (var stack in series.Stacks) Print($"{stack.Geometry.SizeI}x{stack.Geometry.SizeJ}x{stack.Geometry.SizeK} regular={stack.IsRegular}");
            try { LoadVolume(Args[0]); } catch (VolumeException e) { Print(e.Message.Contains("holds 2 volumes")); }
            """);
        var run = Cli.Run("run", script, "--", fixture.Study);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Trim().Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Contains("64x64x24 regular=True", lines);
        Assert.Equal("True", lines[^1]);
    }

    [Fact]
    public void Run_SaveVolumeThenReadVolume_SameGeometryAndVoxels()
    {
        using var temp = new TempFolder();
        var script = temp.Write("roundtrip.csx", """
            var ct = Series(Args[0]).First(s => s.Modality == "CT");
            Volume volume = LoadVolume(ct);
            Volume cropped = await Filter(volume, "crop", "k=4:8");
            var path = await SaveVolume(cropped, Args[1]);
            Volume back = await ReadVolume(path);
            var a = cropped.Geometry; var b = back.Geometry;
            Print($"{b.SizeI}x{b.SizeJ}x{b.SizeK} {back.SampleType} origin-error {(a.Origin - b.Origin).Length < 1e-3} voxels-equal {cropped.GetVoxels<short>().SequenceEqual(back.GetVoxels<short>())}");
            """);
        var run = Cli.Run("run", script, "--", fixture.Study, temp.File("crop.nii"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("64x64x4 Int16 origin-error True voxels-equal True", run.Stdout.Trim());
    }

    [Fact]
    public void Run_SaveVolumeUnknownExtension_ClearErrorNamingFormats()
    {
        using var temp = new TempFolder();
        var script = temp.Write("bad.csx", """
            var ct = Series(Args[0]).First(s => s.Modality == "CT");
            await SaveVolume(LoadVolume(ct), Args[1]);
            """);
        var run = Cli.Run("run", script, "--", fixture.Study, temp.File("volume.xyz"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("volume.xyz: no loaded volume format handles this file name (formats: nifti", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("volume.xyz")));
    }
}
