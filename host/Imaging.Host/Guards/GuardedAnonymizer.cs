using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Host.Guards;

/// <summary>A plugin's anonymizer: it needs <c>phi</c> to see original data (audited); without it, it gets policy output.</summary>
internal sealed class GuardedAnonymizer(IAnonymizer inner, GuardContext guard) : IAnonymizer, IGuarded
{
    public string Name { get; } = inner.Name;
    public string Description { get; } = inner.Description;
    public IReadOnlyList<string> Profiles { get; } = [.. inner.Profiles];
    public object Inner => inner;
    public string PluginId => guard.PluginId;
    public Imaging.Sdk.PluginPermissions Permissions => guard.Permissions;

    public Task<AnonymizationResult> AnonymizeAsync(DicomDataset input, AnonymizationRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        var admitted = guard.Admit(input);
        guard.AuditPhi(GuardContext.Describe(input));
        return inner.AnonymizeAsync(admitted, request, progress, cancellationToken);
    }
}
