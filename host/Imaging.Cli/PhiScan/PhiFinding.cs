namespace Imaging.Cli.PhiScan;

/// <summary>
/// One thing in one file that still looks like PHI. <paramref name="Value"/> is already masked (<see cref="ValueMask"/>)
/// so the report never repeats the PHI it found; <paramref name="Detail"/> says why (e.g. "equals original PatientName"),
/// without values.
/// </summary>
/// <param name="File">The file, relative to the scanned folder ('/'-separated).</param>
/// <param name="Tag">The element's tag as (gggg,eeee), or "" for a finding about the whole file.</param>
/// <param name="Path">Where the element sits: the sequence tags and item indexes above it, then its tag.</param>
/// <param name="Keyword">The dictionary keyword, "" for private or unknown elements.</param>
/// <param name="VR">The value representation, "" when there is no element.</param>
/// <param name="Rule">One of the <see cref="PhiRule"/> names.</param>
/// <param name="Value">The masked value.</param>
/// <param name="Detail">Why it was reported.</param>
internal sealed record PhiFinding(string File, string Tag, string Path, string Keyword, string VR, string Rule, string Value, string Detail)
{
    /// <summary>high, medium or low (<see cref="PhiRule.Severity"/>).</summary>
    public string Severity => PhiRule.Severity(Rule);
}
