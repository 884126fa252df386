namespace Imaging.Plugins.Anonymizer.Profile;

/// <summary>One row of PS3.15 Table E.1-1: the attribute, its basic profile action and its option actions.</summary>
/// <param name="Name">Attribute name as the table gives it.</param>
/// <param name="TagText">The tag column, e.g. <c>(0008,0050)</c> or <c>(50XX,XXXX)</c>.</param>
/// <param name="Pattern">The parsed tag or pattern.</param>
/// <param name="InStandardIod">The "In Std. Comp. IOD" column.</param>
/// <param name="Basic">The basic profile action code (D, Z, X, K, C, U, X/Z, X/D, X/Z/D, X/Z/U*, Z/D).</param>
/// <param name="OptionActions">Option column JSON key → action code, only for columns with a value.</param>
internal sealed record ProfileRule(string Name, string TagText, TagPattern Pattern, bool InStandardIod, string Basic, IReadOnlyDictionary<string, string> OptionActions)
{
    /// <summary>The action of <paramref name="option"/> on this row, or null when its column is empty.</summary>
    public string? ActionFor(ProfileOption option) => OptionActions.TryGetValue(option.Column, out var a) ? a : null;
}
