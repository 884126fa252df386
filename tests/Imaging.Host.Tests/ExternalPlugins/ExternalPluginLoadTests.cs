using System.Buffers.Binary;
using Imaging.Dicom;
using Imaging.Host.Guards;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;

namespace Imaging.Host.Tests.ExternalPlugins;

/// <summary>
/// The plugins built outside the solution from the packed SDK packages — the sample third-party plugin
/// (tests/SamplePlugin) and a plugin made by the `dotnet new imaging-plugin` template — load in the host and run: the
/// contract does not leak host types, and the test kit's contract checks pass on them as `imaging plugins verify` runs them.
/// </summary>
[Collection(ExternalPluginsCollection.Name)]
public sealed class ExternalPluginLoadTests(ExternalPluginsFixture fixture)
{
    [Fact]
    public void Start_BothExternalPlugins_LoadWithTheirCapabilities()
    {
        using var host = TestHost.Start(fixture.SamplePluginDirectory, fixture.TemplatePluginDirectory);
        var sample = host.Record("contoso.histogram");
        Assert.True(sample.Status == PluginStatus.Loaded, sample.Error);
        Assert.Contains(sample.Capabilities, c => c.Kind == CapabilityKind.Filter && c.Name == "clip");
        Assert.Contains(sample.Capabilities, c => c.Kind == CapabilityKind.AiModel && c.Name == "histogram");
        var template = host.Record("fabrikam.offset");
        Assert.True(template.Status == PluginStatus.Loaded, template.Error);
        Assert.Contains(template.Capabilities, c => c.Kind == CapabilityKind.Filter && c.Name == "box-smooth");
    }

    [Fact]
    public async Task Clip_ThroughTheHost_ClampsModalityValues()
    {
        using var host = TestHost.Start(fixture.SamplePluginDirectory);
        var input = Ct(2, 2, [0, 1024, 2048, 3000]);
        var output = await host.Filters["clip"].ApplyAsync(input, CapabilityArguments.Parse(["low=-1000", "high=400"]));
        Assert.Equal([24, 1024, 1424, 1424], Stored(output));
    }

    [Fact]
    public async Task Histogram_ThroughTheHost_MeasuresTheSeries()
    {
        using var host = TestHost.Start(fixture.SamplePluginDirectory);
        var model = host.Host.GetRegistry<IAiModel>()["histogram"];
        var result = await model.RunAsync([Ct(2, 2, [0, 1024, 2048, 3000]), Ct(2, 2, [1024, 1024, 1024, 1024])], CapabilityArguments.Parse(["bins=4"]));
        Assert.Equal(8, result.Measurements.Single(m => m.Key.EndsWith("count", StringComparison.Ordinal)).Value);
        Assert.Equal(-1024, result.Measurements.Single(m => m.Key.EndsWith("min", StringComparison.Ordinal)).Value);
        Assert.Equal(1976, result.Measurements.Single(m => m.Key.EndsWith("max", StringComparison.Ordinal)).Value);
        Assert.Equal(247, result.Measurements.Single(m => m.Key.EndsWith("mean", StringComparison.Ordinal)).Value, 6);
    }

    [Fact]
    public async Task BoxSmooth_FromTheTemplate_AveragesThreeByThree()
    {
        using var host = TestHost.Start(fixture.TemplatePluginDirectory);
        var values = new int[9];
        values[4] = 90;
        var output = await host.Filters["box-smooth"].ApplyAsync(Ct(3, 3, values, intercept: 0), CapabilityArguments.Empty);
        Assert.All(Stored(output), v => Assert.Equal(10, v));
    }

    [Fact]
    public async Task ContractVerifier_OnEveryExternalCapability_PassesAsPluginsVerifyRunsIt()
    {
        using var host = TestHost.Start(fixture.SamplePluginDirectory, fixture.TemplatePluginDirectory);
        var failures = new List<string>();
        int checks = 0;
        foreach (var id in new[] { "contoso.histogram", "fabrikam.offset" })
        {
            foreach (var capability in host.Host.GetCapabilities(id))
            {
                var inner = (ICapability)((IGuarded)capability).Inner;
                foreach (var r in await ContractVerifier.VerifyAsync(inner, new ContractVerifierOptions { TempDirectory = host.Temp.Path }))
                {
                    checks++;
                    if (r.IsFailure) failures.Add(r.ToString());
                }
            }
        }
        Assert.True(checks >= 15, $"only {checks} checks ran");
        Assert.Empty(failures);
    }

    [Fact]
    public void ExternalPlugin_Types_LiveInCollectibleContextsAndUseTheHostsSdk()
    {
        using var host = TestHost.Start(fixture.SamplePluginDirectory);
        var clip = ((IGuarded)host.Filters["clip"]).Inner;
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(clip.GetType().Assembly)!;
        Assert.True(context.IsCollectible);
        Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, context);
        var sdkSeenByPlugin = clip.GetType().GetInterfaces().Single(i => i.Name == nameof(IFilter));
        Assert.Same(typeof(IFilter), sdkSeenByPlugin);
    }

    /// <summary>A CT image of unsigned 16-bit stored values with Rescale Slope 1 and the given intercept (HU = stored + intercept).</summary>
    private static DicomDataset Ct(int rows, int columns, int[] stored, int intercept = -1024)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate().Value);
        ds.AddOrUpdate(DicomTag.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.AddOrUpdate(DicomTag.Modality, "CT");
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.Rows, (ushort)rows);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)columns);
        ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)16);
        ds.AddOrUpdate(DicomTag.BitsStored, (ushort)16);
        ds.AddOrUpdate(DicomTag.HighBit, (ushort)15);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)0);
        ds.AddOrUpdate(DicomTag.RescaleIntercept, intercept.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ds.AddOrUpdate(DicomTag.RescaleSlope, "1");
        var bytes = new byte[stored.Length * 2];
        for (int i = 0; i < stored.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), (ushort)stored[i]);
        ds.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, bytes);
        return ds;
    }

    private static int[] Stored(DicomDataset ds)
    {
        var bytes = ds.GetValues<byte>(DicomTag.PixelData);
        return Enumerable.Range(0, bytes.Length / 2).Select(i => (int)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * i))).ToArray();
    }
}
