using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;

namespace Fixture.WantsFileOutput;

/// <summary>A filter that needs <see cref="IFileOutput"/>: the host must not construct it without the filesystem-write permission.</summary>
public sealed class WantsFileOutputFilter(IFileOutput files) : IFilter
{
    /// <inheritdoc />
    public string Name => "wants-file-output";

    /// <inheritdoc />
    public string Description => $"Holds {files.GetType().Name}.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => [];

    /// <inheritdoc />
    public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => Task.FromResult(input.Clone());
}
