using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>
/// A plugin's PACS connector: every call is audited as network use; data sets sent (queries, stores) pass the policy
/// unless the plugin has <c>phi</c>. Only plugins with <c>network</c> get connectors in their registry.
/// </summary>
internal sealed class GuardedPacsConnector(IPacsConnector inner, GuardContext guard) : IPacsConnector, IGuarded
{
    public string Name => inner.Name;
    public string Description => inner.Description;
    public IReadOnlyList<string> Schemes => inner.Schemes;
    public object Inner => inner;
    public string PluginId => guard.PluginId;

    public Task EchoAsync(PacsEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        guard.AuditNetwork($"echo {endpoint.Address}");
        return inner.EchoAsync(endpoint, cancellationToken);
    }

    public IAsyncEnumerable<DicomDataset> FindAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset query, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        guard.AuditNetwork($"find {level} {endpoint.Address}");
        guard.AuditPhi($"query to {endpoint.Address}");
        return inner.FindAsync(endpoint, level, guard.Admit(query), progress, cancellationToken);
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
        return inner.StoreAsync(endpoint, GuardContext.Map(instances, guard.Admit, cancellationToken), progress, cancellationToken);
    }
}
