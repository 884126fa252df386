using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>A plugin's model: the series passes the policy unless the plugin has <c>phi</c>, which is audited.</summary>
internal sealed class GuardedAiModel(IAiModel inner, GuardContext guard) : IAiModel, IGuarded
{
    public string Name { get; } = inner.Name;
    public string Description { get; } = inner.Description;
    public IReadOnlyList<string> Modalities { get; } = [.. inner.Modalities];
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } = [.. inner.Arguments];
    public object Inner => inner;
    public string PluginId => guard.PluginId;
    public Imaging.Sdk.PluginPermissions Permissions => guard.Permissions;

    public Task<ModelResult> RunAsync(IReadOnlyList<DicomDataset> series, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        cancellationToken.ThrowIfCancellationRequested();
        var admitted = series.Select(guard.Admit).ToList();
        guard.AuditPhi($"{series.Count} instances");
        return inner.RunAsync(admitted, arguments ?? CapabilityArguments.Empty, progress, cancellationToken);
    }
}
