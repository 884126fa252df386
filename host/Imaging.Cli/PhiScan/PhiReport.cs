namespace Imaging.Cli.PhiScan;

/// <summary>The result of a scan: how many files were looked at and what was found, ordered by file then position.</summary>
internal sealed record PhiReport(string Root, string? Source, int FilesScanned, IReadOnlyList<PhiFinding> Findings)
{
    /// <summary>True when nothing was found.</summary>
    public bool IsClean => Findings.Count == 0;

    /// <summary>Files with at least one finding.</summary>
    public int FilesWithFindings => Findings.Select(f => f.File).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The count of findings per rule, by rule name.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> CountsByRule =>
        Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count())).ToList();

    /// <summary>The one-line summary: "N files scanned: M findings in K files (rule: n, ...)" or "...: clean".</summary>
    public string Summary()
    {
        var files = $"{FilesScanned} file{(FilesScanned == 1 ? "" : "s")} scanned";
        if (IsClean) return $"{files}: no residual PHI found";
        var rules = string.Join(", ", CountsByRule.Select(kv => $"{kv.Key} {kv.Value}"));
        return $"{files}: {Findings.Count} finding{(Findings.Count == 1 ? "" : "s")} in {FilesWithFindings} file{(FilesWithFindings == 1 ? "" : "s")} ({rules})";
    }
}
