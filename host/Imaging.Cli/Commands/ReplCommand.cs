using System.CommandLine;
using System.Reflection;
using Imaging.Cli.Plugins;
using Imaging.Host;
using Imaging.Scripting;
using Imaging.Scripting.Repl;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging repl`: an interactive C# session over the analyst's globals (<see cref="ScriptGlobals"/>) with the plugins
/// loaded and hot-reloaded when their folders change. On a terminal: line editing, history in ~/.imaging/history, tab
/// completion, a banner. With piped input: plain lines, no prompts; exit code 1 if a submission failed.
/// </summary>
internal static class ReplCommand
{
    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var paths = HostFactory.PluginPathOption();
        var cmd = new Command("repl", "Interactive C# over DICOM files and plugins: #help lists the globals (Open, Series, Filters[\"gaussian\"], ...). Pipe a script in to run it line by line.")
        {
            paths,
        };
        // A synchronous action: System.CommandLine then installs no Ctrl+C handler of its own, so Ctrl+C cancels the
        // running submission (below) instead of ending the process.
        cmd.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(paths), parse.GetValue(verbose), stdout, stderr);
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, null, parse.GetValue(verbose), stderr);
            }
        });
        return cmd;
    }

    private static int Run(string[]? pluginPaths, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        bool terminal = !Console.IsInputRedirected && !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out);
        using var host = HostFactory.Start(pluginPaths);
        host.WatchForChanges();
        var globals = new ScriptGlobals(host, [], Environment.CurrentDirectory, stdout, stderr, CancellationToken.None);
        var session = new ReplSession(globals);
        _ = session.WarmUpAsync();
        var options = new ReplOptions { Verbose = verbose };
        var runner = terminal ? ReplRunner.ForConsole(session, options) : new ReplRunner(session, Console.In, stdout, stderr, options);

        if (terminal)
        {
            var version = typeof(ReplCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
            int loaded = host.Plugins.Count(p => p.Status == PluginStatus.Loaded);
            stdout.WriteLine($"Imaging Platform {version} C# REPL — {loaded} of {host.Plugins.Count} plugins loaded ({string.Join(", ", host.Plugins.Where(p => p.Status == PluginStatus.Loaded).Select(p => p.Id))}).");
            stdout.WriteLine("Type #help for the globals and commands, #quit or Ctrl+D to leave.");
        }
        host.PluginsChanged += (_, e) =>
        {
            foreach (var p in e.Changed)
                stderr.WriteLine($"[plugins] {p.Id} {p.Version}: {p.Status.ToString().ToLowerInvariant()}{(p.Error is null ? "" : " (" + p.Error + ")")}");
        };

        ConsoleCancelEventHandler onCancel = (_, e) => e.Cancel = runner.Interrupt() || terminal;
        Console.CancelKeyPress += onCancel;
        try
        {
            return runner.RunAsync().GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
