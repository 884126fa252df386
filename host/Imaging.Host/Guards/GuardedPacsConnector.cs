using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>
/// A plugin's PACS connector: every call is audited as network use and as PHI handed over. A connector handles PHI by
/// nature (query keys name patients), so providing one requires both <c>network</c> and <c>phi</c>; plugins without
/// <c>network</c> get no connectors in their registry, and those without <c>phi</c> get de-identified results
/// (<see cref="DeidentifyingPacsConnector"/>).
/// </summary>
internal sealed class GuardedPacsConnector(IPacsConnector inner, GuardContext guard) : IPacsConnector, IGuarded
{
    public string Name { get; } = inner.Name;
    public string Description { get; } = inner.Description;
    public IReadOnlyList<string> Schemes { get; } = [.. inner.Schemes];
    public object Inner => inner;
    public string PluginId => guard.PluginId;
    public Imaging.Sdk.PluginPermissions Permissions => guard.Permissions;

    public Task EchoAsync(PacsEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        guard.AuditNetwork($"echo {endpoint.Address}");
        return inner.EchoAsync(endpoint, cancellationToken);
    }

    public IAsyncEnumerable<DicomDataset> FindAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset query, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        guard.AuditNetwork($"find {level} {endpoint.Address}");
        guard.AuditPhi($"query to {endpoint.Address}");
        return inner.FindAsync(endpoint, level, query, progress, cancellationToken);
    }

    public IAsyncEnumerable<DicomInstance> RetrieveAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset identifier, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        guard.AuditNetwork($"retrieve {level} {endpoint.Address}");
        guard.AuditPhi($"retrieve from {endpoint.Address}");
        return inner.RetrieveAsync(endpoint, level, identifier, progress, cancellationToken);
    }

    public Task<int> StoreAsync(PacsEndpoint endpoint, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        guard.AuditNetwork($"store {endpoint.Address}");
        guard.AuditPhi($"instances stored to {endpoint.Address}");
        return inner.StoreAsync(endpoint, instances, progress, cancellationToken);
    }
}
