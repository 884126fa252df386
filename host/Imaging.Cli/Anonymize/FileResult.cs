namespace Imaging.Cli.Anonymize;

/// <summary>What happened to one input file: written (with the anonymizer's action counts) or skipped (with the reason).</summary>
/// <param name="Input">The input path relative to IN (its file name when IN is a file).</param>
/// <param name="Output">The output path relative to OUT, or null when skipped.</param>
/// <param name="ActionCounts">Attributes touched per action code (PS3.15 Table E.1-1: D, Z, X, K, C, U); empty when skipped.</param>
/// <param name="SkipReason">Why the file was skipped, or null when written.</param>
internal sealed record FileResult(string Input, string? Output, IReadOnlyDictionary<string, int> ActionCounts, string? SkipReason)
{
    public bool Written => SkipReason is null;

    public static FileResult Skipped(string input, string reason) => new(input, null, new Dictionary<string, int>(), reason);
}
