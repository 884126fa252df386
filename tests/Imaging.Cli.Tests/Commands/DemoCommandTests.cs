using Imaging.Dicom;

namespace Imaging.Cli.Tests.Commands;

/// <summary>`imaging demo`: the README's main job, end to end through the real plugin host and shipped plugins.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public DemoCommandTests()
    {
        Environment.SetEnvironmentVariable("IMAGING_HOME", Path.Combine(Path.GetTempPath(), "imaging-cli-tests-home"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Demo_FreshWorkspace_WritesStudySmoothedSeriesAndAuditLog()
    {
        var ws = _temp.File("ws");
        var r = Cli.Run("demo", "--workspace", ws, "--ct", "6");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(6 + 12, Directory.GetFiles(Path.Combine(ws, "study"), "*.dcm", SearchOption.AllDirectories).Length);
        var smoothed = Directory.GetFiles(Path.Combine(ws, "smoothed"), "*.dcm", SearchOption.AllDirectories);
        Assert.Equal(6, smoothed.Length);
        Assert.Contains("source:folder → filter:gaussian", r.Stdout);
        Assert.Contains("2 series", r.Stdout);

        // The filter has no 'phi' permission: what it produced carries no patient identity, and pixels were smoothed.
        var output = DicomFile.Open(smoothed[0]).Dataset;
        Assert.Equal("", output.GetSingleValueOrDefault(DicomTag.PatientName, ""));
        Assert.Equal("YES", output.GetString(DicomTag.PatientIdentityRemoved));
        Assert.Equal("DERIVED", output.GetValues<string>(DicomTag.ImageType)[0]);
        var originals = Directory.GetFiles(Path.Combine(ws, "study", "CT"), "*.dcm");
        Assert.DoesNotContain(smoothed.Select(f => DicomFile.Open(f).Dataset.GetString(DicomTag.SOPInstanceUID)),
            uid => originals.Any(o => DicomFile.Open(o).Dataset.GetString(DicomTag.SOPInstanceUID) == uid));

        var audit = File.ReadAllLines(Path.Combine(ws, "audit.log"));
        Assert.Contains(audit, l => l.Contains("\"plugin\":\"imaging.folder\"") && l.Contains("\"action\":\"phi-read\"") && l.Contains("source:folder"));
        Assert.Equal(6, audit.Count(l => l.Contains("\"action\":\"file-write\"")));
        Assert.DoesNotContain(audit, l => l.Contains("imaging.filters") && l.Contains("phi-read"));
    }

    [Fact]
    public void Demo_SecondRun_ReplacesItsOwnOutput()
    {
        var ws = _temp.File("ws2");
        Assert.Equal(0, Cli.Run("demo", "-w", ws, "--ct", "4").ExitCode);
        var r = Cli.Run("demo", "-w", ws, "--ct", "3");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(3, Directory.GetFiles(Path.Combine(ws, "smoothed"), "*.dcm", SearchOption.AllDirectories).Length);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(ws, "study", "CT"), "*.dcm").Length);
    }

    [Fact]
    public void Demo_NonEmptyFolderThatIsNotAWorkspace_IsRefusedAndLeftAlone()
    {
        var ws = Directory.CreateDirectory(_temp.File("mine")).FullName;
        File.WriteAllText(Path.Combine(ws, "notes.txt"), "keep me");
        var r = Cli.Run("demo", "-w", ws);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not an imaging workspace", r.Stderr);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(ws).Select(Path.GetFileName));
    }
}
