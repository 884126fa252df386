using System.Text.Json;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Nifti;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;

namespace Imaging.Plugins.Tests.Nifti;

/// <summary>
/// Files written by nibabel (qform only, sform over qform, neither, scaling, big endian, 4-D, .hdr/.img pairs,
/// NIfTI-2, gzip, datatypes) read by the <c>nifti</c> format and compared with what nibabel says they hold.
/// </summary>
public sealed class NiftiReadTests : IClassFixture<NiftiReadTests.Files>
{
    /// <summary>The files, written once by nibabel; each entry gives the RAS affine nibabel uses and the scaled voxels.</summary>
    public sealed class Files : IAsyncLifetime
    {
        private const string Script = """
            import sys, os, json, numpy as np, nibabel as nib
            out = sys.argv[1]
            rng = np.arange(4 * 3 * 2).reshape((4, 3, 2), order="F")
            def quat_affine(b, c, d, qfac, zooms, offset):
                a = np.sqrt(max(0.0, 1 - b*b - c*c - d*d))
                R = np.array([[a*a+b*b-c*c-d*d, 2*(b*c-a*d), 2*(b*d+a*c)],
                              [2*(b*c+a*d), a*a+c*c-b*b-d*d, 2*(c*d-a*b)],
                              [2*(b*d-a*c), 2*(c*d+a*b), a*a+d*d-c*c-b*b]])
                M = np.eye(4); M[:3, :3] = R @ np.diag([zooms[0], zooms[1], zooms[2] * qfac]); M[:3, 3] = offset
                return M
            manifest = {}
            def save(name, img):
                path = os.path.join(out, name)
                nib.save(img, path)
                back = nib.load(path)
                manifest[name] = {"affine": back.affine.tolist(), "data": np.asarray(back.get_fdata(), dtype=np.float64).ravel(order="F").tolist(),
                                  "shape": list(back.shape)}
            cases = {"qform_identity.nii": (0, 0, 0, 1), "qform_rot.nii": (0.1, -0.2, 0.3, 1), "qform_qfac.nii": (0.1, -0.2, 0.3, -1),
                     "qform_180.nii": (1.0, 0.0, 0.0, 1), "qform_radiological.nii": (0, 1, 0, -1)}
            for name, (b, c, d, qfac) in cases.items():
                img = nib.Nifti1Image(rng.astype(np.int16), None)
                img.header.set_qform(quat_affine(b, c, d, qfac, (0.7, 0.8, 2.0), (10.5, -20.25, 30)), code=1)
                img.header.set_sform(None, code=0)
                save(name, img)
            s = np.array([[0.9, 0.1, 0, -5], [-0.1, 0.9, 0.2, 6], [0, -0.2, 2.1, 7], [0, 0, 0, 1]])
            img = nib.Nifti1Image(rng.astype(np.float32), s)
            img.header.set_qform(np.diag([2, 2, 2, 1]), code=1)
            img.header.set_sform(s, code=2)
            save("sform_over_qform.nii", img)
            img = nib.Nifti1Image(rng.astype(np.uint8), None)
            img.header.set_qform(None, code=0); img.header.set_sform(None, code=0); img.header.set_zooms((1.5, 2.5, 3.5))
            save("pixdim_only.nii", img)
            img = nib.Nifti1Image(rng.astype(np.int16), np.diag([1, 1, 1, 1])); img.header.set_slope_inter(2.5, -100)
            save("scaled.nii", img)
            h = nib.Nifti1Header(endianness=">")
            img = nib.Nifti1Image(rng.astype(">f4") * 0.25, np.diag([-1, 2, 3, 1]), header=h)
            save("big_endian.nii", img)
            img = nib.Nifti1Image(np.stack([rng, rng + 100, rng + 200], axis=3).astype(np.int32), np.diag([-1, -1, 1, 1]))
            save("four_d.nii", img)
            img = nib.Nifti1Pair(rng.astype(np.uint16), np.diag([-0.5, 0.5, 4, 1]))
            save("pair.hdr", img)
            img = nib.Nifti2Image(rng.astype(np.float64) / 3, s)
            save("nifti2.nii.gz", img)
            for dt in ["int8", "uint32", "int64"]:
                save(f"dt_{dt}.nii", nib.Nifti1Image((rng - (5 if dt != "uint32" else 0)).astype(dt), np.eye(4), dtype=dt))
            print(json.dumps(manifest))
            """;

