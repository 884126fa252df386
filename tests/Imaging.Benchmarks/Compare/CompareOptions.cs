using System.Globalization;

namespace Imaging.Benchmarks.Compare;

/// <summary>The arguments of `compare`.</summary>
internal sealed record CompareOptions
{
    /// <summary>Files in the header-rich corpus.</summary>
    public int Files { get; init; } = 2000;

    /// <summary>Slices in the 512×512 CT series.</summary>
    public int CtSlices { get; init; } = 300;

    /// <summary>Where the corpora are generated (and reused from).</summary>
    public string CorpusRoot { get; init; } = Path.Combine(Path.GetTempPath(), "imaging-bench-corpus");

    /// <summary>Timed runs per line (after one untimed warm-up run).</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Where the markdown table goes; defaults to results.md in the corpus root.</summary>
    public string? Out { get; init; }

    /// <summary>Only this corpus ("header-rich" or "ct-512"); null for both.</summary>
    public string? Only { get; init; }

    public const string Usage =
        "compare [--files N] [--ct-slices N] [--corpus DIR] [--runs N] [--out FILE.md] [--only header-rich|ct-512]";

    /// <summary>Parses the arguments after "compare"; throws <see cref="ArgumentException"/> with the usage on a bad one.</summary>
    public static CompareOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CompareOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            int Count() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"{args[i]} needs a positive whole number. Usage: {Usage}");
            o = args[i] switch
            {
                "--files" => o with { Files = Count() },
                "--ct-slices" => o with { CtSlices = Count() },
                "--corpus" => o with { CorpusRoot = Path.GetFullPath(Value()) },
                "--runs" => o with { Runs = Count() },
                "--out" => o with { Out = Path.GetFullPath(Value()) },
                "--only" => o with { Only = Value() is "header-rich" or "ct-512" ? args[i] : throw new ArgumentException($"--only takes header-rich or ct-512. Usage: {Usage}") },
                _ => throw new ArgumentException($"unknown argument {args[i]}. Usage: {Usage}"),
            };
        }
        return o;
    }
}
