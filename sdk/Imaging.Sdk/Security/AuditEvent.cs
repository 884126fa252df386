namespace Imaging.Sdk.Security;

/// <summary>One line of the audit log: who did what to which target, when.</summary>
/// <param name="PluginId">The plugin that acted.</param>
/// <param name="Action">What kind of action.</param>
/// <param name="Capability">The capability invoked (<c>filter:gaussian</c>) or the service used.</param>
/// <param name="Target">What was touched: a path, a host:port, a SOP Instance UID or a count of data sets.</param>
public sealed record AuditEvent(string PluginId, AuditAction Action, string Capability, string Target)
{
    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;
}