        private readonly TempFolder _temp = new();

        public string Folder => _temp.Path;

        public JsonElement Manifest { get; private set; }

        public async Task InitializeAsync() => Manifest = await Pydicom.RunJsonAsync(Script, _temp.Path);

        public Task DisposeAsync()
        {
            _temp.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly Files _files;
    private readonly NiftiFormat _format = new();

    public NiftiReadTests(Files files) => _files = files;

    /// <summary>The RAS affine nibabel gives, turned into LPS geometry by hand (negate rows x and y).</summary>
    private static VolumeGeometry ExpectedGeometry(JsonElement entry)
    {
        var m = Nibabel.Matrix(entry.GetProperty("affine"));
        var shape = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Vector3D Column(int c) => new(-m[0, c], -m[1, c], m[2, c]);
        Vector3D c0 = Column(0), c1 = Column(1), c2 = Column(2);
        return new VolumeGeometry(shape[0], shape[1], shape[2], new Vector3D(c0.Length, c1.Length, c2.Length), Column(3),
            c0 / c0.Length, c1 / c1.Length, c2 / c2.Length);
    }

    [Theory]
    [InlineData("qform_identity.nii")]
    [InlineData("qform_rot.nii")]
    [InlineData("qform_qfac.nii")]
    [InlineData("qform_180.nii")]
    [InlineData("qform_radiological.nii")]
    [InlineData("sform_over_qform.nii")]
    [InlineData("big_endian.nii")]
    [InlineData("pair.hdr")]
    [InlineData("nifti2.nii.gz")]
    [InlineData("scaled.nii")]
    [InlineData("dt_int8.nii")]
    [InlineData("dt_uint32.nii")]
    [InlineData("dt_int64.nii")]
    public async Task ReadAsync_NibabelFile_SameGeometryInLpsAndSameVoxels(string name)
    {
        var entry = _files.Manifest.GetProperty(name);
        var volume = await _format.ReadAsync(Path.Combine(_files.Folder, name));
        NiftiAssert.Geometry(ExpectedGeometry(entry), volume.Geometry, 1e-5);
        Assert.Equal(Nibabel.Doubles(entry.GetProperty("data")), NiftiTestVolumes.Values(volume));
    }

    [Fact]
    public async Task ReadAsync_SformAndQformDiffer_SformWins()
    {
        var info = await _format.ReadInfoAsync(Path.Combine(_files.Folder, "sform_over_qform.nii"));
        Assert.Equal("sform", info.Orientation);
        var volume = await _format.ReadAsync(Path.Combine(_files.Folder, "sform_over_qform.nii"));
        // sform column 0 is (0.9, -0.1, 0) in RAS: (−0.9, 0.1, 0) in LPS; the qform would have said 2 mm along −x.
        Assert.Equal(Math.Sqrt(0.82), volume.Geometry.Spacing.X, 5);
    }

    [Fact]
    public async Task ReadAsync_NoTransform_PixdimOnlyAlongRasAxes()
    {
        var path = Path.Combine(_files.Folder, "pixdim_only.nii");
        var info = await _format.ReadInfoAsync(path);
        Assert.Equal("pixdim", info.Orientation);
        var volume = await _format.ReadAsync(path);
        // nifti1.h method 1: x = pixdim[1]·i in RAS, i.e. towards the patient's right: LPS (−1, 0, 0).
        Assert.Equal(new Vector3D(1.5, 2.5, 3.5), volume.Geometry.Spacing);
        Assert.Equal(new Vector3D(-1, 0, 0), volume.Geometry.RowDirection);
        Assert.Equal(new Vector3D(0, -1, 0), volume.Geometry.ColumnDirection);
        Assert.Equal(new Vector3D(0, 0, 1), volume.Geometry.SliceDirection);
    }

    [Fact]
    public async Task ReadAsync_Scaled_AppliesSlopeAndInterceptAsFloat32()
    {
        var volume = await _format.ReadAsync(Path.Combine(_files.Folder, "scaled.nii"));
        Assert.Equal(SampleType.Float32, volume.SampleType);
        Assert.Equal(-100f, volume.GetVoxels<float>()[0]);
        Assert.Equal(2.5f * 1 - 100, volume.GetVoxels<float>()[1]);
    }

    [Fact]
    public async Task ReadAsync_FourD_ReadsTheAskedVolumeAndReportsTheCount()
    {
        var path = Path.Combine(_files.Folder, "four_d.nii");
        var info = await _format.ReadInfoAsync(path);
        Assert.Equal(3, info.VolumeCount);
        Assert.Equal([4L, 3, 2, 3], info.Dimensions);
        var all = Nibabel.Doubles(_files.Manifest.GetProperty("four_d.nii").GetProperty("data"));
        for (int t = 0; t < 3; t++)
        {
            var volume = t == 0 ? await _format.ReadAsync(path) : await _format.ReadAsync(path, t);
            Assert.Equal(all.Skip(24 * t).Take(24), NiftiTestVolumes.Values(volume));
        }
        await Assert.ThrowsAsync<InvalidInputException>(() => _format.ReadAsync(path, 3));
    }

    [Fact]
    public async Task ReadAsync_BigEndian_ReportedAndDecoded()
    {
        var info = await _format.ReadInfoAsync(Path.Combine(_files.Folder, "big_endian.nii"));
        Assert.True(info.BigEndian);
        Assert.Equal("float32", info.DataType);
    }

    [Fact]
    public async Task ReadAsync_PairByImageName_ReadsTheSamePair()
    {
        var byHeader = await _format.ReadAsync(Path.Combine(_files.Folder, "pair.hdr"));
        var byImage = await _format.ReadAsync(Path.Combine(_files.Folder, "pair.img"));
        Assert.Equal(NiftiTestVolumes.Values(byHeader), NiftiTestVolumes.Values(byImage));
    }

    [Fact]
    public async Task ReadAsync_NotNifti_ThrowsInvalidInputNamingTheFile()
    {
        var path = Path.Combine(_files.Folder, "junk.nii");
        await File.WriteAllBytesAsync(path, new byte[400]);
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _format.ReadAsync(path));
        Assert.Contains("junk.nii", e.Message, StringComparison.Ordinal);
        Assert.Contains("sizeof_hdr", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Truncated_ThrowsInvalidInput()
    {
        var source = Path.Combine(_files.Folder, "qform_rot.nii");
        var path = Path.Combine(_files.Folder, "truncated.nii");
        var bytes = await File.ReadAllBytesAsync(source);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length - 10)]);
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _format.ReadAsync(path));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CorruptGzip_ThrowsInvalidInputNamingTheFile()
    {
        var path = Path.Combine(_files.Folder, "corrupt.nii.gz");
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                gzip.Write(await File.ReadAllBytesAsync(Path.Combine(_files.Folder, "qform_rot.nii")));
            var bytes = buffer.ToArray();
            for (int i = 12; i < bytes.Length - 8; i++) bytes[i] ^= 0x5A;   // keep the gzip header, spoil the deflate stream
            await File.WriteAllBytesAsync(path, bytes);
        }

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _format.ReadAsync(path));
        var info = await Assert.ThrowsAsync<InvalidInputException>(() => _format.ReadInfoAsync(path));

        Assert.Contains("corrupt.nii.gz", e.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt.nii.gz", info.Message, StringComparison.Ordinal);
    }
}
