using System.Text.Json;

namespace Imaging.Cli.Tests.Commands;

public sealed class CollectionCommandTests(SampleStudy sample) : IClassFixture<SampleStudy>
{
    private static JsonElement Json(Cli run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Collection_SampleWithJunk_OneRowPerSeriesWithCountsAndGeometry()
    {
        var root = Json(Cli.Run("collection", sample.Folder, "--format", "json"));

        var series = root.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(2, series.Count);
        var (ct, mr) = (series[0], series[1]);
        Assert.Equal(("CT", 1, SampleStudy.CtSlices, SampleStudy.CtSlices), (ct.GetProperty("modality").GetString(), ct.GetProperty("seriesNumber").GetInt32(), ct.GetProperty("instances").GetInt32(), ct.GetProperty("frames").GetInt32()));
        Assert.Equal(("MR", 2, SampleStudy.MrSlices, SampleStudy.MrSlices), (mr.GetProperty("modality").GetString(), mr.GetProperty("seriesNumber").GetInt32(), mr.GetProperty("instances").GetInt32(), mr.GetProperty("frames").GetInt32()));
        foreach (var s in series)
        {
            Assert.Equal(["32x32"], s.GetProperty("sizes").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("SYN0001", s.GetProperty("patientId").GetString());
            Assert.Equal("PHANTOM^SYNTHETIC", s.GetProperty("patientName").GetString());
            Assert.Equal("20260101", s.GetProperty("studyDate").GetString());
            Assert.Equal("1.2.840.10008.1.2.1", s.GetProperty("transferSyntaxes")[0].GetProperty("uid").GetString());
            Assert.StartsWith("2.25.", s.GetProperty("seriesInstanceUid").GetString());
        }
        Assert.Equal(ct.GetProperty("studyInstanceUid").GetString(), mr.GetProperty("studyInstanceUid").GetString());
        Assert.NotEqual(ct.GetProperty("seriesInstanceUid").GetString(), mr.GetProperty("seriesInstanceUid").GetString());
        Assert.Equal(SampleStudy.CtSlices + SampleStudy.MrSlices + 2, root.GetProperty("files").GetInt32());
    }

    [Fact]
    public void Collection_JunkAndTruncatedFiles_ListedUnreadableWithReason()
    {
        var root = Json(Cli.Run("collection", sample.Folder, "--format", "json"));

        var unreadable = root.GetProperty("unreadable").EnumerateArray()
            .ToDictionary(u => u.GetProperty("path").GetString()!, u => u.GetProperty("reason").GetString()!);
        Assert.Equal([sample.Truncated, sample.Junk], unreadable.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not a DICOM file", unreadable[sample.Junk]);
        Assert.StartsWith("truncated:", unreadable[sample.Truncated]);
        Assert.All(unreadable.Values, r => Assert.DoesNotContain('\n', r));
        Assert.All(unreadable.Values, r => Assert.DoesNotContain(sample.Folder, r));
    }

    [Fact]
    public void Collection_Table_ShowsSeriesSummaryAndUnreadable()
    {
        var run = Cli.Run("collection", sample.Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n');
        Assert.StartsWith("Patient ID", lines[0]);
        Assert.Contains(lines, l => l.Contains("Phantom CT") && l.Contains("32x32") && l.Contains("Explicit VR Little Endian"));
        Assert.Contains(lines, l => l.Contains("Phantom MR T1"));
        Assert.Contains("12 files: 2 series, 10 instances, 1 study, 1 patient; 2 unreadable", run.Stdout);
        Assert.Contains($"  {sample.Junk}: ", run.Stdout);
        Assert.DoesNotContain('\u001b', run.Stdout);
    }

    [Fact]
    public void Collection_FormatCsv_ParsesAsRfc4180WithHeader()
    {
        var run = Cli.Run("collection", sample.Folder, "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var records = Csv.Parse(run.Stdout);
        Assert.Equal(3, records.Count);
        var header = records[0].ToList();
        Assert.Equal(["PatientID", "PatientName", "StudyDate", "StudyInstanceUID", "SeriesNumber", "SeriesInstanceUID", "Modality", "SeriesDescription", "Instances", "Frames", "Size", "TransferSyntaxUID"], header);
        Assert.Equal(("CT", "6", "32x32"), (records[1][header.IndexOf("Modality")], records[1][header.IndexOf("Instances")], records[1][header.IndexOf("Size")]));
        Assert.Equal(("MR", "4", "Phantom MR T1"), (records[2][header.IndexOf("Modality")], records[2][header.IndexOf("Instances")], records[2][header.IndexOf("SeriesDescription")]));
        Assert.Contains($"imaging: unreadable: {sample.Junk}: ", run.Stderr);
    }

    [Fact]
    public void Collection_RunTwice_SameOutput()
    {
        var first = Cli.Run("collection", sample.Folder, "--format", "json");
        var second = Cli.Run("collection", sample.Folder, "--format", "json");

        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public void Collection_Out_WritesTheReportToTheFileOnly()
    {
        using var temp = new TempFolder();
        var report = temp.File("collection.json");
        File.WriteAllText(report, "old");

        var run = Cli.Run("collection", sample.Folder, "--format", "json", "--out", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(2, doc.RootElement.GetProperty("series").GetArrayLength());
        Assert.Equal([report], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Collection_OutInMissingFolder_ExitsTwo()
    {
        using var temp = new TempFolder();
        var run = Cli.Run("collection", sample.Folder, "--out", temp.File("no/such/dir/report.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("imaging: ", run.Stderr);
    }

    [Fact]
    public void Collection_MissingDir_ExitsTwo()
    {
        using var temp = new TempFolder();
        var missing = temp.File("nothing-here");

        var run = Cli.Run("collection", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"imaging: {missing}: no such directory", run.Stderr.Trim());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Collection_DicomDirTests_SkipsEveryDicomDirAndReadsTheInstances()
    {
        var root = Json(Cli.Run("collection", TestFiles.DicomDirTests, "--format", "json"));

        var dicomDirs = root.GetProperty("dicomdirs").EnumerateArray().Select(e => Path.GetFileName(e.GetString()!)).ToList();
        var expected = Directory.GetFiles(TestFiles.DicomDirTests, "DICOMDIR*", SearchOption.AllDirectories).Length;
        Assert.Equal(expected, dicomDirs.Count);
        Assert.All(dicomDirs, d => Assert.StartsWith("DICOMDIR", d));
        var files = root.GetProperty("series").EnumerateArray().SelectMany(s => s.GetProperty("files").EnumerateArray()).Select(f => Path.GetFileName(f.GetString()!));
        Assert.DoesNotContain(files, f => f.StartsWith("DICOMDIR", StringComparison.Ordinal));
        Assert.True(root.GetProperty("instances").GetInt32() > 20);
    }
}
