using Imaging.Benchmarks.Anonymize;
using Imaging.Benchmarks.Bdn;
using Imaging.Benchmarks.Compare;
using Imaging.Benchmarks.Filters;
using Imaging.Benchmarks.Host;
using Imaging.Benchmarks.Profile;
using Imaging.Benchmarks.Scripting;
using Imaging.Benchmarks.Volumes;

namespace Imaging.Benchmarks;

/// <summary>
/// Entry point: `compare` (us vs pydicom vs dcmdump vs cat, headers only, one run), `bdn` (BenchmarkDotNet with
/// MemoryDiagnoser), `profile` (where one header parse spends its time). See docs/performance.md.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project tests/Imaging.Benchmarks -- <command>
          compare [--files N] [--ct-slices N] [--corpus DIR] [--runs N] [--out FILE.md] [--only header-rich|ct-512]
          bdn [BenchmarkDotNet arguments, e.g. --filter '*CtSlice*']
          profile [--files N] [--ct-slices N] [--corpus DIR] [--only header-rich|ct-512]
          repl [--runs N]     REPL evaluation time after the first submission, in-process
          host [--runs N]     plugin host start-up (cold, in fresh processes) and reload, with the shipped plugins
          scripting [--runs N] [--r2r DIR]   `imaging run` of a trivial script: process start to first output, cold and cached
          volume [--runs N] [--slices N] [--size N] [--corpus DIR]   load a CT series into a volume vs pydicom + numpy vs cat
          anonymize [--runs N] [--slices N] [--size N] [--corpus DIR] [--table E1-1.json]   PS3.15 basic profile on a CT series vs pydicom (Dataset.walk) and dcmodify
          gaussian3d [--runs N] [--size N] [--slices N] [--sigma MM]   3-D Gaussian volume filter vs scipy.ndimage, same volume, one run
        """;

    /// <summary>Runs a command; exit code 2 for bad arguments.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Out.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            return args[0] switch
            {
                "compare" => CompareCommand.Run(CompareOptions.Parse(args[1..]), Console.Out),
                "bdn" => BdnCommand.Run(args[1..]),
                "profile" => ProfileCommand.Run(CompareOptions.Parse(args[1..]), Console.Out),
                "host" => HostCommand.Run(args[1..], Console.Out),
                "host-once" => HostCommand.Once(Console.Out),
                "scripting" => ScriptingCommand.Run(args[1..], Console.Out),
                "repl" => ReplEvalCommand.Run(args[1..], Console.Out),
                "volume" => VolumeCommand.Run(args[1..], Console.Out),
                "anonymize" => AnonymizeBenchCommand.Run(args[1..], Console.Out),
                "gaussian3d" => Gaussian3dCommand.Run(args[1..], Console.Out),
                "scripting-roslyn-once" => ScriptingCommand.RoslynOnce(),
                _ => throw new ArgumentException($"unknown command {args[0]}\n{Usage}"),
            };
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"Imaging.Benchmarks: {ex.Message}");
            return 2;
        }
    }
}
