using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests.Registries;

public sealed class CapabilityRegistryTests
{
    [Fact]
    public void Indexer_OtherCase_FindsCapability()
    {
        var invert = new InvertFilter();
        var registry = new CapabilityRegistry<IFilter>([invert]);

        Assert.Same(invert, registry["INVERT"]);
        Assert.True(registry.TryGet("Invert", out var found));
        Assert.Same(invert, found);
    }

    [Fact]
    public void Names_SeveralCapabilities_AreSortedAndEnumeratedInOrder()
    {
        var registry = new CapabilityRegistry<IFilter>([new Named("zeta"), new Named("alpha"), new Named("Mid")]);

        Assert.Equal(["alpha", "Mid", "zeta"], registry.Names);
        Assert.Equal(["alpha", "Mid", "zeta"], registry.Select(c => c.Name));
        Assert.Equal(3, registry.Count);
        Assert.Equal(CapabilityKind.Filter, registry.Kind);
    }

    [Theory]
    [InlineData("same", "same")]
    [InlineData("same", "SAME")]
    public void Constructor_DuplicateNames_ThrowsNamingKindAndName(string first, string second)
    {
        var e = Assert.Throws<ArgumentException>(() => new CapabilityRegistry<IFilter>([new Named(first), new Named(second)]));

        Assert.Contains("filter", e.Message);
        Assert.Contains("'SAME'", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Indexer_UnknownName_ThrowsListingNames()
    {
        var registry = new CapabilityRegistry<IFilter>([new Named("gaussian"), new Named("median")]);

        var e = Assert.Throws<CapabilityNotFoundException>(() => registry["sobel"]);

        Assert.Equal(CapabilityKind.Filter, e.Kind);
        Assert.Equal("sobel", e.Name);
        Assert.Contains("No filter named 'sobel'", e.Message);
        Assert.Contains("gaussian, median", e.Message);
        Assert.IsAssignableFrom<ImagingPluginException>(e);
    }

    [Fact]
    public void Indexer_EmptyRegistry_MessageSaysNoneAndHowToCheck()
    {
        var registry = new CapabilityRegistry<IDicomSource>([]);

        var e = Assert.Throws<CapabilityNotFoundException>(() => registry["folder"]);

        Assert.Contains("No source named 'folder'", e.Message);
        Assert.Contains("imaging plugins list", e.Message);
        Assert.False(registry.TryGet("folder", out _));
        Assert.Empty(registry);
    }

    [Fact]
    public void Constructor_NotAContract_Throws()
        => Assert.Throws<ArgumentException>(() => new CapabilityRegistry<ICapability>([]));

    [Fact]
    public void Constructor_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => new CapabilityRegistry<IFilter>(null!));

    private sealed class Named(string name) : IFilter
    {
        public string Name => name;

        public string Description => "test";

        public IReadOnlyList<ArgumentDescriptor> Arguments => [];

        public Task<Dicom.DicomDataset> ApplyAsync(Dicom.DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
            => Task.FromResult(input.Clone());
    }
}
