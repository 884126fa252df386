using System.Runtime.Loader;
using System.Text.Json;
using Imaging.Dicom;
using Imaging.Host.Guards;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Tests.Loading;

/// <summary>Two plugins carrying different major versions of one library (Newtonsoft.Json 12 and 13) load and run at once.</summary>
public sealed class SideBySideTests
{
    [Fact]
    public void Start_Json12AndJson13_EachSeesItsOwnNewtonsoftVersion()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Json12), TestPlugins.Fixture(TestPlugins.Json13));

        Assert.Equal(PluginStatus.Loaded, host.Record("fixture.json12").Status);
        Assert.Equal(PluginStatus.Loaded, host.Record("fixture.json13").Status);
        Assert.Equal("Newtonsoft.Json 12.0.0.0", host.Filters["json12"].Description);
        Assert.Equal("Newtonsoft.Json 13.0.0.0", host.Filters["json13"].Description);
        Assert.Equal(new Version(12, 0, 0, 0), NewtonsoftIn(host, "json12").GetName().Version);
        Assert.Equal(new Version(13, 0, 0, 0), NewtonsoftIn(host, "json13").GetName().Version);
    }

    [Fact]
    public async Task ApplyAsync_Json12AndJson13_BothSerializeWithTheirOwnLibrary()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Json12), TestPlugins.Fixture(TestPlugins.Json13));
        var input = PhiDataset.Create();

        var results = await Task.WhenAll(
            host.Filters["json12"].ApplyAsync(input, CapabilityArguments.Empty),
            host.Filters["json13"].ApplyAsync(input, CapabilityArguments.Empty));

        AssertSummary(results[0], "12.0.0.0", "json12");
        AssertSummary(results[1], "13.0.0.0", "json13");
    }

    private static void AssertSummary(DicomDataset output, string library, string filter)
    {
        using var json = JsonDocument.Parse(output.GetString(DicomTag.ImageComments));
        var root = json.RootElement;
        Assert.Equal(library, root.GetProperty("library").GetString());
        Assert.Equal(filter, root.GetProperty("filter").GetString());
        Assert.Equal(8, root.GetProperty("rows").GetInt32());
        Assert.Equal("CT", root.GetProperty("modality").GetString());
    }

    private static System.Reflection.Assembly NewtonsoftIn(TestHost host, string filter)
    {
        var context = AssemblyLoadContext.GetLoadContext(((IGuarded)host.Filters[filter]).Inner.GetType().Assembly)!;
        return Assert.Single(context.Assemblies, a => a.GetName().Name == "Newtonsoft.Json");
    }
}
