using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Nifti;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Nifti;

/// <summary>Volumes written by the <c>nifti</c> format, read back by nibabel (the oracle) and by ourselves.</summary>
public sealed class NiftiWriteTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly NiftiFormat _format = new(new TestFileOutput());

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(SampleType.UInt8, "uint8")]
    [InlineData(SampleType.Int8, "int8")]
    [InlineData(SampleType.Int16, "int16")]
    [InlineData(SampleType.UInt16, "uint16")]
    [InlineData(SampleType.Int32, "int32")]
    [InlineData(SampleType.UInt32, "uint32")]
    [InlineData(SampleType.Float32, "float32")]
    [InlineData(SampleType.Float64, "float64")]
    public async Task WriteAsync_EachDatatype_NibabelReadsSameVoxelsAndWeReadThemBack(SampleType type, string dtype)
    {
        var volume = NiftiTestVolumes.Create(type);
        var path = _temp.Combine($"{dtype}.nii");
        await _format.WriteAsync(volume, path, CapabilityArguments.Empty);

        var nib = await Nibabel.ReadAsync(path);
        Assert.Equal(dtype, nib.GetProperty("dtype").GetString());
        Assert.Equal(NiftiTestVolumes.Values(volume), Nibabel.Doubles(nib.GetProperty("data")));
        Assert.Equal(348, nib.GetProperty("sizeof_hdr").GetInt32());

        var back = await _format.ReadAsync(path);
        Assert.Equal(type, back.SampleType);
        Assert.Equal(NiftiTestVolumes.Values(volume), NiftiTestVolumes.Values(back));
        NiftiAssert.Geometry(volume.Geometry, back.Geometry, 1e-5);
    }

    [Theory]
    [InlineData("v1.nii.gz", "1", 348)]
    [InlineData("v2.nii.gz", "2", 540)]
    [InlineData("v2.nii", "2", 540)]
    public async Task WriteAsync_VersionAndGzip_NibabelReadsIt(string name, string version, int headerSize)
    {
        var volume = NiftiTestVolumes.Create(SampleType.Int16, NiftiTestVolumes.Oblique());
        var path = _temp.Combine(name);
        await _format.WriteAsync(volume, path, CapabilityArguments.Empty.With("version", version));

        var head = new byte[2];
        await using (var f = File.OpenRead(path)) await f.ReadExactlyAsync(head);
        Assert.Equal(name.EndsWith(".gz", StringComparison.Ordinal), head[0] == 0x1F && head[1] == 0x8B);
        var nib = await Nibabel.ReadAsync(path);
        Assert.Equal(headerSize, nib.GetProperty("sizeof_hdr").GetInt32());
        Assert.Equal(NiftiTestVolumes.Values(volume), Nibabel.Doubles(nib.GetProperty("data")));
        NiftiAssert.Matrix(NiftiAssert.ExpectedRas(volume.Geometry), Nibabel.Matrix(nib.GetProperty("affine")), 1e-4);

        var info = await _format.ReadInfoAsync(path);
        Assert.Equal(int.Parse(version, System.Globalization.CultureInfo.InvariantCulture), info.Version);
        var back = await _format.ReadAsync(path);
        NiftiAssert.Geometry(volume.Geometry, back.Geometry, version == "2" ? 1e-9 : 1e-5);
        Assert.Equal(NiftiTestVolumes.Values(volume), NiftiTestVolumes.Values(back));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WriteAsync_ObliqueGeometry_SformAndQformBothGiveTheLpsToRasAffine(bool leftHanded)
    {
        var volume = NiftiTestVolumes.Create(SampleType.Float32, NiftiTestVolumes.Oblique(leftHanded));
        var path = _temp.Combine("oblique.nii");
        await _format.WriteAsync(volume, path, CapabilityArguments.Empty);

        var nib = await Nibabel.ReadAsync(path);
        var expected = NiftiAssert.ExpectedRas(volume.Geometry);
        Assert.Equal(1, nib.GetProperty("scode").GetInt32());
        Assert.Equal(1, nib.GetProperty("qcode").GetInt32());
        NiftiAssert.Matrix(expected, Nibabel.Matrix(nib.GetProperty("sform")), 1e-4);
        // nibabel rebuilds the qform from our quaternion and qfac: an independent check of the quaternion maths.
        NiftiAssert.Matrix(expected, Nibabel.Matrix(nib.GetProperty("qform")), 1e-4);
        Assert.Equal(leftHanded ? -1.0 : 1.0, nib.GetProperty("qfac").GetDouble());
        Assert.Equal(10, nib.GetProperty("xyzt_units").GetInt32()); // mm (2) + s (8)
    }

    [Fact]
    public async Task WriteAsync_ExistingFile_ThrowsIOExceptionUnlessOverwrite()
    {
        var volume = NiftiTestVolumes.Create(SampleType.UInt8);
        var path = _temp.Combine("a.nii");
        await _format.WriteAsync(volume, path, CapabilityArguments.Empty);
        await Assert.ThrowsAsync<IOException>(() => _format.WriteAsync(volume, path, CapabilityArguments.Empty));
        await _format.WriteAsync(volume, path, CapabilityArguments.Empty, overwrite: true);
        Assert.Equal(NiftiTestVolumes.Values(volume), NiftiTestVolumes.Values(await _format.ReadAsync(path)));
    }

    [Theory]
    [InlineData("a.hdr", "version=1")]
    [InlineData("a.nii", "version=3")]
    public async Task WriteAsync_BadNameOrArgument_ThrowsInvalidInput(string name, string argument)
    {
        var volume = NiftiTestVolumes.Create(SampleType.UInt8);
        await Assert.ThrowsAsync<InvalidInputException>(() => _format.WriteAsync(volume, _temp.Combine(name), CapabilityArguments.Parse([argument])));
    }

    [Fact]
    public async Task WriteAsync_NoFileOutput_ThrowsNotSupported()
    {
        var format = new NiftiFormat();
        Assert.False(format.CanWrite);
        await Assert.ThrowsAsync<NotSupportedException>(() => format.WriteAsync(NiftiTestVolumes.Create(SampleType.UInt8), _temp.Combine("a.nii"), CapabilityArguments.Empty));
    }

    [Fact]
    public async Task WriteAsync_Progress_ReportsSlicesUpToTotal()
    {
        var volume = NiftiTestVolumes.Create(SampleType.Int16);
        var progress = new RecordingProgress<ProgressReport>();
        await _format.WriteAsync(volume, _temp.Combine("p.nii"), CapabilityArguments.Empty, progress: progress);
        Assert.NotEmpty(progress.Reports);
        Assert.Equal(volume.Geometry.SizeK, progress.Reports[^1].Completed);
        Assert.All(progress.Reports, r => Assert.Equal(volume.Geometry.SizeK, r.Total));
    }
}
