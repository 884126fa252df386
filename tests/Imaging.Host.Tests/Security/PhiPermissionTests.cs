using Imaging.Dicom;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Tests.Security;

/// <summary>
/// The <c>phi</c> permission both ways: a filter without it receives data sets after the active policy (no identity,
/// no private data, consistently replaced UIDs); a filter with it receives them as they are, and each call is audited.
/// </summary>
public sealed class PhiPermissionTests
{
    [Fact]
    public async Task ApplyAsync_WithoutPhi_PluginReceivesNoPatientIdentity()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo));

        var seen = await host.Filters["echo"].ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);

        Assert.Equal("", seen.GetString(DicomTag.PatientName));
        Assert.Equal("", seen.GetString(DicomTag.PatientID));
        Assert.Equal("YES", seen.GetString(DicomTag.PatientIdentityRemoved));
        Assert.Equal(host.Host.ActivePolicy.Name, seen.GetString(DicomTag.DeidentificationMethod));
        Assert.False(seen.Contains(DicomTag.PatientBirthDate));
        Assert.False(seen.Contains(DicomTag.ReferringPhysicianName));
        Assert.False(seen.Contains(DicomTag.AccessionNumber));
        Assert.False(seen.Contains(PhiDataset.PrivateCreatorTag));
        Assert.False(seen.Contains(PhiDataset.PrivateTag));
        Assert.DoesNotContain(seen, item => item.Tag.IsPrivate);
    }

    [Fact]
    public async Task ApplyAsync_WithoutPhi_ImageAttributesSurvive()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo));
        var input = PhiDataset.Create();

        var seen = await host.Filters["echo"].ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal(input.GetString(DicomTag.SOPClassUID), seen.GetString(DicomTag.SOPClassUID));
        Assert.Equal(input.GetString(DicomTag.Modality), seen.GetString(DicomTag.Modality));
        Assert.Equal(input.GetValues<double>(DicomTag.ImagePositionPatient), seen.GetValues<double>(DicomTag.ImagePositionPatient));
        Assert.Equal(input.GetSingleValue<ushort>(DicomTag.Rows), seen.GetSingleValue<ushort>(DicomTag.Rows));
        Assert.True(seen.Contains(DicomTag.PixelData));
    }

    [Fact]
    public async Task ApplyAsync_WithoutPhi_UidsReplacedConsistentlyAcrossCalls()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo));
        var input = PhiDataset.Create();
        var echo = host.Filters["echo"];

        var first = await echo.ApplyAsync(input, CapabilityArguments.Empty);
        var second = await echo.ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);

        foreach (var tag in new[] { DicomTag.StudyInstanceUID, DicomTag.SeriesInstanceUID, DicomTag.SOPInstanceUID, DicomTag.FrameOfReferenceUID })
        {
            var replaced = first.GetString(tag);
            Assert.NotEqual(input.GetString(tag), replaced);
            Assert.StartsWith("2.25.", replaced, StringComparison.Ordinal);
            Assert.True(replaced.Length <= 64, $"{tag}: '{replaced}' is longer than a UID may be (PS3.5 §9)");
            Assert.Equal(replaced, second.GetString(tag));
        }
        Assert.NotEqual(first.GetString(DicomTag.StudyInstanceUID), first.GetString(DicomTag.SeriesInstanceUID));
    }

    [Fact]
    public async Task ApplyAsync_WithoutPhi_InputNotModifiedAndNotAudited()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo));
        var input = PhiDataset.Create();

        await host.Filters["echo"].ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal(PhiDataset.PatientName, input.GetString(DicomTag.PatientName));
        Assert.Equal(PhiDataset.PrivateValue, input.GetString(PhiDataset.PrivateTag));
        Assert.False(input.Contains(DicomTag.PatientIdentityRemoved));
        Assert.DoesNotContain(host.Audit(), l => l.Plugin == "fixture.echo");
    }

    [Fact]
    public async Task ApplyAsync_WithPhi_PluginReceivesDatasetAsIs()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.PhiEcho));
        var input = PhiDataset.Create();

        var seen = await host.Filters["phi-echo"].ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal(PhiDataset.PatientName, seen.GetString(DicomTag.PatientName));
        Assert.Equal(PhiDataset.PatientId, seen.GetString(DicomTag.PatientID));
        Assert.Equal(PhiDataset.PrivateValue, seen.GetString(PhiDataset.PrivateTag));
        Assert.Equal(input.GetString(DicomTag.StudyInstanceUID), seen.GetString(DicomTag.StudyInstanceUID));
        Assert.Equal(input.GetString(DicomTag.SOPInstanceUID), seen.GetString(DicomTag.SOPInstanceUID));
        Assert.False(seen.Contains(DicomTag.PatientIdentityRemoved));
        Assert.Equal(input.Count, seen.Count);
    }

    [Fact]
    public async Task ApplyAsync_WithPhi_EachCallAuditedAsPhiRead()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.PhiEcho));
        var input = PhiDataset.Create();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await host.Filters["phi-echo"].ApplyAsync(input, CapabilityArguments.Empty);
        await host.Filters["phi-echo"].ApplyAsync(input, CapabilityArguments.Empty);

        var lines = host.Audit();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Equal("fixture.phiecho", line.Plugin);
            Assert.Equal("phi-read", line.Action);
            Assert.Equal("filter:phi-echo", line.Capability);
            Assert.Equal(input.GetString(DicomTag.SOPInstanceUID), line.Target);
            Assert.InRange(line.Time, before, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Equal((Environment.UserName, Environment.ProcessId), (line.User, line.Pid));
        });
    }

    [Fact]
    public async Task ApplyAsync_BurnedInAnnotationWithoutPhi_RefusedBeforeThePluginSeesIt()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo), TestPlugins.Fixture(TestPlugins.PhiEcho));
        var input = PhiDataset.Create();
        input.AddOrUpdate(DicomVR.CS, DicomTag.BurnedInAnnotation, "YES");

        var error = await Assert.ThrowsAsync<Imaging.Sdk.ImagingPluginException>(() => host.Filters["echo"].ApplyAsync(input, CapabilityArguments.Empty));
        Assert.Contains("Burned In Annotation", error.Message, StringComparison.Ordinal);

        var seen = await host.Filters["phi-echo"].ApplyAsync(input, CapabilityArguments.Empty);
        Assert.Equal("YES", seen.GetString(DicomTag.BurnedInAnnotation));
    }
}
