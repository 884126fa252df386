namespace Imaging.Sdk.Security;

/// <summary>The kinds of plugin action the audit log records.</summary>
public enum AuditAction
{
    /// <summary><c>phi-read</c>: a plugin received data sets with protected health information.</summary>
    PhiRead,

    /// <summary><c>file-write</c>: a plugin wrote a file.</summary>
    FileWrite,

    /// <summary><c>network</c>: a plugin used the network.</summary>
    Network,
}
