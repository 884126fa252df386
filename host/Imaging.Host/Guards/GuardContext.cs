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

    public PluginPermissions Permissions { get; } = permissions;

    public bool HasPhi => Permissions.HasFlag(PluginPermissions.Phi);

    public bool HasNetwork => Permissions.HasFlag(PluginPermissions.Network);

    /// <summary><c>kind:name</c>, as written to the audit log.</summary>
    public string Capability { get; } = capability;

    /// <summary>The data set as this plugin may see it: unchanged for a plugin with <c>phi</c>, otherwise after the policy.</summary>
    public DicomDataset Admit(DicomDataset dataset) => HasPhi ? dataset : policy().Apply(dataset);

    /// <summary>The instance as this plugin may see it; without <c>phi</c> its location (a path that may name the patient) is dropped too.</summary>
    public DicomInstance Admit(DicomInstance instance) => HasPhi ? instance : Deidentify(instance, policy());

    /// <summary>A de-identified copy: the policy's data set, the same transfer syntax, no location.</summary>
    public static DicomInstance Deidentify(DicomInstance instance, IDeidentificationPolicy policy)
        => new(policy.Apply(instance.Dataset), instance.TransferSyntax, location: null);

    /// <summary>Progress for a holder without <c>phi</c>: counts only, never the messages (which may name files or patients).</summary>
    public static IProgress<ProgressReport>? CountsOnly(IProgress<ProgressReport>? progress)
        => progress is null ? null : new Progress(progress);

    private sealed class Progress(IProgress<ProgressReport> inner) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => inner.Report(value with { Message = null });
    }

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
