using System.Diagnostics;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Nifti;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing;

namespace Imaging.Plugins.Tests.Nifti;

/// <summary>
/// DICOM series → NIfTI against dcm2niix (Debian's /usr/bin/dcm2niix, v1.0.20220720) on the synthetic CT.
/// <para>
/// dcm2niix does not write voxels in DICOM order: it flips the rows (DICOM's first row, at the top of the picture, is
/// its j = last), so that the stored array has j pointing anterior in RAS for an axial scan, and it builds its affine
/// to match. Our writer keeps DICOM order (j = DICOM row index) and puts the truth in the affine. Both files describe
/// the same image in the world, so the comparison is made there: (1) the index map between the two,
/// inv(A_ours)·A_dcm2niix, must be a pure flip of j (i' = i, j' = rows − 1 − j, k' = k) within 1e-3 — i.e. our affine
/// composed with that flip equals dcm2niix's affine within 1e-3; (2) every voxel of ours equals dcm2niix's voxel at the
/// same world position (nibabel applies each file's scl_slope/scl_inter).
/// </para>
/// </summary>
public sealed class Dcm2niixComparisonTests : IDisposable
{
    private const string Dcm2niix = "/usr/bin/dcm2niix";

    private const string CompareScript = """
        import sys, json, numpy as np, nibabel as nib
        ours, ref = nib.load(sys.argv[1]), nib.load(sys.argv[2])
        a, b = ours.affine, ref.affine
        index_map = np.linalg.inv(a) @ b           # dcm2niix voxel index -> our voxel index
        expected = np.eye(4); nj = ours.shape[1]
        expected[1, 1] = -1; expected[1, 3] = nj - 1
        x, y = ours.get_fdata(), ref.get_fdata()
        ii, jj, kk = np.meshgrid(*[np.arange(n) for n in ref.shape], indexing="ij")
        idx = np.stack([ii.ravel(), jj.ravel(), kk.ravel(), np.ones(ii.size)])
        mapped = np.rint(index_map @ idx).astype(int)
        inside = all(((mapped[d] >= 0) & (mapped[d] < ours.shape[d])).all() for d in range(3))
        same = inside and bool((x[mapped[0], mapped[1], mapped[2]] == y[ii.ravel(), jj.ravel(), kk.ravel()]).all())
        print(json.dumps({
            "shapes": [list(ours.shape), list(ref.shape)],
            "ours": a.tolist(), "dcm2niix": b.tolist(),
            "flipDeviation": float(np.abs(index_map - expected).max()),
            "affineDeviation": float(np.abs(a @ expected - b).max()),
            "sameVoxels": same, "voxels": int(x.size),
            "nonAir": int((y > -1000).sum()),
        }))
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("ours.nii")]
    [InlineData("ours.nii.gz")]
    public async Task WriteAsync_SyntheticCt_SameAffineAndVoxelsAsDcm2niixInWorldCoordinates(string name)
    {
        var paths = SyntheticStudy.WriteTo(_temp.Combine("dicom"), new SyntheticStudyOptions { CtSlices = 20, MrSlices = 0, Size = 64 });
        var volume = VolumeSeries.Read(paths);
        var ours = _temp.Combine(name);
        await new NiftiFormat(new TestFileOutput()).WriteAsync(volume, ours, CapabilityArguments.Empty);

        Directory.CreateDirectory(_temp.Combine("dcm2niix"));
        await RunAsync(Dcm2niix, "-z", "n", "-b", "n", "-f", "ref", "-o", _temp.Combine("dcm2niix"), _temp.Combine("dicom", "CT"));
        var result = await Pydicom.RunJsonAsync(CompareScript, ours, _temp.Combine("dcm2niix", "ref.nii"));

        Assert.Equal(result.GetProperty("shapes")[0].ToString(), result.GetProperty("shapes")[1].ToString());
        Assert.True(result.GetProperty("flipDeviation").GetDouble() < 1e-3, $"index map is not the row flip: ours {result.GetProperty("ours")}, dcm2niix {result.GetProperty("dcm2niix")}");
        Assert.True(result.GetProperty("affineDeviation").GetDouble() < 1e-3, result.ToString());
        Assert.True(result.GetProperty("sameVoxels").GetBoolean(), "voxels differ at the same world position");
        Assert.True(result.GetProperty("nonAir").GetInt32() > 0, "the phantom is missing from dcm2niix's output");
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }
}
