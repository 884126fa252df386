using Imaging.Cli.PhiScan;
using Imaging.Dicom;

namespace Imaging.Cli.Tests.PhiScan;

/// <summary>`imaging phi-scan DIR --source ORIGINALS`: identifiers of the originals found in the scanned files.</summary>
public sealed class PhiScanSourceTests : IDisposable
{
    private const string OriginalStudyUid = "1.2.826.0.1.3680043.2.1125.77.1";
    private readonly PhiScanFolder _originals = new();
    private readonly PhiScanFolder _output = new();

    public PhiScanSourceTests()
    {
        _originals.Save(new DicomDataset()
            .AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2")
            .AddOrUpdate(DicomTag.SOPInstanceUID, OriginalStudyUid + ".3.1")
            .AddOrUpdate(DicomTag.StudyInstanceUID, OriginalStudyUid)
            .AddOrUpdate(DicomTag.SeriesInstanceUID, OriginalStudyUid + ".3")
            .AddOrUpdate(DicomTag.PatientName, "DOE^JOHN")
            .AddOrUpdate(DicomTag.PatientID, "MRN-4711")
            .AddOrUpdate(DicomTag.PatientBirthDate, "19610203")
            .AddOrUpdate(DicomTag.StudyDate, "20190704")
            .AddOrUpdate(DicomTag.AccessionNumber, "ACC998877")
            .AddOrUpdate(DicomTag.InstitutionName, "St Elsewhere Hospital")
            .AddOrUpdate(DicomTag.ReferringPhysicianName, "HOUSE^GREGORY"));
    }

    public void Dispose()
    {
        _originals.Dispose();
        _output.Dispose();
    }

    private IReadOnlyList<JsonFinding> SourceMatches(DicomDataset scanned)
    {
        _output.Save(scanned);
        var run = PhiScanRun.Scan(_output.Path, "--source", _originals.Path);
        return [.. run.Rule(PhiRule.SourceMatch).Select(f => new JsonFinding(f))];
    }

    [Fact]
    public void PhiScan_OriginalNameInImageComments_SourceMatchFires()
    {
        var found = SourceMatches(PhiScanFolder.Clean().AddOrUpdate(DicomTag.ImageComments, "seen by JOHN^DOE"));

        var f = Assert.Single(found);
        Assert.Equal(("ImageComments", "LT"), (f.Keyword, f.VR));
        Assert.Equal("contains original PatientName component", f.Detail);
        Assert.Equal("high", f.Severity);
    }

    [Fact]
    public void PhiScan_PatientIdEqualsOriginal_SourceMatchFires()
    {
        var found = SourceMatches(PhiScanFolder.Clean().AddOrUpdate(DicomTag.PatientID, "mrn-4711"));

        var f = Assert.Single(found);
        Assert.Equal(("PatientID", "equals original PatientID"), (f.Keyword, f.Detail));
    }

    [Fact]
    public void PhiScan_PseudonymizedOutput_NoSourceMatch()
    {
        Assert.Empty(SourceMatches(PhiScanFolder.Clean()));
    }

    [Fact]
    public void PhiScan_OriginalStudyUidInReference_SourceMatchFires()
    {
        var ds = PhiScanFolder.Clean();
        ds.Add(new DicomSequence(DicomTag.ReferencedStudySequence, new DicomDataset()
            .AddOrUpdate(DicomTag.ReferencedSOPClassUID, "1.2.840.10008.3.1.2.3.1")
            .AddOrUpdate(DicomTag.ReferencedSOPInstanceUID, OriginalStudyUid)));

        var f = Assert.Single(SourceMatches(ds));

        Assert.Equal(("(0008,1110)[0]>(0008,1155)", "equals original StudyInstanceUID"), (f.Path, f.Detail));
    }

    [Fact]
    public void PhiScan_UidDerivedFromOriginal_SourceMatchFires()
    {
        var f = Assert.Single(SourceMatches(PhiScanFolder.Clean().AddOrUpdate(DicomTag.FrameOfReferenceUID, OriginalStudyUid + ".9.9")));

        Assert.Equal("derived from original StudyInstanceUID", f.Detail);
    }

    [Fact]
    public void PhiScan_OriginalDates_SourceMatchFires()
    {
        var ds = PhiScanFolder.Clean()
            .AddOrUpdate(DicomTag.ContentDate, "20190704")
            .AddOrUpdate(DicomTag.AcquisitionDateTime, "19610203120000");

        var found = SourceMatches(ds);

        Assert.Equal(["equals original PatientBirthDate", "equals original StudyDate"], found.Select(f => f.Detail).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PhiScan_InstitutionAndPhysicianInOtherAttributes_SourceMatchFires()
    {
        var ds = PhiScanFolder.Clean()
            .AddOrUpdate(DicomTag.StationName, "ST ELSEWHERE HOSPITAL")
            .AddOrUpdate(DicomTag.ProtocolName, "house protocol");

        var found = SourceMatches(ds);

        Assert.Equal(["contains original ReferringPhysicianName component", "equals original InstitutionName"], found.Select(f => f.Detail).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PhiScan_OriginalIdInUnknownPrivateValue_SourceMatchFires()
    {
        var ds = PhiScanFolder.Clean()
            .AddOrUpdate(DicomVR.LO, new DicomTag(0x0041, 0x0010), "VENDOR")
            .AddOrUpdate(DicomVR.UN, new DicomTag(0x0041, 0x1002), System.Text.Encoding.ASCII.GetBytes("id=MRN-4711 "));

        var f = Assert.Single(SourceMatches(ds));

        Assert.Equal(("(0041,1002)", "UN", "contains original PatientID", "<12 bytes>"), (f.Tag, f.VR, f.Detail, f.Value));
    }

    [Fact]
    public void PhiScan_ShortOrNumericValueEqualToShortOriginalId_NoSourceMatch()
    {
        // An original Accession Number "1" must not make every Instance Number 1 (or a counter in a sequence) a finding.
        using var originals = new PhiScanFolder();
        using var output = new PhiScanFolder();
        originals.Save(PhiScanFolder.Clean().AddOrUpdate(DicomTag.AccessionNumber, "1").AddOrUpdate(DicomTag.PatientID, "4711"));
        output.Save(PhiScanFolder.Clean().AddOrUpdate(DicomTag.InstanceNumber, "1").AddOrUpdate(DicomTag.SeriesNumber, "4711").AddOrUpdate(DicomTag.StationName, "1"));

        var run = PhiScanRun.Scan(output.Path, "--source", originals.Path);

        // (Both files come from the same clean template, so its UIDs match; only the short/numeric IDs are under test.)
        Assert.DoesNotContain(run.Rule(PhiRule.SourceMatch).Select(f => new JsonFinding(f)), f => f.Detail.Contains("AccessionNumber", StringComparison.Ordinal) || f.Detail.Contains("PatientID", StringComparison.Ordinal));
    }

    [Fact]
    public void PhiScan_SourceMissing_ExitTwo()
    {
        var run = Cli.Run("phi-scan", _output.Path, "--source", Path.Combine(_output.Path, "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such directory", run.Stderr);
    }
}
