using Imaging.Dicom;

namespace Imaging.Scripting.Tests.Running;

/// <summary>Every example in scripts/*.csx runs through `imaging run` on the synthetic study and does what it says.</summary>
[Collection(RunnerCollection.Name)]
public sealed class ExampleScriptTests(RunnerFixture fixture)
{
    /// <summary>The scripts this class runs; a new script in scripts/ without a test here fails <see cref="ScriptsFolder_EveryScript_HasATest"/>.</summary>
    private static readonly string[] Tested =
        ["anonymize-study.csx", "ct-hu-histogram.csx", "ct-volume-export.csx", "find-and-copy-series.csx", "folder-summary.csx", "gaussian-pipeline.csx"];

    [Fact]
    public void ScriptsFolder_EveryScript_HasATest()
    {
        var shipped = Directory.GetFiles(TestFiles.ScriptsFolder, "*.csx").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.True(shipped.Length >= 5, $"expected at least five example scripts, found {shipped.Length}");
        Assert.Equal(Tested, shipped);
    }

    [Fact]
    public void FolderSummary_SyntheticStudy_WritesOneCsvRowPerSeries()
    {
        using var temp = new TempFolder();
        var csv = temp.File("summary.csv");
        var run = Cli.Run("run", TestFiles.Script("folder-summary.csx"), "--", fixture.Study, csv);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("PatientID,StudyInstanceUID,SeriesInstanceUID,SeriesNumber,Modality", lines[0], StringComparison.Ordinal);
        var ct = lines[1].Split(',');
        Assert.Equal(["SYN0001", "1", "CT", "24", "64", "64", "2.5"], new[] { ct[0], ct[3], ct[4], ct[6], ct[7], ct[8], ct[10] });
        Assert.Equal("MR", lines[2].Split(',')[4]);
        Assert.Contains("2 series, 36 instances", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CtVolumeExport_SyntheticStudy_WritesSmoothedNiftiAndMiddleSlicePng()
    {
        using var temp = new TempFolder();
        var run = Cli.Run("run", TestFiles.Script("ct-volume-export.csx"), "--", fixture.Study, temp.Path, "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("CT 64x64x24 Int16, spacing", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("HU -1000 to 700", run.Stdout, StringComparison.Ordinal);

        // nibabel reads the NIfTI: same grid as the CT, float32 after smoothing, 2.5 mm slices.
        var nifti = Path.Combine(temp.Path, "ct-smoothed.nii.gz");
        var shape = Python.Run($"import nibabel; i = nibabel.load(r'{nifti}'); print(i.shape, i.get_data_dtype(), round(float(i.header.get_zooms()[2]), 3))");
        Assert.Equal("(64, 64, 24) float32 2.5", shape.Trim());

        // The PNG's IHDR: 64 x 64, 8-bit grey.
        var png = File.ReadAllBytes(Path.Combine(temp.Path, "ct-middle.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(64, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(64, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(0, png[25]);

        var again = Cli.Run("run", TestFiles.Script("ct-volume-export.csx"), "--", fixture.Study, temp.Path, "2");
        Assert.NotEqual(0, again.ExitCode);
    }

    [Fact]
    public void FindAndCopy_CtWithEnoughSlices_CopiesTheSeriesInGeometricOrder()
    {
        using var temp = new TempFolder();
        var run = Cli.Run("run", TestFiles.Script("find-and-copy-series.csx"), "--", fixture.Study, temp.Path, "CT", "20");
        Assert.True(run.ExitCode == 0, run.ToString());
        var copied = Directory.GetFiles(Path.Combine(temp.Path, "SYN0001", "001_CT")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(24, copied.Length);
        var z = copied.Select(f => DicomFile.Open(f).Dataset.GetValues<double>(DicomTag.ImagePositionPatient)[2]).ToArray();
        Assert.Equal(z.Order().ToArray(), z);
        Assert.Contains("copied 24 files", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FindAndCopy_NoSeriesMatches_CopiesNothing()
    {
        using var temp = new TempFolder();
        var run = Cli.Run("run", TestFiles.Script("find-and-copy-series.csx"), "--", fixture.Study, temp.Path, "MR", "100");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 of 2 series are MR with >= 100 instances", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void AnonymizeStudy_NoAnonymizerOffersTheProfile_FailsWithAClearMessageAndWritesNothing()
    {
        using var temp = new TempFolder();
        var run = Cli.Run("run", TestFiles.Script("anonymize-study.csx"), "--", fixture.Study, temp.File("out"), temp.File("pseudonyms.csv"), "no-such-profile");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no anonymizer plugin offering profile 'no-such-profile' is loaded; nothing was written", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
        Assert.False(File.Exists(temp.File("pseudonyms.csv")));
    }

    [Fact]
    public void AnonymizeStudy_ShippedAnonymizer_NoOriginalNameInAnyOutputFile()
    {
        using var temp = new TempFolder();
        var run = Cli.Run("run", TestFiles.Script("anonymize-study.csx"), "--", fixture.Study, temp.File("out"), temp.File("pseudonyms.csv"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var files = Directory.GetFiles(temp.File("out"), "*.dcm", SearchOption.AllDirectories);
        Assert.Equal(36, files.Length);
        var original = System.Text.Encoding.ASCII.GetBytes("PHANTOM^SYNTHETIC");
        Assert.All(files, f => Assert.True(File.ReadAllBytes(f).AsSpan().IndexOf(original) < 0, $"{f} still holds the original Patient Name"));
        Assert.All(files, f => Assert.Equal("YES", DicomFile.Open(f).Dataset.GetString(DicomTag.PatientIdentityRemoved)));
    }

    [Fact]
    public void AnonymizeStudy_WithAnAnonymizerPlugin_WritesPseudonymisedFilesAndTheTable()
    {
        using var temp = new TempFolder();
        var table = temp.Write("pseudonyms.csv", "PatientID,Pseudonym\nOTHER01,PSEUDO-0001\n");
        var run = Cli.Run("run", TestFiles.Script("anonymize-study.csx"), "--plugin-path", TestFiles.AnonymizerPluginFolder,
            "--", fixture.Study, temp.File("out"), table);
        Assert.True(run.ExitCode == 0, run.ToString());
        var files = Directory.GetFiles(temp.File("out"), "*.dcm", SearchOption.AllDirectories);
        Assert.Equal(36, files.Length);
        foreach (var ds in files.Select(f => DicomFile.Open(f).Dataset))
        {
            Assert.Equal("PSEUDO-0002", ds.GetString(DicomTag.PatientID));
            Assert.Equal("PSEUDO-0002", ds.GetString(DicomTag.PatientName));
            Assert.Equal("YES", ds.GetString(DicomTag.PatientIdentityRemoved));
        }
        Assert.Equal(["PatientID,Pseudonym", "OTHER01,PSEUDO-0001", "SYN0001,PSEUDO-0002"], File.ReadAllLines(table));

        // A second study of the same patient gets the same pseudonym from the table.
        var again = Cli.Run("run", TestFiles.Script("anonymize-study.csx"), "--plugin-path", TestFiles.AnonymizerPluginFolder,
            "--", fixture.Study, temp.File("out2"), table);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("PSEUDO-0002: 36 instances", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(table).Length);
    }

    [Fact]
    public void CtHuHistogram_SyntheticCt_FindsAirWaterFatAndBone()
    {
        using var temp = new TempFolder();
        var csv = temp.File("hist.csv");
        var run = Cli.Run("run", TestFiles.Script("ct-hu-histogram.csx"), "--", fixture.Study, "100", csv);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("HU: min -1000", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("max 700", run.Stdout, StringComparison.Ordinal);
        var ctBins = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "CT")
            .ToDictionary(f => double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), f => long.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));
        // The phantom's only values: air -1000, fat -100, water 0, bone 700 (SyntheticStudy), 24 slices of 64 x 64.
        Assert.Equal([-1000.0, -100.0, 0.0, 700.0], ctBins.Keys.Order().ToArray());
        Assert.Equal(24 * 64 * 64, ctBins.Values.Sum());
    }

    [Fact]
    public void GaussianPipeline_SyntheticStudy_WritesSmoothedDerivedInstances()
    {
        using var temp = new TempFolder();
        var run = Cli.Run("run", TestFiles.Script("gaussian-pipeline.csx"), "--", fixture.Study, temp.Path, "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("read 36 instances", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("wrote 36 to", run.Stdout, StringComparison.Ordinal);
        var written = Directory.GetFiles(temp.Path, "*.dcm", SearchOption.AllDirectories);
        Assert.Equal(36, written.Length);
        Assert.Contains("DERIVED", DicomFile.Open(written[0]).Dataset.GetString(DicomTag.ImageType), StringComparison.Ordinal);
    }
}
