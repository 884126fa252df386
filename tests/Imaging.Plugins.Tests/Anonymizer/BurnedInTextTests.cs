using Imaging.Dicom;
using Imaging.Sdk;
using static Imaging.Plugins.Tests.Anonymizer.AnonymizerTestData;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>Data sets that may carry burned-in text are refused unless the user allows them.</summary>
public sealed class BurnedInTextTests
{
    [Fact]
    public async Task AnonymizeAsync_BurnedInAnnotationYes_ThrowsNamingTheReason()
    {
        var ds = Ct();
        ds.AddOrUpdate(DicomVR.CS, DicomTag.BurnedInAnnotation, "YES");
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(ds, Request()));
        Assert.Contains("Burned In Annotation", e.Message);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("XA")]
    [InlineData("SC")]
    public async Task AnonymizeAsync_DefaultBurnedInModality_Throws(string modality)
    {
        var ds = Ct();
        ds.AddOrUpdate(DicomVR.CS, DicomTag.Modality, modality);
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(ds, Request()));
        Assert.Contains(modality, e.Message);
    }

    [Fact]
    public async Task AnonymizeAsync_AllowBurnedIn_Anonymizes()
    {
        var ds = Ct();
        ds.AddOrUpdate(DicomVR.CS, DicomTag.Modality, "US");
        var output = await RunAsync(ds, Request(settings: new() { ["allow-burned-in"] = "true" }));
        Assert.Equal("YES", output.GetString(DicomTag.PatientIdentityRemoved));
    }

    [Fact]
    public async Task AnonymizeAsync_ConfiguredModalities_ReplaceTheDefault()
    {
        var us = Ct();
        us.AddOrUpdate(DicomVR.CS, DicomTag.Modality, "US");
        await RunAsync(us, Request(settings: new() { ["burned-in-modalities"] = "MG" }));
        var mg = Ct();
        mg.AddOrUpdate(DicomVR.CS, DicomTag.Modality, "MG");
        await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(mg, Request(settings: new() { ["burned-in-modalities"] = "MG" })));
    }
}
