using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;

namespace Fixture.WantsNetwork;

/// <summary>A filter that needs <see cref="INetworkAccess"/>: the host must not construct it without the network permission.</summary>
public sealed class WantsNetworkFilter(INetworkAccess network) : IFilter
{
    /// <inheritdoc />
    public string Name => "wants-network";

    /// <inheritdoc />
    public string Description => $"Holds {network.GetType().Name}.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => [];

    /// <inheritdoc />
    public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => Task.FromResult(input.Clone());
}
