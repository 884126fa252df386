using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Fixture.Undeclared;

/// <summary>A filter the manifest does not declare.</summary>
public sealed class UndeclaredFilter : IFilter
{
    /// <inheritdoc />
    public string Name => "undeclared";

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
