using Imaging.Dicom;
using Imaging.Sdk.Testing;

namespace Imaging.Cli.Tests.Commands;

public sealed class SampleCommandTests
{
    [Fact]
    public void Sample_EmptyFolder_WritesCtAndMrSeriesAndSaysSo()
    {
        using var temp = new TempFolder();

        var run = Cli.Run("sample", temp.Path, "--ct", "3", "--mr", "2", "--size", "16");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, Directory.GetFiles(temp.File("CT")).Length);
        Assert.Equal(2, Directory.GetFiles(temp.File("MR")).Length);
        Assert.Contains("5 files", run.Stdout);
        Assert.Contains($"CT  {temp.File("CT")}  3 slices of 16x16", run.Stdout);
        var file = DicomFile.Open(temp.File("MR/IMG0002.dcm"));
        Assert.Equal(16, file.Dataset.GetSingleValue<int>(DicomTag.Rows));
        Assert.Equal("MR", file.Dataset.GetString(DicomTag.Modality));
    }

    [Fact]
    public void Sample_FolderWithOtherFiles_RefusedAndLeftAlone()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("thesis.docx"), "precious");

        var run = Cli.Run("sample", temp.Path, "--ct", "2", "--mr", "0", "--size", "16");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not empty", run.Stderr);
        Assert.Contains("--force", run.Stderr);
        Assert.Equal([temp.File("thesis.docx")], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Sample_ForceWithOtherFiles_WritesBesideThem()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("thesis.docx"), "precious");

        var run = Cli.Run("sample", temp.Path, "--ct", "2", "--mr", "0", "--size", "16", "--force");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("precious", File.ReadAllText(temp.File("thesis.docx")));
        Assert.Equal(2, Directory.GetFiles(temp.File("CT")).Length);
    }

    [Fact]
    public void Sample_OverPreviousSample_ReplacesItWithoutStaleSlices()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("sample", temp.Path, "--ct", "5", "--mr", "2", "--size", "16").ExitCode);

        var run = Cli.Run("sample", temp.Path, "--ct", "2", "--mr", "0", "--size", "16");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([temp.File("CT/IMG0001.dcm"), temp.File("CT/IMG0002.dcm")], Directory.GetFiles(temp.File("CT")).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(temp.File("MR")));
    }

    [Fact]
    public void Sample_NothingToWrite_ExitsTwo()
    {
        using var temp = new TempFolder();

        var run = Cli.Run("sample", temp.Path, "--ct", "0", "--mr", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("--size", "4")]
    [InlineData("--ct", "-1")]
    public void Sample_OutOfRangeOption_ExitsTwo(string option, string value)
    {
        using var temp = new TempFolder();

        var run = Cli.Run("sample", temp.Path, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr);
    }

    [Theory]
    [InlineData("CT/IMG0001.dcm", true)]
    [InlineData("MR/IMG12345.dcm", true)]
    [InlineData("CT/IMG01.dcm", false)]
    [InlineData("US/IMG0001.dcm", false)]
    [InlineData("IMG0001.dcm", false)]
    [InlineData("CT/IMG0001.dcm.bak", false)]
    [InlineData("CT/sub/IMG0001.dcm", false)]
    public void IsWrittenFile_Paths_MatchWriteToLayout(string relative, bool expected) =>
        Assert.Equal(expected, SyntheticStudy.IsWrittenFile("/data/sample", Path.Combine("/data/sample", relative)));
}
