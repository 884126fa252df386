using Imaging.Sdk.Security;

namespace Imaging.Host.Security;

/// <summary>The audit log as one plugin sees it: every event it records is stamped with its own id and the host's clock, whatever it claims.</summary>
internal sealed class PluginAuditLog(IAuditLog inner, string pluginId) : IAuditLog
{
    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        inner.Record(auditEvent with { PluginId = pluginId, Time = DateTimeOffset.UtcNow });
    }
}
