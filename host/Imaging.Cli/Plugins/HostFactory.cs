using System.CommandLine;
using Imaging.Host;

namespace Imaging.Cli.Plugins;

/// <summary>Creates the plugin host for a command: the default folders plus any <c>--plugin-path</c> given.</summary>
internal static class HostFactory
{
    /// <summary>The <c>--plugin-path</c> option (repeatable), shared by the commands that load plugins.</summary>
    public static Option<string[]> PluginPathOption() => new("--plugin-path")
    {
        Description = $"Also load plugins from this folder (repeatable). Default folders: plugins/ next to imaging, ~/.imaging/plugins, ${HostOptions.PluginPathVariable}.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static PluginHost Start(IEnumerable<string>? extraFolders, string? auditLogPath = null)
    {
        var options = HostOptions.CreateDefault();
        foreach (var folder in extraFolders ?? []) options.PluginFolders.Add(Path.GetFullPath(folder));
        if (auditLogPath is not null) options.AuditLogPath = auditLogPath;
        return PluginHost.Start(options);
    }
}
