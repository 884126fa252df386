using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>A plugin's sink: instances pass the policy unless the plugin has <c>phi</c>, which is audited once per call.</summary>
internal sealed class GuardedSink(IDicomSink inner, GuardContext guard) : IDicomSink, IGuarded
{
    public string Name { get; } = inner.Name;
    public string Description { get; } = inner.Description;
    public object Inner => inner;
    public string PluginId => guard.PluginId;
    public Imaging.Sdk.PluginPermissions Permissions => guard.Permissions;

    public Task<SinkResult> WriteAsync(string destination, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        cancellationToken.ThrowIfCancellationRequested();
        guard.AuditPhi($"instances written to {destination}");
        return inner.WriteAsync(destination, GuardContext.Map(instances, guard.Admit, cancellationToken), progress, cancellationToken);
    }
}
