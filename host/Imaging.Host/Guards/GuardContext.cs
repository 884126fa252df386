using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;

namespace Imaging.Host.Guards;

/// <summary>
/// What a guard needs to enforce one plugin's permissions on one capability: the plugin's id and permissions, the
/// active de-identification policy and the audit log.
/// </summary>
internal sealed class GuardContext(string pluginId, PluginPermissions permissions, Func<IDeidentificationPolicy> policy, IAuditLog audit, string capability)
{
    public string PluginId { get; } = pluginId;

    public bool HasPhi => permissions.HasFlag(PluginPermissions.Phi);

    public bool HasNetwork => permissions.HasFlag(PluginPermissions.Network);

    /// <summary><c>kind:name</c>, as written to the audit log.</summary>
    public string Capability { get; } = capability;

    /// <summary>The data set as this plugin may see it: unchanged for a plugin with <c>phi</c>, otherwise after the policy.</summary>
    public DicomDataset Admit(DicomDataset dataset) => HasPhi ? dataset : policy().Apply(dataset);

    public DicomInstance Admit(DicomInstance instance) => HasPhi ? instance : instance.WithDataset(policy().Apply(instance.Dataset));

    /// <summary>Records that this plugin received PHI (only when it has the permission: otherwise it received none).</summary>
    public void AuditPhi(string target)
    {
        if (HasPhi) audit.Record(new AuditEvent(PluginId, AuditAction.PhiRead, Capability, target));
    }

    public void AuditNetwork(string target) => audit.Record(new AuditEvent(PluginId, AuditAction.Network, Capability, target));

    public static string Describe(DicomDataset dataset)
        => dataset.TryGetString(DicomTag.SOPInstanceUID, out var uid) && !string.IsNullOrEmpty(uid) ? uid : "(data set without SOP Instance UID)";

    public static async IAsyncEnumerable<DicomInstance> Map(IAsyncEnumerable<DicomInstance> source, Func<DicomInstance, DicomInstance> map,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return map(item);
    }
}
