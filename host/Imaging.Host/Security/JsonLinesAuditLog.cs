using System.Text;
using System.Text.Json;
using Imaging.Sdk.Security;
using Microsoft.Extensions.Logging;

namespace Imaging.Host.Security;

/// <summary>
/// The append-only audit log: one JSON object per line (<c>time, plugin, action, capability, target, user, pid</c>).
/// The file is only ever opened for appending; each line is written with one write call so that concurrent processes
/// appending to the same file do not interleave within a line.
/// </summary>
public sealed class JsonLinesAuditLog : IAuditLog
{
    private readonly object _gate = new();
    private readonly ILogger _logger;

    /// <summary>Creates the log at <paramref name="path"/> (its folder is created on first write).</summary>
    public JsonLinesAuditLog(string path, ILogger? logger = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var line = Format(auditEvent);
        lock (_gate)
        {
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
                stream.Write(line);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _logger.LogError(e, "Cannot append to the audit log {Path}: {Message}", Path, e.Message);
            }
        }
    }

    /// <summary>The action's name as written in the log (<c>phi-read</c>, <c>file-write</c>, <c>network</c>).</summary>
    public static string ActionName(AuditAction action) => action switch
    {
        AuditAction.PhiRead => "phi-read",
        AuditAction.FileWrite => "file-write",
        AuditAction.Network => "network",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static byte[] Format(AuditEvent e)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("time", e.Time.ToUniversalTime().ToString("O"));
            w.WriteString("plugin", e.PluginId);
            w.WriteString("action", ActionName(e.Action));
            w.WriteString("capability", e.Capability);
            w.WriteString("target", e.Target);
            w.WriteString("user", Environment.UserName);
            w.WriteNumber("pid", Environment.ProcessId);
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
