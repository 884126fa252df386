using Imaging.Cli.PhiScan;
using Imaging.Dicom;

namespace Imaging.Cli.Tests.PhiScan;

/// <summary>One test per rule of `imaging phi-scan` (issue 7): a file with that kind of residual PHI makes the rule fire.</summary>
public sealed class PhiScanRuleTests
{
    private static PhiScanRun ScanOne(DicomDataset dataset, params string[] args)
    {
        using var folder = new PhiScanFolder();
        folder.Save(dataset);
        return PhiScanRun.Scan([folder.Path, .. args]);
    }

    private static JsonFinding Single(PhiScanRun run, string rule)
    {
        var found = run.Rule(rule);
        Assert.True(found.Count == 1, $"expected one {rule} finding\n{run}");
        Assert.Equal(1, run.Run.ExitCode);
        return new JsonFinding(found[0]);
    }

    [Fact]
    public void PhiScan_CleanDeidentifiedFile_ExitZeroNoFindings()
    {
        var run = ScanOne(PhiScanFolder.Clean(), "--date-range", "20000101:20001231");

        Assert.True(run.Run.ExitCode == 0, run.ToString());
        Assert.Empty(run.Findings);
        Assert.True(run.Json.GetProperty("clean").GetBoolean());
        Assert.Equal(1, run.Json.GetProperty("filesScanned").GetInt32());
    }

    [Fact]
    public void PhiScan_PatientNameWithContent_PersonNameFires()
    {
        var f = Single(ScanOne(PhiScanFolder.Clean().AddOrUpdate(DicomTag.PatientName, "DOE^JOHN")), PhiRule.PersonName);

        Assert.Equal(("(0010,0010)", "PatientName", "PN", "high"), (f.Tag, f.Keyword, f.VR, f.Severity));
    }

    [Fact]
    public void PhiScan_PersonNameInsideSequence_PersonNameFiresWithPath()
    {
        var item = new DicomDataset().AddOrUpdate(DicomTag.ScheduledPerformingPhysicianName, "SMITH^ANNA");
        var ds = PhiScanFolder.Clean();
        ds.Add(new DicomSequence(DicomTag.ScheduledProcedureStepSequence, item));

        var f = Single(ScanOne(ds), PhiRule.PersonName);

        Assert.Equal("(0040,0006)", f.Tag);
        Assert.Equal("(0040,0100)[0]>(0040,0006)", f.Path);
    }

    [Fact]
    public void PhiScan_DateOutsideRange_DateOutOfRangeFires()
    {
        var ds = PhiScanFolder.Clean().AddOrUpdate(DicomTag.SeriesDate, "20261231");

        var f = Single(ScanOne(ds, "--date-range", "20000101:20001231"), PhiRule.DateOutOfRange);

        Assert.Equal(("SeriesDate", "DA", "outside 20000101:20001231"), (f.Keyword, f.VR, f.Detail));
    }

    [Fact]
    public void PhiScan_DatesWithoutRange_NotReported()
    {
        var run = ScanOne(PhiScanFolder.Clean().AddOrUpdate(DicomTag.SeriesDate, "20261231"));

        Assert.Empty(run.Rule(PhiRule.DateOutOfRange));
        Assert.Equal(0, run.Run.ExitCode);
    }

    [Fact]
    public void PhiScan_ImageComments_FreeTextFires()
    {
        var f = Single(ScanOne(PhiScanFolder.Clean().AddOrUpdate(DicomTag.ImageComments, "patient was anxious")), PhiRule.FreeText);

        Assert.Equal(("(0020,4000)", "ImageComments", "LT", "medium"), (f.Tag, f.Keyword, f.VR, f.Severity));
    }

    [Fact]
    public void PhiScan_AccessionNumber_IdentifierFires()
    {
        var f = Single(ScanOne(PhiScanFolder.Clean().AddOrUpdate(DicomTag.AccessionNumber, "A123456")), PhiRule.Identifier);

        Assert.Equal(("AccessionNumber", "SH"), (f.Keyword, f.VR));
    }

