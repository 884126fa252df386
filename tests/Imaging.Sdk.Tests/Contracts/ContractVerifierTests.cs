using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests.Contracts;

public sealed class ContractVerifierTests
{
    [Fact]
    public void GetKinds_FilterAndSink_ReturnsBoth()
        => Assert.Equal([CapabilityKind.Sink, CapabilityKind.Filter], ContractVerifier.GetKinds(new FilterAndSink()));

    [Fact]
    public async Task VerifyAsync_TwoContracts_ChecksBoth()
    {
        var results = await ContractVerifier.VerifyAsync(new FilterAndSink());

        Assert.Equal(
            ContractVerifier.GetCheckNames(CapabilityKind.Sink).Count + ContractVerifier.GetCheckNames(CapabilityKind.Filter).Count,
            results.Count);
        Assert.Contains(results, r => r.Kind == CapabilityKind.Sink);
        Assert.Contains(results, r => r.Kind == CapabilityKind.Filter);
    }

    [Fact]
    public async Task VerifyAsync_NoContract_ThrowsArgumentException()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => ContractVerifier.VerifyAsync(new JustACapability()));

        Assert.Contains("implements no capability contract", e.Message);
    }

    [Fact]
    public async Task VerifyAsync_WrongKind_ThrowsArgumentException()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => ContractVerifier.VerifyAsync(new InvertFilter(), CapabilityKind.Sink));

        Assert.Contains("does not implement IDicomSink", e.Message);
    }

    [Fact]
    public async Task RunCheckAsync_UnknownCheck_ThrowsListingChecks()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => ContractVerifier.RunCheckAsync(new CopyCodec(), CapabilityKind.Codec, ContractCheckNames.Progress));

        Assert.Contains("has no check 'progress'", e.Message);
        Assert.Contains(ContractCheckNames.RoundTrip, e.Message);
    }

    [Fact]
    public async Task VerifyAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ContractVerifier.VerifyAsync(new InvertFilter(), cancellationToken: cts.Token));
    }

    [Theory]
    [InlineData(CapabilityKind.Source)]
    [InlineData(CapabilityKind.Sink)]
    [InlineData(CapabilityKind.Anonymizer)]
    [InlineData(CapabilityKind.Filter)]
    [InlineData(CapabilityKind.PacsConnector)]
    [InlineData(CapabilityKind.Codec)]
    [InlineData(CapabilityKind.AiModel)]
    public void GetCheckNames_EveryKind_StartsWithDescriptorAndChecksErrors(CapabilityKind kind)
    {
        var names = ContractVerifier.GetCheckNames(kind);

        Assert.Equal(ContractCheckNames.Descriptor, names[0]);
        Assert.Contains(ContractCheckNames.CancellationBeforeStart, names);
        Assert.Contains(ContractCheckNames.InvalidInput, names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task RunCheckAsync_DescriptorThrows_FailsNamingProperty()
    {
        var result = await ContractVerifier.RunCheckAsync(new ThrowingDescriptor(), CapabilityKind.Filter, ContractCheckNames.Descriptor);

        Assert.Equal(ContractCheckOutcome.Failed, result.Outcome);
        Assert.Equal("?", result.CapabilityName);
        Assert.Contains("reading Name threw InvalidOperationException", result.Message);
        Assert.Contains("Description is empty", result.Message);
        Assert.Contains("argument name 'Sigma' is not lower case", result.Message);
    }

    [Fact]
    public void ToString_Result_ReadsAsOneLine()
    {
        var result = new ContractCheckResult(CapabilityKind.AiModel, "bone-volume", ContractCheckNames.Progress, ContractCheckOutcome.Failed, "reported no progress");

        Assert.Equal("ai-model:bone-volume progress: failed: reported no progress", result.ToString());
        Assert.True(result.IsFailure);
    }

    private sealed class JustACapability : ICapability
    {
        public string Name => "nothing";

        public string Description => "Implements no contract.";
    }

    private sealed class ThrowingDescriptor : IFilter
    {
        public string Name => throw new InvalidOperationException("no name yet");

        public string Description => " ";

        public IReadOnlyList<ArgumentDescriptor> Arguments { get; } = [new("Sigma", "Gaussian sigma in mm", "1")];

        public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
            => Task.FromResult(input.Clone());
    }

    private sealed class FilterAndSink : IFilter, IDicomSink
    {
        private readonly InvertFilter _filter = new();
        private readonly FolderSink _sink = new();

        public string Name => "both";

        public string Description => "A filter and a sink in one class.";

        public IReadOnlyList<ArgumentDescriptor> Arguments => _filter.Arguments;

        public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
            => _filter.ApplyAsync(input, arguments, progress, cancellationToken);

        public Task<SinkResult> WriteAsync(string destination, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
            => _sink.WriteAsync(destination, instances, progress, cancellationToken);
    }
}
