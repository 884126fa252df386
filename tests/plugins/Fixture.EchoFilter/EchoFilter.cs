using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Fixture.EchoFilter;

/// <summary>Returns a copy of the data set it received, so a test sees exactly what the host let through.</summary>
public sealed class EchoFilter : IFilter
{
    /// <inheritdoc />
    public string Name => "echo";

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
