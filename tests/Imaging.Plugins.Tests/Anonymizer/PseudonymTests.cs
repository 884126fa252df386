using System.Text.RegularExpressions;
using Imaging.Dicom;
using Imaging.Plugins.Anonymizer;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using static Imaging.Plugins.Tests.Anonymizer.AnonymizerTestData;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>Patient ID and Patient's Name become a stable pseudonym: keyed hash, or a mapping table.</summary>
public sealed class PseudonymTests
{
    [Fact]
    public async Task AnonymizeAsync_SameSecretSeparateInstances_SamePseudonym()
    {
        var a = await RunAsync(Ct(), Request(), new Ps315Anonymizer());
        var b = await RunAsync(Ct(), Request(), new Ps315Anonymizer());
        var id = a.GetString(DicomTag.PatientID);
        Assert.Matches(new Regex("^ANON-[A-Z2-7]{10}$"), id);
        Assert.Equal(id, b.GetString(DicomTag.PatientID));
        Assert.Equal(id, a.GetString(DicomTag.PatientName));
    }

    [Fact]
    public async Task AnonymizeAsync_DifferentPatients_DifferentPseudonyms()
    {
        var a = await RunAsync(Ct(patientId: "P1"), Request());
        var b = await RunAsync(Ct(patientId: "P2"), Request());
        Assert.NotEqual(a.GetString(DicomTag.PatientID), b.GetString(DicomTag.PatientID));
    }

    [Fact]
    public async Task AnonymizeAsync_MapSetting_UsesMappedPseudonym()
    {
        using var temp = new TempFolder();
        var map = Path.Combine(temp.Path, "map.csv");
        await File.WriteAllTextAsync(map, "PatientID,Pseudonym\nPID12345,SUBJ-001\n\"OTHER\",SUBJ-002\n");
        var output = await RunAsync(Ct(), Request(settings: new() { ["map"] = map }));
        Assert.Equal("SUBJ-001", output.GetString(DicomTag.PatientID));
        Assert.Equal("SUBJ-001", output.GetString(DicomTag.PatientName));
    }

    [Fact]
    public async Task AnonymizeAsync_MapWithoutHeader_ThrowsInvalidInput()
    {
        using var temp = new TempFolder();
        var map = Path.Combine(temp.Path, "map.csv");
        await File.WriteAllTextAsync(map, "PID12345,SUBJ-001\n");
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(Ct(), Request(settings: new() { ["map"] = map })));
        Assert.Contains("PatientID,Pseudonym", e.Message);
    }
}
