using Imaging.Dicom;
using Imaging.Dicom.Imaging.Conversion;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Nifti;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Nifti;

/// <summary>NIfTI → Volume → DICOM series (<see cref="VolumeToDicom"/>) → files → <see cref="VolumeSeries"/> → the same volume.</summary>
public sealed class NiftiToDicomRoundTripTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<Volume> ThroughDicomAsync(Volume volume, VolumeToDicomOptions options)
    {
        var folder = _temp.Combine("dicom-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var (ds, n) in VolumeToDicom.CreateSeries(volume, options).Select((d, n) => (d, n)))
        {
            var path = Path.Combine(folder, $"{n:D4}.dcm");
            await new DicomFile(ds).SaveAsync(path);
            paths.Add(path);
        }
        return VolumeSeries.Read(paths.AsEnumerable().Reverse()); // order must come from the geometry, not the file order
    }

    [Theory]
    [InlineData("CT", false)]
    [InlineData("MR", true)]
    [InlineData("OT", false)]
    public async Task CreateSeries_ObliqueNiftiVolume_ReadsBackToTheSameVolume(string modality, bool leftHanded)
    {
        var format = new NiftiFormat(new TestFileOutput());
        var nii = _temp.Combine("in.nii.gz");
        await format.WriteAsync(NiftiTestVolumes.Create(SampleType.Int16, NiftiTestVolumes.Oblique(leftHanded)), nii, CapabilityArguments.Empty.With("version", "2"));
        var volume = await format.ReadAsync(nii);

        var back = await ThroughDicomAsync(volume, new VolumeToDicomOptions { Modality = modality, PatientName = "ROUND^TRIP", PatientId = "RT1" });

        // A series read as a volume is always sorted along the slice normal (row × column), so a left-handed volume
        // (k against the normal) comes back with k reversed: the same voxels at the same world positions.
        var expected = leftHanded ? ReverseK(volume) : volume;
        NiftiAssert.Geometry(expected.Geometry, back.Geometry, 1e-6);
        Assert.Equal(NiftiTestVolumes.Values(expected), NiftiTestVolumes.Values(back));
    }

    private static Volume ReverseK(Volume v)
    {
        var g = v.Geometry;
        var last = g.Origin + g.SliceDirection * ((g.SizeK - 1) * g.Spacing.Z);
        var geometry = g with { Origin = last, SliceDirection = -g.SliceDirection };
        var source = v.GetVoxels<short>();
        var voxels = new short[source.Length];
        int n = g.SizeI * g.SizeJ;
        for (int k = 0; k < g.SizeK; k++) source.Slice(k * n, n).CopyTo(voxels.AsSpan((g.SizeK - 1 - k) * n, n));
        return new Volume(geometry, SampleType.Int16, voxels);
    }

    [Fact]
    public async Task CreateSeries_FloatVolume_RescaledWithinHalfASlopeStep()
    {
        var volume = NiftiTestVolumes.Create(SampleType.Float32, NiftiTestVolumes.Axial());
        var datasets = VolumeToDicom.CreateSeries(volume);
        double slope = datasets[0].GetSingleValue<double>(DicomTag.RescaleSlope);
        var back = await ThroughDicomAsync(volume, new VolumeToDicomOptions());
        var expected = NiftiTestVolumes.Values(volume);
        var actual = NiftiTestVolumes.Values(back);
        for (int n = 0; n < expected.Length; n++) Assert.True(Math.Abs(expected[n] - actual[n]) <= slope / 2 + 1e-9, $"voxel {n}: {expected[n]} vs {actual[n]}");
        NiftiAssert.Geometry(volume.Geometry, back.Geometry, 1e-9);
    }

    [Theory]
    [InlineData("CT")]
    [InlineData("MR")]
    [InlineData("OT")]
    public async Task CreateSeries_EachSopClass_DciodvfyFindsNoErrors(string modality)
    {
        var ds = VolumeToDicom.CreateSeries(NiftiTestVolumes.Create(SampleType.Float32, NiftiTestVolumes.Oblique()), new VolumeToDicomOptions { Modality = modality })[0];
        var path = _temp.Combine($"{modality}.dcm");
        await new DicomFile(ds).SaveAsync(path);
        var psi = new System.Diagnostics.ProcessStartInfo("dciodvfy") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(path);
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errors = (await stdout + stderr).Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void CreateSeries_Identity_OneSeriesOneFrameOfReferenceNewUids()
    {
        var volume = NiftiTestVolumes.Create(SampleType.UInt16);
        var datasets = VolumeToDicom.CreateSeries(volume, new VolumeToDicomOptions { Modality = "CT", FrameOfReferenceUid = "1.2.3.4" });
        Assert.Equal(volume.Geometry.SizeK, datasets.Count);
        Assert.Single(datasets.Select(d => d.GetString(DicomTag.SeriesInstanceUID)).Distinct());
        Assert.All(datasets, d => Assert.Equal("1.2.3.4", d.GetString(DicomTag.FrameOfReferenceUID)));
        Assert.All(datasets, d => Assert.StartsWith("2.25.", d.GetString(DicomTag.SOPInstanceUID), StringComparison.Ordinal));
        Assert.Equal(datasets.Count, datasets.Select(d => d.GetString(DicomTag.SOPInstanceUID)).Distinct().Count());
        Assert.Equal("1.2.840.10008.5.1.4.1.1.2", datasets[0].GetString(DicomTag.SOPClassUID));
        Assert.Equal([0.8, 0.75], datasets[0].GetValues<double>(DicomTag.PixelSpacing));
    }
}
