using System.Globalization;
using SharpFuzz;

namespace Imaging.Fuzz;

/// <summary>
/// Entry point. Modes (README.md has the full usage):
///   afl                      SharpFuzz in-process AFL mode (persistent): afl-fuzz ... -- dotnet Imaging.Fuzz.dll afl
///   afl-oop                  SharpFuzz out-of-process AFL mode (survives stack overflows, slower)
///   libfuzzer                SharpFuzz libFuzzer mode (needs the libfuzzer-dotnet driver)
///   mutate [opts] DIR...     the built-in mutation fuzzer: --seed N --iterations N --seconds T --out DIR --hang-seconds T
///   repro FILE|DIR...        runs the target on inputs, prints each distinct failure; exit 1 when any failed
///   minimize IN OUT [secs]   shrinks a crashing input keeping its crash signature
///   dict OUT                 writes the AFL dictionary of DICOM tokens
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "afl";
        var rest = args.Skip(1).ToArray();
        var target = new DicomFileTarget();
        switch (mode)
        {
            case "afl":
                Fuzzer.Run(stream => target.Run(stream));
                return 0;
            case "afl-oop":
                Fuzzer.OutOfProcess.Run(stream => target.Run(stream));
                return 0;
            case "libfuzzer":
                Fuzzer.LibFuzzer.Run(span => target.Run(span));
                return 0;
            case "mutate":
                return Mutate(rest) > 0 ? 1 : 0;
            case "repro":
            {
                using var map = new CoverageMap(); // instrumented code needs a map to write to outside AFL
                return Repro(target, rest);
            }
            case "minimize":
            {
                using var map = new CoverageMap();
                var min = new Minimizer(target, Console.Out).Minimize(File.ReadAllBytes(rest[0]),
                    TimeSpan.FromSeconds(rest.Length > 2 ? double.Parse(rest[2], CultureInfo.InvariantCulture) : 120));
                File.WriteAllBytes(rest[1], min);
                Console.WriteLine(Convert.ToBase64String(min));
                return 0;
            }
            case "dict":
                File.WriteAllLines(rest[0], Mutator.Tokens.Select((t, i) => $"t{i}=\"{AflEscape(t)}\""));
                return 0;
            default:
                Console.Error.WriteLine($"unknown mode '{mode}'; see tests/Imaging.Fuzz/README.md");
                return 2;
        }
    }

    private static int Mutate(string[] args)
    {
        var corpus = new List<string>();
        string output = "fuzz-out";
        int seed = 1;
        long? iterations = null;
        double? seconds = null;
        double hang = 10;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--iterations": iterations = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                case "--hang-seconds": hang = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: corpus.Add(args[i]); break;
            }
        }
        var settings = new MutationSettings(corpus, output, seed, iterations, seconds, hang);
        return new MutationEngine(settings, Console.Out).Run();
    }

    private static int Repro(DicomFileTarget target, string[] paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p])
            .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var seen = new Dictionary<string, List<string>>();
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            if (Findings.Check(target, input) is not { } ex) continue;
            var signature = Findings.Signature(ex);
            if (!seen.TryGetValue(signature, out var list))
            {
                seen[signature] = list = [];
                Console.WriteLine($"=== {signature}\n{file}\n{Findings.Report(ex, input)}");
            }
            list.Add(file);
        }
        Console.WriteLine($"{files.Count} inputs, {seen.Values.Sum(l => l.Count)} failed, {seen.Count} distinct signature(s)");
        foreach (var (signature, list) in seen) Console.WriteLine($"  {list.Count,6} × {signature}");
        return seen.Count > 0 ? 1 : 0;
    }

    private static string AflEscape(string token) =>
        string.Concat(token.Select(c => c is '"' or '\\' ? $"\\{c}" : c < 0x20 || c > 0x7E ? $"\\x{(int)c:X2}" : c.ToString()));
}
