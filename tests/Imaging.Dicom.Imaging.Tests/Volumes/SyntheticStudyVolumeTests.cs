using System.Globalization;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Tests.Codecs;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Sdk.Testing;

namespace Imaging.Dicom.Imaging.Tests.Volumes;

/// <summary>The synthetic CT of <see cref="SyntheticStudy"/> as a volume: geometry and HU, and dcm2niix as a peer.</summary>
public class SyntheticStudyVolumeTests
{
    private static readonly SyntheticStudyOptions Options = new() { CtSlices = 24, MrSlices = 0, Size = 64 };

    [Fact]
    public void Open_SyntheticCt_HasTheStudyGeometryAndHU()
    {
        using var tmp = new TempFolder();
        var paths = SyntheticStudy.WriteTo(tmp.Path, Options);
        var series = VolumeSeries.Open(paths.Reverse());
        Assert.True(series.Report.IsClean, series.Report.ToString());
        var volume = series.Load();
        var g = volume.Geometry;
        Assert.Equal(SampleType.Int16, volume.SampleType);
        Assert.Equal((64, 64, 24), (g.SizeI, g.SizeJ, g.SizeK));
        Assert.Equal(SyntheticStudy.PixelSpacing, g.Spacing.X, 9);
        Assert.Equal(SyntheticStudy.PixelSpacing, g.Spacing.Y, 9);
        Assert.Equal(SyntheticStudy.SliceSpacing, g.Spacing.Z, 6);
        double fov = 64 * SyntheticStudy.PixelSpacing, x0 = -fov / 2 + SyntheticStudy.PixelSpacing / 2;
        Assert.Equal(0, Vector3D.Distance(new Vector3D(x0, x0, -11.5 * SyntheticStudy.SliceSpacing), g.Origin), 6);
        // Every voxel holds the phantom's HU at its centre.
        for (int k = 0; k < g.SizeK; k++)
            for (int j = 0; j < g.SizeJ; j++)
                for (int i = 0; i < g.SizeI; i++)
                {
                    var p = g.VoxelToPatient(i, j, k);
                    var hu = SyntheticStudy.PhantomHU(p.X, p.Y, p.Z, fov);
                    if (volume.GetValue(i, j, k) != hu) Assert.Fail($"voxel ({i},{j},{k}) at {p} is {volume.GetValue(i, j, k)} HU, expected {hu}");
                }
    }

    [Fact]
    public void Open_SyntheticCt_MatchesDcm2niixAffineAndVoxels()
    {
        if (!File.Exists("/usr/bin/dcm2niix")) Assert.Fail("dcm2niix is not installed (Debian package dcm2niix).");
        using var tmp = new TempFolder();
        var paths = SyntheticStudy.WriteTo(Path.Combine(tmp.Path, "dicom"), Options);
        var volume = VolumeSeries.Read(paths);
        var outDir = Directory.CreateDirectory(Path.Combine(tmp.Path, "nii")).FullName;
        PydicomOracle.Run("/usr/bin/dcm2niix", ["-z", "n", "-b", "n", "-f", "ct", "-o", outDir, Path.Combine(tmp.Path, "dicom", "CT")]);
        // For sample voxels of ours: their LPS centre → RAS → dcm2niix's voxel index (must be whole) → its value.
        var g = volume.Geometry;
        var rng = new Random(1);
        var samples = Enumerable.Range(0, 200).Select(_ => (rng.Next(g.SizeI), rng.Next(g.SizeJ), rng.Next(g.SizeK))).ToList();
        string points = string.Join(";", samples.Select(s =>
        {
            var p = g.VoxelToPatient(s.Item1, s.Item2, s.Item3);
            return string.Create(CultureInfo.InvariantCulture, $"{-p.X},{-p.Y},{p.Z}");
        }));
        const string script = """
            import sys, numpy as np, nibabel as nib
            img = nib.load(sys.argv[1]); a = img.affine; data = img.get_fdata()
            inv = np.linalg.inv(a); out = []
            for t in sys.argv[2].split(';'):
                p = np.array([float(x) for x in t.split(',')] + [1.0]); ijk = inv @ p
                r = np.round(ijk[:3]).astype(int)
                out.append('%.6f %d' % (np.abs(ijk[:3] - r).max(), int(round(data[tuple(r)]))))
            print('\n'.join(out))
            """;
        var lines = PydicomOracle.Run(PydicomOracle.Python, ["-c", script, Path.Combine(outDir, "ct.nii"), points])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(samples.Count, lines.Length);
        for (int n = 0; n < samples.Count; n++)
        {
            var parts = lines[n].Split(' ');
            Assert.True(double.Parse(parts[0], CultureInfo.InvariantCulture) < 1e-3, $"voxel {samples[n]} falls {parts[0]} voxels off dcm2niix's grid");
            Assert.Equal(volume.GetValue(samples[n].Item1, samples[n].Item2, samples[n].Item3), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
    }
}
