using Imaging.Sdk.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Imaging.Host;

/// <summary>How a <see cref="PluginHost"/> finds plugins, where it audits, and which de-identification policy it enforces.</summary>
public sealed class HostOptions
{
    /// <summary>The environment variable listing extra plugin folders (separated by the platform's path separator).</summary>
    public const string PluginPathVariable = "IMAGING_PLUGIN_PATH";

    /// <summary>
    /// Folders searched for plugins, in order. Each folder is either a plugin folder (it holds <c>plugin.json</c>) or
    /// holds plugin folders one level down. Missing folders are skipped. A plugin id found twice loads from the first.
    /// </summary>
    public IList<string> PluginFolders { get; } = new List<string>();

    /// <summary>The JSON-lines audit log; defaults to <c>~/.imaging/audit.log</c>.</summary>
    public string AuditLogPath { get; set; } = Path.Combine(ImagingHome, "audit.log");

    /// <summary>Where host and plugin log messages go; nothing is logged by default.</summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>
    /// The policy applied to data sets before a plugin without the <c>phi</c> permission receives them. When null, the
    /// host uses the anonymizer named by <see cref="PolicyAnonymizer"/> if one is configured and loaded, and otherwise its
    /// built-in allow-list policy (<see cref="Security.AllowListPolicy"/>).
    /// </summary>
    public IDeidentificationPolicy? DeidentificationPolicy { get; set; }

    /// <summary>
    /// The name of an anonymizer capability (from a plugin with the <c>phi</c> permission) to use as the policy with
    /// <see cref="PolicyProfile"/>; null (the default) keeps the built-in allow-list. Opt-in, so that installing a plugin
    /// never changes what plugins without <c>phi</c> receive.
    /// </summary>
    public string? PolicyAnonymizer { get; set; }

    /// <summary>The profile <see cref="PolicyAnonymizer"/> applies (default <c>basic</c>, PS3.15 E.1).</summary>
    public string PolicyProfile { get; set; } = "basic";

    /// <summary>The secret for the built-in policy's UID replacement (HMAC-SHA256); random per host when null.</summary>
    public byte[]? DeidentificationSecret { get; set; }

    /// <summary>Per-plugin settings (plugin id → name → value), overlaid on each manifest's <c>settings</c>.</summary>
    public IDictionary<string, IDictionary<string, string>> PluginSettings { get; } = new Dictionary<string, IDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Plugin ids not to load (listed as disabled).</summary>
    public ISet<string> DisabledPlugins { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The SDK version the host presents to plugins (defaults to the SDK assembly's version).</summary>
    public Version SdkVersion { get; set; } = Imaging.Sdk.SdkInfo.Version;

    /// <summary><c>~/.imaging</c> (or <c>$IMAGING_HOME</c> when set).</summary>
    public static string ImagingHome =>
        Environment.GetEnvironmentVariable("IMAGING_HOME") is { Length: > 0 } home
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".imaging");

    /// <summary>
    /// The default options: plugin folders <c>plugins/</c> next to the application, <c>~/.imaging/plugins</c>, then each
    /// folder in <c>IMAGING_PLUGIN_PATH</c>.
    /// </summary>
    public static HostOptions CreateDefault()
    {
        var options = new HostOptions();
        options.PluginFolders.Add(Path.Combine(AppContext.BaseDirectory, "plugins"));
        options.PluginFolders.Add(Path.Combine(ImagingHome, "plugins"));
        if (Environment.GetEnvironmentVariable(PluginPathVariable) is { Length: > 0 } extra)
        {
            foreach (var folder in extra.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                options.PluginFolders.Add(Path.GetFullPath(folder));
        }
        return options;
    }
}
