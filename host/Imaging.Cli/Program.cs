using System.CommandLine;
using Imaging.Cli.Commands;

namespace Imaging.Cli;

/// <summary>The `imaging` entry point: builds the command tree and maps failures to exit codes.</summary>
public static class Program
{
    /// <summary>Exit code for bad input (unreadable or malformed files, bad arguments).</summary>
    public const int BadInput = 2;

    /// <summary>Runs the CLI.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the CLI with the given output writers (tests call this).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parse = Build(stdout, stderr).Parse(args);
        return ReportParseErrors(parse, stderr) ?? parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>
    /// Runs the CLI asynchronously; cancelling <paramref name="cancellationToken"/> is the same as Ctrl+C (tests use it to
    /// stop a running script).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parse = Build(stdout, stderr).Parse(args);
        return ReportParseErrors(parse, stderr)
            ?? await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);
    }

    private static int? ReportParseErrors(ParseResult parse, TextWriter stderr)
    {
        if (parse.Errors.Count == 0) return null;
        foreach (var e in parse.Errors) stderr.WriteLine($"imaging: {e.Message}");
        stderr.WriteLine("Run 'imaging --help' for usage.");
        return BadInput;
    }

    private static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show stack traces and every reader warning.", Recursive = true };
        var root = new RootCommand("Imaging Platform: read, index and script medical images (DICOM).")
        {
            verbose,
            DumpCommand.Create(verbose, stdout, stderr),
            RenderCommand.Create(verbose, stdout, stderr),
            CollectionCommand.Create(verbose, stdout, stderr),
            SampleCommand.Create(verbose, stdout, stderr),
            PluginsCommand.Create(verbose, stdout, stderr),
            DemoCommand.Create(verbose, stdout, stderr),
            RunCommand.Create(verbose, stdout, stderr),
            ReplCommand.Create(verbose, stdout, stderr),
            ExportCommand.Create(verbose, stdout, stderr),
            PhiScanCommand.Create(verbose, stdout, stderr),
            AnonymizeCommand.Create(verbose, stdout, stderr),
        };
        return root;
    }
}
