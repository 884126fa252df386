using System.Runtime.CompilerServices;
using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Fixture.Network;

/// <summary>A PACS connector that talks to no one: it exists so that registries have a connector to show or hide.</summary>
public sealed class StubPacsConnector : IPacsConnector
{
    /// <inheritdoc />
    public string Name => "fixture-pacs";

    /// <inheritdoc />
    public string Description => "Answers every echo, finds nothing, retrieves nothing, accepts every store.";

    /// <inheritdoc />
    public IReadOnlyList<string> Schemes => ["dicom"];

    /// <inheritdoc />
    public Task EchoAsync(PacsEndpoint endpoint, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public IAsyncEnumerable<DicomDataset> FindAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset query, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => None<DicomDataset>(cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<DicomInstance> RetrieveAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset identifier, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => None<DicomInstance>(cancellationToken);

    /// <inheritdoc />
    public async Task<int> StoreAsync(PacsEndpoint endpoint, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        int count = 0;
        await foreach (var _ in instances.WithCancellation(cancellationToken)) count++;
        return count;
    }

    private static async IAsyncEnumerable<T> None<T>([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield break;
    }
}
