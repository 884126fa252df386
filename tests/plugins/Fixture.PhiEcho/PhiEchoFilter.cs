using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Fixture.PhiEcho;

/// <summary>Returns a copy of the data set it received, with the phi permission: PHI intact.</summary>
public sealed class PhiEchoFilter : IFilter
{
    /// <inheritdoc />
    public string Name => "phi-echo";

    /// <inheritdoc />
    public string Description => "Returns a copy of its input.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => [];

    /// <inheritdoc />
    public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(input.Clone());
    }
}
