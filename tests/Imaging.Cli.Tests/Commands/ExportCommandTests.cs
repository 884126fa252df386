using System.Diagnostics;

namespace Imaging.Cli.Tests.Commands;

/// <summary>`imaging export`: nifti through the host's volume-format plugin (checked by nibabel), png per frame, no overwriting.</summary>
public sealed class ExportCommandTests : IClassFixture<SampleStudy>, IDisposable
{
    private readonly SampleStudy _study;
    private readonly TempFolder _out = new();

    public ExportCommandTests(SampleStudy study) => _study = study;

    public void Dispose() => _out.Dispose();

    [Fact]
    public async Task Export_NiftiFromCtFolder_NibabelReadsTheVolumeAndASecondRunRefuses()
    {
        var target = _out.File("ct.nii.gz");
        var run = Cli.Run("export", Path.Combine(_study.Folder, "CT"), "--format", "nifti", "--out", target);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{SampleStudy.Size}x{SampleStudy.Size}x{SampleStudy.CtSlices}", run.Stdout, StringComparison.Ordinal);

        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import sys, nibabel as nib; i = nib.load(sys.argv[1]); print(list(i.shape), round(float(i.affine[2, 2]), 3), int(i.get_fdata().max()))");
        psi.ArgumentList.Add(target);
        using var python = Process.Start(psi)!;
        var output = await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();
        // Shape, slice spacing 2.5 mm, and the bone sphere at +700 HU (modality values, not stored values).
        Assert.Equal($"[{SampleStudy.Size}, {SampleStudy.Size}, {SampleStudy.CtSlices}] 2.5 700", output.Trim());

        var again = Cli.Run("export", Path.Combine(_study.Folder, "CT"), "--format", "nifti", "--out", target);
        Assert.Equal(Program.BadInput, again.ExitCode);
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_NiftiFromWholeStudy_RefusesTwoSeries()
    {
        var run = Cli.Run("export", _study.Folder, "--format", "nifti", "--out", _out.File("study.nii"));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("holds 2 volumes", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_out.File("study.nii")));
    }

