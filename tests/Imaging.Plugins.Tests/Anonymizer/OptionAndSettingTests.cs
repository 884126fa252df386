using Imaging.Dicom;
using Imaging.Plugins.Anonymizer;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using static Imaging.Plugins.Tests.Anonymizer.AnonymizerTestData;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>Options, settings, the de-identification record (PS3.15 E.1.1) and the private-attribute rules.</summary>
public sealed class OptionAndSettingTests
{
    private static readonly DicomTag AcquisitionDate = new(0x0008, 0x0022);

    [Fact]
    public async Task AnonymizeAsync_UnknownOption_ThrowsListingValidOptions()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(Ct(), Request(options: ["retain-everything"])));
        Assert.Contains("retain-everything", e.Message);
        foreach (var name in Ps315Anonymizer.OptionNames) Assert.Contains(name, e.Message);
    }

    [Fact]
    public async Task AnonymizeAsync_UnknownSetting_ThrowsInvalidInput()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(Ct(), Request(settings: new() { ["secrett"] = "00" })));
        Assert.Contains("secrett", e.Message);
    }

    [Fact]
    public async Task AnonymizeAsync_UnknownProfile_ThrowsInvalidInput()
    {
        await Assert.ThrowsAsync<InvalidInputException>(() => new Ps315Anonymizer().AnonymizeAsync(Ct(), new AnonymizationRequest("strict")));
    }

    [Fact]
    public async Task AnonymizeAsync_FullAndModifiedDates_ThrowsInvalidInput()
    {
        await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(Ct(), Request(options: ["retain-long-full-dates", "retain-long-modified-dates"])));
    }

    [Fact]
    public async Task AnonymizeAsync_Basic_RecordsDeidentification()
    {
        var output = await RunAsync(Ct(), Request());
        Assert.Equal("YES", output.GetString(DicomTag.PatientIdentityRemoved));
        Assert.Contains("Basic Application Confidentiality Profile", output.GetString(DicomTag.DeidentificationMethod));
        var codes = output.GetSequence(DicomTag.DeidentificationMethodCodeSequence).Select(i => i.GetString(DicomTag.CodeValue)).ToArray();
        Assert.Equal(["113100"], codes);
        Assert.Equal("DCM", output.GetSequence(DicomTag.DeidentificationMethodCodeSequence)[0].GetString(DicomTag.CodingSchemeDesignator));
        Assert.Equal("REMOVED", output.GetString(DicomTag.LongitudinalTemporalInformationModified));
    }

    [Fact]
    public async Task AnonymizeAsync_AllOptions_CodesOfCid7050InTableOrder()
    {
        string[] options = ["clean-graphics", "retain-uids", "retain-safe-private", "retain-device-identity", "retain-institution-identity",
            "retain-patient-characteristics", "retain-long-modified-dates", "clean-descriptors", "clean-structured-content"];
        var output = await RunAsync(Ct(), Request(options: options));
        var codes = output.GetSequence(DicomTag.DeidentificationMethodCodeSequence).Select(i => i.GetString(DicomTag.CodeValue)).ToArray();
        Assert.Equal(["113100", "113111", "113110", "113109", "113112", "113108", "113107", "113105", "113104", "113103"], codes);
        Assert.Equal("MODIFIED", output.GetString(DicomTag.LongitudinalTemporalInformationModified));
    }

    [Fact]
    public async Task AnonymizeAsync_RetainLongFullDates_KeepsDates()
    {
        var output = await RunAsync(Ct(), Request(options: ["retain-long-full-dates"]));
        Assert.Equal("20210315", output.GetString(DicomTag.StudyDate));
        Assert.Equal("UNMODIFIED", output.GetString(DicomTag.LongitudinalTemporalInformationModified));
        Assert.Contains("113106", output.GetSequence(DicomTag.DeidentificationMethodCodeSequence).Select(i => i.GetString(DicomTag.CodeValue)));
    }

    [Fact]
    public async Task AnonymizeAsync_DateShiftDays_ShiftsDatesKeepsIntervalsAndTimes()
    {
        var output = await RunAsync(Ct(), Request(settings: new() { ["date-shift-days"] = "-100" }));
        Assert.Equal("20201205", output.GetString(DicomTag.StudyDate));
        Assert.Equal("20201207", output.GetString(AcquisitionDate));
        Assert.Equal("101112", output.GetString(DicomTag.StudyTime));
        Assert.Equal("MODIFIED", output.GetString(DicomTag.LongitudinalTemporalInformationModified));
    }

    [Fact]
    public async Task AnonymizeAsync_DateShiftFromSecret_SamePatientSameShiftOtherPatientOther()
    {
        var settings = () => new Dictionary<string, string> { ["date-shift-from-secret"] = "true" };
        var a = await RunAsync(Ct(), Request(settings: settings()));
        var b = await RunAsync(Ct(sopInstanceUid: "1.2.3.9"), Request(settings: settings()));
        var other = await RunAsync(Ct(patientId: "SOMEONE-ELSE"), Request(settings: settings()));
        Assert.Equal(a.GetString(DicomTag.StudyDate), b.GetString(DicomTag.StudyDate));
        Assert.NotEqual("20210315", a.GetString(DicomTag.StudyDate));
        var study = DateTime.ParseExact(a.GetString(DicomTag.StudyDate), "yyyyMMdd", null);
        var acquisition = DateTime.ParseExact(a.GetString(AcquisitionDate), "yyyyMMdd", null);
        Assert.Equal(2, (acquisition - study).Days);
        Assert.NotEqual(a.GetString(DicomTag.StudyDate), other.GetString(DicomTag.StudyDate));
    }

    [Fact]
    public async Task AnonymizeAsync_CleanDescriptors_RemovesIdentifyingWordsKeepsDescription()
    {
        var output = await RunAsync(Ct(), Request(options: ["clean-descriptors"]));
        Assert.Equal("CT HEAD", output.GetString(DicomTag.StudyDescription));
    }

    [Fact]
    public async Task AnonymizeAsync_CleanDescriptorsNothingLeft_WritesDummyNotEmpty()
    {
        // Regression: rtstruct.dcm's Structure Set Label (Type 1) equals its Study ID; cleaning emptied it (dciodvfy error).
        var ds = Ct();
        ds.AddOrUpdate(DicomVR.SH, new DicomTag(0x0020, 0x0010), "sep30");
        ds.AddOrUpdate(DicomVR.SH, new DicomTag(0x3006, 0x0002), "sep30");
        var output = await RunAsync(ds, Request(options: ["clean-descriptors"]));
        Assert.Equal("ANONYMIZED", output.GetString(new DicomTag(0x3006, 0x0002)));
    }

    [Fact]
    public async Task AnonymizeAsync_Basic_RemovesDescriptions()
    {
        var output = await RunAsync(Ct(), Request());
        Assert.False(output.Contains(DicomTag.StudyDescription));
    }

    private static DicomDataset WithPrivate()
    {
        var ds = Ct();
        ds.AddOrUpdate(DicomVR.LO, new DicomTag(0x0019, 0x0010), "SIEMENS MR HEADER");
        ds.AddOrUpdate(DicomVR.IS, new DicomTag(0x0019, 0x100C), "1000");
        ds.AddOrUpdate(DicomVR.LO, new DicomTag(0x0019, 0x1008), "SECRETNAME");
        ds.AddOrUpdate(DicomVR.LO, new DicomTag(0x0029, 0x0010), "ACME 1.0");
        ds.AddOrUpdate(DicomVR.LO, new DicomTag(0x0029, 0x1001), "SECRETNAME");
        return ds;
    }

    [Fact]
    public async Task AnonymizeAsync_Basic_RemovesEveryPrivateAttribute()
    {
        var output = await RunAsync(WithPrivate(), Request());
        Assert.DoesNotContain(output, i => i.Tag.IsPrivate);
    }

    [Fact]
    public async Task AnonymizeAsync_RetainSafePrivate_KeepsOnlySafeOnesAndTheirCreator()
    {
        var output = await RunAsync(WithPrivate(), Request(options: ["retain-safe-private"]));
        Assert.Equal("1000", output.GetString(new DicomTag(0x0019, 0x100C)));
        Assert.Equal("SIEMENS MR HEADER", output.GetString(new DicomTag(0x0019, 0x0010)));
        Assert.False(output.Contains(new DicomTag(0x0019, 0x1008)));
        Assert.False(output.Contains(new DicomTag(0x0029, 0x0010)));
        Assert.False(output.Contains(new DicomTag(0x0029, 0x1001)));
    }

    [Fact]
    public async Task AnonymizeAsync_SafePrivateFile_ExtendsTheList()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "safe.txt");
        await File.WriteAllTextAsync(file, "# our scanner's dose index\n0029,xx01,ACME 1.0\n");
        var output = await RunAsync(WithPrivate(), Request(options: ["retain-safe-private"], settings: new() { ["safe-private-file"] = file }));
        Assert.Equal("SECRETNAME", output.GetString(new DicomTag(0x0029, 0x1001)));
        Assert.Equal("1000", output.GetString(new DicomTag(0x0019, 0x100C)));
    }

    [Fact]
    public async Task AnonymizeAsync_MalformedSafePrivateFile_ThrowsInvalidInput()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "safe.txt");
        await File.WriteAllTextAsync(file, "0028,xx01,EVEN GROUP\n");
        await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(WithPrivate(), Request(options: ["retain-safe-private"], settings: new() { ["safe-private-file"] = file })));
    }

    [Fact]
    public async Task AnonymizeAsync_OverlayRemoved_WholeOverlayGroupGoes()
    {
        var ds = Ct();
        ds.AddOrUpdate(DicomVR.US, new DicomTag(0x6000, 0x0010), (ushort)2);
        ds.AddOrUpdate(DicomVR.US, new DicomTag(0x6000, 0x0011), (ushort)8);
        ds.AddOrUpdate(new DicomElement(new DicomTag(0x6000, 0x3000), DicomVR.OW, Dicom.IO.DicomBuffer.FromMemory(new byte[2])));
        var output = await RunAsync(ds, Request());
        Assert.DoesNotContain(output, i => i.Tag.Group == 0x6000);
        var kept = await RunAsync(ds, Request(options: ["clean-graphics"]));
        Assert.True(kept.Contains(new DicomTag(0x6000, 0x3000)));
    }

    [Fact]
    public async Task AnonymizeAsync_Basic_CountsActions()
    {
        var result = await new Ps315Anonymizer().AnonymizeAsync(WithPrivate(), Request());
        Assert.True(result.ActionCounts["U"] >= 4);
        Assert.True(result.ActionCounts["X"] >= 5);
        Assert.True(result.ActionCounts.ContainsKey("Z") || result.ActionCounts.ContainsKey("D"));
    }
}
