using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>A plugin's filter as the platform sees it: inputs pass the policy unless the plugin has <c>phi</c>, which is audited.</summary>
internal sealed class GuardedFilter(IFilter inner, GuardContext guard) : IFilter, IGuarded
{
    public string Name { get; } = inner.Name;
    public string Description { get; } = inner.Description;
    public IReadOnlyList<ArgumentDescriptor> Arguments { get; } = [.. inner.Arguments];
    public object Inner => inner;
    public string PluginId => guard.PluginId;
    public Imaging.Sdk.PluginPermissions Permissions => guard.Permissions;

    public Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        var admitted = guard.Admit(input);
        guard.AuditPhi(GuardContext.Describe(input));
        return inner.ApplyAsync(admitted, arguments ?? CapabilityArguments.Empty, progress, cancellationToken);
    }
}
