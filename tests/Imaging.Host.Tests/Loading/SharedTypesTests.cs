using System.Runtime.Loader;
using Imaging.Dicom;
using Imaging.Host.Guards;
using Imaging.Host.Tests.Infrastructure;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Tests.Loading;

/// <summary>Plugins share the host's contract types (Imaging.Dicom, Imaging.Sdk) and live in their own collectible context.</summary>
public sealed class SharedTypesTests
{
    [Fact]
    public async Task LoadedFilter_DicomDatasetType_IsTheHostsType()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo));
        var filter = host.Filters["echo"];
        var inner = Assert.IsAssignableFrom<IGuarded>(filter).Inner;

        var apply = inner.GetType().GetMethod(nameof(IFilter.ApplyAsync))!;
        Assert.Same(typeof(DicomDataset), apply.GetParameters()[0].ParameterType);
        Assert.Same(typeof(Task<DicomDataset>), apply.ReturnType);
        Assert.IsAssignableFrom<IFilter>(inner);

        var output = await filter.ApplyAsync(PhiDataset.Create(), CapabilityArguments.Empty);
        Assert.Same(typeof(DicomDataset), output.GetType());
    }

    [Fact]
    public void LoadedPlugin_Assembly_LivesInItsOwnCollectibleContext()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo), TestPlugins.Fixture(TestPlugins.PhiEcho));
        var echo = ((IGuarded)host.Filters["echo"]).Inner.GetType().Assembly;
        var phiEcho = ((IGuarded)host.Filters["phi-echo"]).Inner.GetType().Assembly;

        var context = AssemblyLoadContext.GetLoadContext(echo)!;
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.True(context.IsCollectible);
        Assert.NotSame(context, AssemblyLoadContext.GetLoadContext(phiEcho));
        Assert.True(host.Host.GetLoadContext("fixture.echo")!.TryGetTarget(out var reported));
        Assert.Same(context, reported);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typeof(DicomDataset).Assembly));
    }

    [Fact]
    public void LoadedPlugin_Context_HoldsNoCopyOfTheSharedAssemblies()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Echo));
        var context = AssemblyLoadContext.GetLoadContext(((IGuarded)host.Filters["echo"]).Inner.GetType().Assembly)!;

        var names = context.Assemblies.Select(a => a.GetName().Name).ToList();
        Assert.Equal(["Fixture.EchoFilter"], names);
    }

    [Fact]
    public void LoadedCapability_IsGuardedAndNamesItsPlugin()
    {
        using var host = TestHost.Start(TestPlugins.Fixture(TestPlugins.Network));

        var filter = Assert.IsAssignableFrom<IGuarded>(host.Filters["network"]);
        var pacs = Assert.IsAssignableFrom<IGuarded>(host.Host.GetRegistry<IPacsConnector>()["fixture-pacs"]);
        Assert.Equal("fixture.network", filter.PluginId);
        Assert.Equal("fixture.network", pacs.PluginId);
        Assert.Equal("Fixture.Network.NetworkFilter", filter.Inner.GetType().FullName);
    }
}
