using System.CommandLine;
using System.Runtime.InteropServices;
using Imaging.Cli.Plugins;
using Imaging.Host;
using Imaging.Scripting;
using Imaging.Scripting.Running;

namespace Imaging.Cli.Commands;

/// <summary>
/// `imaging run SCRIPT.csx [-- args...]`: runs a C# script with the analyst's globals (<see cref="ScriptGlobals"/>).
/// Compile errors print <c>file(line,col): error CSxxxx: message</c> and exit 1; a runtime exception prints
/// <c>file(line): ExceptionType: message</c> and exits 1; a missing script exits 2; Ctrl+C cancels the script's
/// <c>CancellationToken</c> and exits 130. Compiled scripts are cached by content in ~/.imaging/cache/scripts.
/// </summary>
internal static class RunCommand
{
    private const string Description = """
        Run a C# script (.csx). Scripts see these globals (plus System.*, Imaging.Dicom and Imaging.Sdk types):
          Args                      the arguments after --
          Open(path), Info(path)    a DICOM file (whole / header only)
          Files(folder)             every DICOM file under a folder
          Series(folder)            series under a folder, instances sorted by geometry
          Filters, Sources, Sinks, Anonymizers, Models, Codecs, Pacs   plugins by capability, e.g. Filters["gaussian"]
          Filter(ds, name, "k=v"), Anonymize(ds, profile)             apply a plugin to a data set
          Print(x), Log(msg)        write to stdout / stderr
          CancellationToken         cancelled by Ctrl+C; pass it on, check it in loops
          PathOf(p)                 p relative to the current folder; ScriptPath, ScriptDirectory: the script's file and folder
        #load "other.csx" and #r "lib.dll" are relative to the script. A script may 'return N;' to set the exit code.
        """;

    public static Command Create(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var script = new Argument<string>("SCRIPT") { Description = "The script file (.csx)." };
        var scriptArgs = new Argument<string[]>("ARGS") { Description = "Arguments for the script (its Args); put them after --.", Arity = ArgumentArity.ZeroOrMore };
        var noCache = new Option<bool>("--no-cache") { Description = "Compile the script even if a compiled copy is cached, and do not cache it." };
        var optimize = new Option<bool>("--optimize") { Description = "Compile with optimizations: faster loops, but a runtime error may not name the script line." };
        var paths = HostFactory.PluginPathOption();
        var cmd = new Command("run", Description) { script, scriptArgs, noCache, optimize, paths };
        cmd.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(script)!;
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                stderr.WriteLine($"imaging: {path}: no such script");
                return Program.BadInput;
            }
            var pluginPaths = parse.GetValue(paths);
            var host = new Lazy<PluginHost>(() => HostFactory.Start(pluginPaths));
            using var interrupted = new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupted.Token);
            using var ctrlC = OnFirstCtrlC(interrupted);
            try
            {
                var globals = new ScriptGlobals(host, parse.GetValue(scriptArgs) ?? [], Environment.CurrentDirectory, stdout, stderr, linked.Token)
                {
                    ScriptPath = full,
                };
                var runner = new ScriptRunner(parse.GetValue(noCache) ? null : ScriptRunner.DefaultCacheFolder)
                {
                    JitProfileFolder = Path.Combine(HostOptions.ImagingHome, "cache", "jit"),
                    Optimize = parse.GetValue(optimize),
                };
                // On a pool thread, so that a script busy in synchronous code does not hold up Ctrl+C handling.
                var result = await Task.Run(() => runner.RunAsync(full, globals), CancellationToken.None).ConfigureAwait(false);
                return Report(result, parse.GetValue(verbose), stderr);
            }
            catch (Exception ex)
            {
                return Failure.Report(ex, path, parse.GetValue(verbose), stderr);
            }
            finally
            {
                if (host.IsValueCreated) host.Value.Dispose();
            }
        });
        return cmd;
    }

    /// <summary>
    /// The first Ctrl+C (SIGINT) cancels the script's token and keeps the process alive so the script can stop cleanly;
    /// a second one ends the process the default way (for a script that ignores its token). Works whether the CLI was
    /// invoked synchronously or not.
    /// </summary>
    private static PosixSignalRegistration OnFirstCtrlC(CancellationTokenSource interrupted)
    {
        int presses = 0;
        return PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (Interlocked.Increment(ref presses) > 1) return;
            context.Cancel = true;
            interrupted.Cancel();
        });
    }

    private static int Report(ScriptRunResult result, bool verbose, TextWriter stderr)
    {
        switch (result.Outcome)
        {
            case ScriptOutcome.Cancelled:
                stderr.WriteLine("imaging: cancelled");
                break;
            case ScriptOutcome.BadInput:
                foreach (var error in result.Errors) stderr.WriteLine($"imaging: {error}");
                break;
            default:
                foreach (var error in result.Errors) stderr.WriteLine(error);
                if (verbose && result.Outcome == ScriptOutcome.Failed && result.Exception is not null) stderr.WriteLine(result.Exception.ToString());
                break;
        }
        if (verbose)
        {
            var how = result.CacheHit ? "cached" : result.Compiled ? $"compiled in {result.CompileTime.TotalMilliseconds:F0} ms" : "not compiled";
            stderr.WriteLine($"imaging: script {how}, ran in {result.RunTime.TotalMilliseconds:F0} ms, exit code {result.ExitCode}");
        }
        return result.ExitCode;
    }
}
