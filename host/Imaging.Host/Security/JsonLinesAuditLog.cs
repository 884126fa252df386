using System.Text;
using System.Text.Json;
using Imaging.Sdk.Security;
using Microsoft.Extensions.Logging;

namespace Imaging.Host.Security;

/// <summary>
/// The append-only audit log: one JSON object per line (<c>time, plugin, action, capability, target, user, pid</c>).
/// Lines are only ever appended, each in one write under an exclusive lock, so concurrent processes appending to the
/// same file neither interleave nor overwrite each other's lines.
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
        lock (_gate)
        {
            try
            {
                var line = Format(auditEvent);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                AppendExclusively(line);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Cannot append to the audit log {Path}: {Message}", Path, e.Message);
            }
        }
    }

    /// <summary>
    /// Appends under an exclusive lock: .NET's FileMode.Append is not O_APPEND (writes go to the offset found at open), so
    /// two processes appending at once could overwrite each other's lines. FileShare.None takes an exclusive advisory
    /// lock on Unix; a writer that finds the file locked retries briefly, then seeks to the end and writes its line.
    /// </summary>
    private void AppendExclusively(byte[] line)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1, FileOptions.None);
                stream.Seek(0, SeekOrigin.End);
                stream.Write(line);
                stream.Flush(flushToDisk: false);
                return;
            }
            catch (IOException) when (attempt < 200 && File.Exists(Path))
            {
                Thread.Sleep(5); // another process is writing its line
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
