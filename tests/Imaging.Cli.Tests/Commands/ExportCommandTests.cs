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
}
