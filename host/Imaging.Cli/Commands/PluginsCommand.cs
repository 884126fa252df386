using System.CommandLine;
using Imaging.Cli.Plugins;
using Imaging.Host;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging plugins list|inspect ID|verify PATH`: what the host found in its plugin folders, one plugin in detail, and a
/// plugin folder checked against its manifest and its capabilities' contracts (the test kit's checks).
/// </summary>
internal static class PluginsCommand
{
    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("plugins", "List, inspect and verify plugins (folders with a plugin.json).")
        {
            List(verbose, stdout, stderr),
            Inspect(verbose, stdout, stderr),
            VerifyCommand.Create(verbose, stdout, stderr),
        };
        return cmd;
    }

    private static Command List(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var format = new Option<string>("--format", "-f") { Description = "table (for people) or json (for machines).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var paths = HostFactory.PluginPathOption();
        var cmd = new Command("list", "Table of the plugins found: id, version, status, capabilities, permissions, and why any failed to load.") { format, paths };
        cmd.SetAction(parse =>
        {
            try
            {
                using var host = HostFactory.Start(parse.GetValue(paths));
                var records = host.Plugins;
                if (parse.GetValue(format) == "json") PluginTable.WriteJson(records, stdout);
                else
                {
                    PluginTable.WritePlain(records, stdout);
                    stdout.WriteLine($"Searched: {string.Join(", ", host.PluginFolders)}");
                    stdout.WriteLine($"De-identification policy for plugins without 'phi': {host.ActivePolicy.Name}");
                }
                return 0;
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, null, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }

    private static Command Inspect(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("ID") { Description = "The plugin id (see 'imaging plugins list')." };
        var paths = HostFactory.PluginPathOption();
        var cmd = new Command("inspect", "Everything about one plugin: manifest, folder, SDK range, permissions, capabilities, load time or error.") { id, paths };
        cmd.SetAction(parse =>
        {
            var wanted = parse.GetValue(id)!;
            try
            {
                using var host = HostFactory.Start(parse.GetValue(paths));
                var record = host.Plugins.FirstOrDefault(r => string.Equals(r.Id, wanted, StringComparison.OrdinalIgnoreCase));
                if (record is null)
                {
                    var known = host.Plugins.Select(r => r.Id).ToList();
                    stderr.WriteLine($"imaging: no plugin '{wanted}' (found: {(known.Count == 0 ? "none" : string.Join(", ", known))})");
                    return Program.BadInput;
                }
                PluginTable.WriteInspect(record, stdout);
                return record.Status == PluginStatus.Loaded ? 0 : 1;
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, null, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }
}