    [Fact]
    public void Export_NiftiBadFormatArgument_RefusedAndNothingWritten()
    {
        var run = Cli.Run("export", Path.Combine(_study.Folder, "CT"), "--format", "nifti", "--out", _out.File("bad.nii"), "--arg", "version=7");
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("version", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_out.File("bad.nii")));
    }

    [Fact]
    public void Export_PngFromCtFolder_OnePicturePerSliceAndNoOverwrite()
    {
        var folder = _out.File("png");
        var run = Cli.Run("export", Path.Combine(_study.Folder, "CT"), "--format", "png", "--out", folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        var files = Directory.GetFiles(folder, "*.png");
        Assert.Equal(SampleStudy.CtSlices, files.Length);
        Assert.All(files, f => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(f)[..4]));

        var again = Cli.Run("export", Path.Combine(_study.Folder, "CT"), "--format", "png", "--out", folder);
        Assert.Equal(Program.BadInput, again.ExitCode);
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_MissingInput_OneLineError()
    {
        var run = Cli.Run("export", _out.File("nothing-here"), "--format", "png", "--out", _out.File("x"));
        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Export_PngFromUidNamedFiles_OnePictureEach()
    {
        // Files named by SOP Instance UID: the last UID component is not an extension, so ….1 and ….2 stay apart.
        var input = _out.File("uid-named");
        Directory.CreateDirectory(input);
        for (int i = 1; i <= 3; i++)
            File.Copy(Path.Combine(_study.Folder, "CT", $"IMG000{i}.dcm"), Path.Combine(input, $"1.2.826.0.1.3680043.8.498.{i}"));

        var run = Cli.Run("export", input, "--format", "png", "--out", _out.File("uid-png"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["1.2.826.0.1.3680043.8.498.1.png", "1.2.826.0.1.3680043.8.498.2.png", "1.2.826.0.1.3680043.8.498.3.png"],
            Directory.GetFiles(_out.File("uid-png")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Export_PngTwoInputsOneName_RefusedBeforeWritingAnything()
    {
        var input = _out.File("clash");
        Directory.CreateDirectory(input);
        File.Copy(Path.Combine(_study.Folder, "CT", "IMG0001.dcm"), Path.Combine(input, "slice.dcm"));
        File.Copy(Path.Combine(_study.Folder, "CT", "IMG0002.dcm"), Path.Combine(input, "slice.DCM"));

        var run = Cli.Run("export", input, "--format", "png", "--out", _out.File("clash-png"));

        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("would both be written as", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out.File("clash-png")));
    }

    [Fact]
    public void Export_NiftiWithMissingSlice_RefusedUnlessAllowed()
    {
        var input = _out.File("gap");
        Directory.CreateDirectory(input);
        foreach (var file in Directory.GetFiles(Path.Combine(_study.Folder, "CT")).Where(f => !f.EndsWith("IMG0003.dcm", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));

        var refused = Cli.Run("export", input, "--format", "nifti", "--out", _out.File("gap.nii"));
        var allowed = Cli.Run("export", input, "--format", "nifti", "--out", _out.File("gap-allowed.nii"), "--allow-irregular");

        Assert.Equal(Program.BadInput, refused.ExitCode);
        Assert.Contains("1 missing", refused.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_out.File("gap.nii")));
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.True(File.Exists(_out.File("gap-allowed.nii")));
    }

    [Fact]
    public void Export_NiftiWrongExtension_RefusedBeforeLoading()
    {
        var run = Cli.Run("export", Path.Combine(_study.Folder, "CT"), "--format", "nifti", "--out", _out.File("ct.txt"));

        Assert.Equal(Program.BadInput, run.ExitCode);
        Assert.Contains("a NIfTI file name ends in .nii", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_out.File("ct.txt")));
    }

    [Fact]
    public void Export_NiftiThenDicom_SeriesWithTheSameGeometryAndValues()
    {
        var nifti = _out.File("roundtrip.nii.gz");
        var toNifti = Cli.Run("export", Path.Combine(_study.Folder, "CT"), "--format", "nifti", "--out", nifti);
        Assert.True(toNifti.ExitCode == 0, toNifti.ToString());

        var folder = _out.File("from-nifti");
        var toDicom = Cli.Run("export", nifti, "--format", "dicom", "--modality", "CT", "--out", folder);

        Assert.True(toDicom.ExitCode == 0, toDicom.ToString());
        var files = Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(SampleStudy.CtSlices, files.Length);
        var original = Imaging.Dicom.DicomFile.Open(Path.Combine(_study.Folder, "CT", "IMG0001.dcm")).Dataset;
        var first = Imaging.Dicom.DicomFile.Open(files[0]).Dataset;
        Assert.Equal("CT", first.GetString(Imaging.Dicom.DicomTag.Modality));
        Assert.Equal(original.GetValues<double>(Imaging.Dicom.DicomTag.PixelSpacing), first.GetValues<double>(Imaging.Dicom.DicomTag.PixelSpacing));
        var back = Imaging.Dicom.Imaging.Volumes.VolumeSeries.Read(files);
        var reference = Imaging.Dicom.Imaging.Volumes.VolumeSeries.Read(Directory.GetFiles(Path.Combine(_study.Folder, "CT")));
        Assert.Equal(0, Imaging.Dicom.Imaging.Volumes.Vector3D.Distance(reference.Geometry.Origin, back.Geometry.Origin), 3);
        Assert.Equal(reference.GetVoxels<short>().ToArray(), back.GetVoxels<short>().ToArray());

        var again = Cli.Run("export", nifti, "--format", "dicom", "--out", folder);
        Assert.Equal(Program.BadInput, again.ExitCode);
        Assert.Contains("not an empty folder", again.Stderr, StringComparison.Ordinal);
    }
}
