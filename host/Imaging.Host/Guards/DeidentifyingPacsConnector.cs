using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;

namespace Imaging.Host.Guards;

/// <summary>
/// A PACS connector as seen by a plugin with <c>network</c> but without <c>phi</c>: query results and retrieved
/// instances pass the policy (and progress loses its messages) before that plugin sees them.
/// </summary>
internal sealed class DeidentifyingPacsConnector(IPacsConnector inner, Func<IDeidentificationPolicy> policy) : IPacsConnector, IGuarded
{
    public string Name => inner.Name;
    public string Description => inner.Description;
    public IReadOnlyList<string> Schemes => inner.Schemes;
    public object Inner => inner is IGuarded g ? g.Inner : inner;
    public string PluginId => inner is IGuarded g ? g.PluginId : "";
    public PluginPermissions Permissions => inner is IGuarded g ? g.Permissions : PluginPermissions.None;

    public Task EchoAsync(PacsEndpoint endpoint, CancellationToken cancellationToken = default) => inner.EchoAsync(endpoint, cancellationToken);

    public async IAsyncEnumerable<DicomDataset> FindAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset query, IProgress<ProgressReport>? progress = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var active = policy();
        await foreach (var match in inner.FindAsync(endpoint, level, query, GuardContext.CountsOnly(progress), cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return active.Apply(match);
    }

    public IAsyncEnumerable<DicomInstance> RetrieveAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset identifier, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var active = policy();
        return GuardContext.Map(inner.RetrieveAsync(endpoint, level, identifier, GuardContext.CountsOnly(progress), cancellationToken), i => GuardContext.Deidentify(i, active), cancellationToken);
    }

    public Task<int> StoreAsync(PacsEndpoint endpoint, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => inner.StoreAsync(endpoint, instances, progress, cancellationToken);
}