    [Fact]
    public void PhiScan_PatientIdPseudonymWithoutSource_NotReported()
    {
        var run = ScanOne(PhiScanFolder.Clean().AddOrUpdate(DicomTag.PatientID, "ANY-ID-1").AddOrUpdate(DicomTag.PatientName, "ANY-ID-1"));

        Assert.True(run.Run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void PhiScan_PrivateElement_PrivateTagFiresWithCreator()
    {
        var ds = PhiScanFolder.Clean()
            .AddOrUpdate(DicomVR.LO, new DicomTag(0x0029, 0x0010), "ACME 1.0")
            .AddOrUpdate(DicomVR.LO, new DicomTag(0x0029, 0x1001), "internal");

        var f = Single(ScanOne(ds), PhiRule.PrivateTag);

        Assert.Equal(("(0029,1001)", "LO", "private creator \"ACME 1.0\""), (f.Tag, f.VR, f.Detail));
    }

    [Fact]
    public void PhiScan_PatientIdentityRemovedAbsent_IdentityNotRemovedFires()
    {
        var ds = PhiScanFolder.Clean();
        ds.Remove(DicomTag.PatientIdentityRemoved);

        var f = Single(ScanOne(ds), PhiRule.IdentityNotRemoved);

        Assert.Equal(("(0012,0062)", "absent", "low"), (f.Tag, f.Detail, f.Severity));
    }

    [Fact]
    public void PhiScan_BurnedInAnnotationYes_BurnedInAnnotationFires()
    {
        var f = Single(ScanOne(PhiScanFolder.Clean().AddOrUpdate(DicomTag.BurnedInAnnotation, "YES")), PhiRule.BurnedInAnnotation);

        Assert.Equal("(0028,0301)", f.Tag);
    }

    [Fact]
    public void PhiScan_OverlayData_OverlayFires()
    {
        var ds = PhiScanFolder.Clean()
            .AddOrUpdate(DicomVR.US, new DicomTag(0x6002, 0x0010), (ushort)8)
            .AddOrUpdate(DicomVR.US, new DicomTag(0x6002, 0x0011), (ushort)8)
            .AddOrUpdate(DicomVR.OW, new DicomTag(0x6002, 0x3000), new ushort[4]);

        var f = Single(ScanOne(ds), PhiRule.Overlay);

        Assert.Equal(("(6002,3000)", "OW", "<8 bytes>"), (f.Tag, f.VR, f.Value));
    }

    [Fact]
    public void PhiScan_DicomDir_NamesInRecordsFoundWithoutIdentityMarker()
    {
        using var folder = new PhiScanFolder();
        File.Copy(Path.Combine(TestFiles.DicomDirTests, "DICOMDIR"), Path.Combine(folder.Path, "DICOMDIR"));

        var run = PhiScanRun.Scan(folder.Path);

        Assert.NotEmpty(run.Rule(PhiRule.PersonName));
        Assert.All(run.Rule(PhiRule.PersonName), f => Assert.StartsWith("(0004,1220)[", f.GetProperty("path").GetString()));
        Assert.Empty(run.Rule(PhiRule.IdentityNotRemoved));
    }

    [Fact]
    public void PhiScan_NotDicomAndTruncated_UnreadableFires()
    {
        using var folder = new PhiScanFolder();
        var good = folder.Save(PhiScanFolder.Clean().AddOrUpdate(DicomTag.StudyDescription, "a description long enough to cut"));
        File.WriteAllText(Path.Combine(folder.Path, "notes.txt"), "not DICOM\n");
        var bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(Path.Combine(folder.Path, "cut.dcm"), bytes[..(bytes.Length - 20)]);
        File.Delete(good);

        var run = PhiScanRun.Scan(folder.Path);

        var unreadable = run.Rule(PhiRule.Unreadable).Select(f => new JsonFinding(f)).ToList();
        Assert.Equal(["cut.dcm", "notes.txt"], unreadable.Select(f => f.File).Order(StringComparer.Ordinal));
        Assert.Contains("not a DICOM file", unreadable.Single(f => f.File == "notes.txt").Detail);
        Assert.StartsWith("truncated", unreadable.Single(f => f.File == "cut.dcm").Detail);
        Assert.Equal(1, run.Run.ExitCode);
    }

    [Theory]
    [InlineData("ANONYMIZED")]
    [InlineData("ANONYMOUS^")]
    public void PhiScan_PersonNameHoldsDeidentificationDummy_NoFinding(string dummy)
    {
        var run = ScanOne(PhiScanFolder.Clean().AddOrUpdate(DicomTag.OperatorsName, dummy));

        Assert.Empty(run.Rule(PhiRule.PersonName));
    }

    [Fact]
    public void PhiScan_HiddenFile_IsScannedToo()
    {
        using var folder = new PhiScanFolder();
        folder.Save(PhiScanFolder.Clean().AddOrUpdate(DicomTag.PatientName, "DOE^JOHN"), ".hidden.dcm");

        var run = PhiScanRun.Scan(folder.Path);

        Assert.Single(run.Rule(PhiRule.PersonName));
    }
}

/// <summary>A finding of the JSON report, read back.</summary>
internal sealed record JsonFinding(string File, string Tag, string Path, string Keyword, string VR, string Rule, string Severity, string Value, string Detail)
{
    public JsonFinding(System.Text.Json.JsonElement e)
        : this(S(e, "file"), S(e, "tag"), S(e, "path"), S(e, "keyword"), S(e, "vr"), S(e, "rule"), S(e, "severity"), S(e, "value"), S(e, "detail"))
    {
    }

    private static string S(System.Text.Json.JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
