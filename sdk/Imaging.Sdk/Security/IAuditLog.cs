namespace Imaging.Sdk.Security;

/// <summary>
/// The append-only audit log (JSON lines). The host records every capability call that hands PHI to a plugin, every
/// file written through <see cref="IFileOutput"/> and every connection made through <see cref="INetworkAccess"/>;
/// plugins may record further actions of their own.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="auditEvent"/>; thread-safe, never throws for I/O (failures go to the host log).</summary>
    void Record(AuditEvent auditEvent);
}
