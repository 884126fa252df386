using System.Globalization;
using System.Text.Json;
using Imaging.Host;
using Imaging.Sdk;

namespace Imaging.Cli.Plugins;

/// <summary>Renders plugin records: a plain table for people, JSON for machines.</summary>
internal static class PluginTable
{
    public static void WritePlain(IReadOnlyList<PluginRecord> records, TextWriter w)
    {
        if (records.Count == 0)
        {
            w.WriteLine("No plugins found.");
            return;
        }
        var rows = records.Select(r => new[]
        {
            r.Id, r.Version, Status(r), r.Status == PluginStatus.Loaded ? string.Join(" ", r.Capabilities.Select(c => c.ToString())) : "-",
            PluginManifest.FormatPermissions(r.Permissions),
        }).ToList();
        string[] head = ["ID", "VERSION", "STATUS", "CAPABILITIES", "PERMISSIONS"];
        var widths = head.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        w.WriteLine(string.Join("  ", head.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows) w.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        foreach (var r in records.Where(r => r.Error is not null && r.Status != PluginStatus.Disabled))
            w.WriteLine($"  {r.Id}: {r.Error} ({r.Folder})");
    }

    public static void WriteInspect(PluginRecord r, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine($"{r.Id} {r.Version}");
        if (r.Manifest?.Name is { } name) w.WriteLine($"  name          {name}");
        if (r.Manifest?.Description is { } d) w.WriteLine($"  description   {d}");
        w.WriteLine($"  status        {Status(r)}{(r.Error is null ? "" : ": " + r.Error)}");
        w.WriteLine($"  folder        {r.Folder}");
        if (r.Manifest is { } m)
        {
            w.WriteLine($"  entry         {m.EntryAssembly}{(m.EntryType is null ? "" : " (" + m.EntryType + ")")}");
            w.WriteLine($"  sdk range     {m.SdkRange} (host SDK {SdkInfo.Version.ToString(3)})");
            w.WriteLine($"  permissions   {PluginManifest.FormatPermissions(m.Permissions)}{PermissionNote(m.Permissions)}");
            w.WriteLine($"  declares      {string.Join(", ", m.Capabilities.Select(CapabilityKinds.GetName))}");
        }
        w.WriteLine(string.Create(inv, $"  load time     {r.LoadTime.TotalMilliseconds:0} ms"));
        foreach (var c in r.Capabilities) w.WriteLine($"  {c,-22} {c.Description}");
    }

    public static void WriteJson(IReadOnlyList<PluginRecord> records, TextWriter w)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var r in records)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Id);
                json.WriteString("version", r.Version);
                json.WriteString("status", Status(r));
                if (r.Error is not null) json.WriteString("error", r.Error);
                json.WriteString("folder", r.Folder);
                json.WriteString("sdk", r.Manifest?.SdkRange.Text);
                json.WriteStartArray("permissions");
                foreach (var p in PluginManifest.FormatPermissions(r.Permissions).Split(", ").Where(p => p != "none")) json.WriteStringValue(p);
                json.WriteEndArray();
                json.WriteStartArray("capabilities");
                foreach (var c in r.Capabilities)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", CapabilityKinds.GetName(c.Kind));
                    json.WriteString("name", c.Name);
                    json.WriteString("description", c.Description);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteNumber("loadMs", Math.Round(r.LoadTime.TotalMilliseconds, 1));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static string Status(PluginRecord r) => r.Status switch
    {
        PluginStatus.Loaded => "loaded",
        PluginStatus.Incompatible => "incompatible",
        PluginStatus.Failed => "failed",
        PluginStatus.Disabled => "disabled",
        _ => r.Status.ToString().ToLowerInvariant(),
    };

    private static string PermissionNote(PluginPermissions p)
        => p.HasFlag(PluginPermissions.Phi) ? "" : " (receives data sets only after the active de-identification policy)";
}
