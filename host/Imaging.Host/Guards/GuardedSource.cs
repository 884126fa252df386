using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>
/// A plugin's source. A source with <c>phi</c> reads PHI and hands it on as it is (audited once per call); the output of a
/// source without <c>phi</c> passes the policy, so that what it produces is never more than a plugin without <c>phi</c> may see.
/// </summary>
internal sealed class GuardedSource(IDicomSource inner, GuardContext guard) : IDicomSource, IGuarded
{
    public string Name { get; } = inner.Name;
    public string Description { get; } = inner.Description;
    public object Inner => inner;
    public string PluginId => guard.PluginId;
    public Imaging.Sdk.PluginPermissions Permissions => guard.Permissions;

    public bool CanRead(string location) => inner.CanRead(location);

    public IAsyncEnumerable<DicomInstance> ReadAsync(string location, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        guard.AuditPhi(location);
        return GuardContext.Map(inner.ReadAsync(location, progress, cancellationToken), guard.Admit, cancellationToken);
    }
}
