using System.Text.Json;
using Imaging.Cli.PhiScan;
using Imaging.Dicom;

namespace Imaging.Cli.Tests.PhiScan;

/// <summary>`imaging phi-scan` output: table, JSON schema, --out, masking, exit codes, and the raw synthetic study.</summary>
public sealed class PhiScanOutputTests
{
    private static PhiScanFolder WithName()
    {
        var folder = new PhiScanFolder();
        folder.Save(PhiScanFolder.Clean().AddOrUpdate(DicomTag.PatientName, "JOHNSTONE^MARY").AddOrUpdate(DicomTag.ImageComments, "JOHNSTONE called"), "a/IMG1.dcm");
        return folder;
    }

    [Fact]
    public void PhiScan_Json_StableSchema()
    {
        using var folder = WithName();

        var run = PhiScanRun.Scan(folder.Path);

        var root = run.Json;
        Assert.Equal(PhiReportWriter.Schema, root.GetProperty("schema").GetString());
        Assert.Equal(folder.Path, root.GetProperty("root").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("source").ValueKind);
        Assert.Equal(1, root.GetProperty("filesScanned").GetInt32());
        Assert.Equal(1, root.GetProperty("filesWithFindings").GetInt32());
        Assert.False(root.GetProperty("clean").GetBoolean());
        Assert.Equal(1, root.GetProperty("countsByRule").GetProperty(PhiRule.PersonName).GetInt32());
        Assert.Equal(1, root.GetProperty("countsByRule").GetProperty(PhiRule.FreeText).GetInt32());
        string[] keys = ["file", "tag", "path", "keyword", "vr", "rule", "severity", "value", "detail"];
        Assert.All(run.Findings, f =>
        {
            Assert.Equal(keys, f.EnumerateObject().Select(p => p.Name));
            Assert.All(f.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
            Assert.Equal("a/IMG1.dcm", f.GetProperty("file").GetString());
        });
    }

    [Fact]
    public void PhiScan_Table_MasksValuesAndEndsWithSummary()
    {
        using var folder = WithName();

        var run = Cli.Run("phi-scan", folder.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("JOHNSTONE", run.Stdout, StringComparison.OrdinalIgnoreCase);
        var lines = run.Stdout.TrimEnd().Split('\n');
        Assert.StartsWith("File", lines[0]);
        Assert.Contains(lines, l => l.Contains("(0010,0010)") && l.Contains("PatientName") && l.Contains("person-name") && l.Contains("JOH…"));
        Assert.Equal("1 file scanned: 2 findings in 1 file (free-text 1, person-name 1)", lines[^1]);
    }

    [Fact]
    public void PhiScan_JsonAndOutFile_NeverHoldTheValue()
    {
        using var folder = WithName();
        using var temp = new TempFolder();
        var outPath = temp.File("report.json");

        var run = Cli.Run("phi-scan", folder.Path, "--format", "json", "--out", outPath);

        Assert.Equal(1, run.ExitCode);
        var written = File.ReadAllText(outPath);
        Assert.Equal(run.Stdout.TrimEnd(), written.TrimEnd());
        Assert.DoesNotContain("JOHNSTONE", written, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"value\": \"JOH…\"", written);
        Assert.Equal(["report.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void PhiScan_CleanFolder_ExitZeroWithSummary()
    {
        using var folder = new PhiScanFolder();
        folder.Save(PhiScanFolder.Clean());

        var run = Cli.Run("phi-scan", folder.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("1 file scanned: no residual PHI found", run.Stdout.Trim());
    }

    [Theory]
    [InlineData("/no/such/folder/anywhere")]
    public void PhiScan_MissingDir_ExitTwo(string dir)
    {
        var run = Cli.Run("phi-scan", dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such directory", run.Stderr);
    }

    [Fact]
    public void PhiScan_NoArguments_ExitTwo()
    {
        Assert.Equal(2, Cli.Run("phi-scan").ExitCode);
    }

    [Theory]
    [InlineData("2020")]
    [InlineData("20200101-20201231")]
    [InlineData("20201231:20200101")]
    [InlineData(":")]
    public void PhiScan_BadDateRange_ExitTwo(string range)
    {
        using var folder = new PhiScanFolder();
        folder.Save(PhiScanFolder.Clean());

        var run = Cli.Run("phi-scan", folder.Path, "--date-range", range);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--date-range", run.Stderr);
    }

    [Fact]
    public void PhiScan_BadFormat_ExitTwo()
    {
        using var folder = new PhiScanFolder();

        Assert.Equal(2, Cli.Run("phi-scan", folder.Path, "--format", "xml").ExitCode);
    }

    [Fact]
    public void PhiScan_RawSyntheticStudy_FindsPatientNameAndExitsOne()
    {
        using var temp = new TempFolder();
        var sample = Cli.Run("sample", temp.Path, "--ct", "2", "--mr", "1", "--size", "8");
        Assert.True(sample.ExitCode == 0, sample.ToString());

        var run = PhiScanRun.Scan(temp.Path);

        Assert.Equal(1, run.Run.ExitCode);
        var files = run.Json.GetProperty("filesScanned").GetInt32();
        Assert.Equal(3, files);
        var names = run.Rule(PhiRule.PersonName).Select(f => new JsonFinding(f)).ToList();
        Assert.Equal(files, names.Count(f => f.Keyword == "PatientName"));
        Assert.Equal(files, names.Count(f => f.Keyword == "ReferringPhysicianName"));
        Assert.Equal(files, run.Rule(PhiRule.IdentityNotRemoved).Count);
        Assert.Contains(run.Rule(PhiRule.Identifier), f => f.GetProperty("keyword").GetString() == "PatientBirthDate");
        Assert.Contains(run.Rule(PhiRule.FreeText), f => f.GetProperty("keyword").GetString() == "StudyDescription");
        Assert.DoesNotContain("PHANTOM^SYNTHETIC", run.Run.Stdout);
    }

    [Fact]
    public void PhiScan_RawSyntheticStudyAgainstItself_SourceMatchesEveryUid()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("sample", temp.Path, "--ct", "2", "--mr", "1", "--size", "8").ExitCode);

        var run = PhiScanRun.Scan(temp.Path, "--source", temp.Path);

        var details = run.Rule(PhiRule.SourceMatch).Select(f => new JsonFinding(f)).ToList();
        Assert.Equal(3, details.Count(f => f.Keyword == "StudyInstanceUID"));
        Assert.Equal(3, details.Count(f => f.Keyword == "SOPInstanceUID"));
        Assert.Equal(3, details.Count(f => f.Keyword == "PatientID"));
        // The name's components appear in the study description ("Synthetic phantom study").
        Assert.Contains(details, f => f.Keyword == "StudyDescription" && f.Detail == "contains original PatientName component");
    }
}
