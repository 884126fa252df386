using Imaging.Plugins.Anonymizer.Iod;
using Imaging.Plugins.Anonymizer.Profile;

namespace Imaging.Plugins.Anonymizer.Engine;

/// <summary>
/// Turns a Table E.1-1 row into one action: the option columns override the basic profile (Retain options first, then
/// Clean options, so Clean wins where a row names both: the conservative choice), and the combined codes are resolved
/// by the attribute's Type in the IOD as PS3.15 E.3.1 says (X/Z: Z if Type 2; X/D: D if Type 1; X/Z/D: D if Type 1, Z if
/// Type 2; Z/D: D if Type 1; X/Z/U*: U* if Type 1 or 2; otherwise X, or Z for Z/D).
/// When the Type is unknown (the tables do not say, the SOP Class is unknown, or the attribute is nested in a
/// sequence) the choice that conforms whatever the Type is taken: X/Z → Z, X/D → D, X/Z/D → D, Z/D → D, X/Z/U* → U*.
/// None of these keeps an original value, so the choice costs validity nothing and privacy nothing.
/// </summary>
internal sealed class ActionResolver(IReadOnlyList<ProfileOption> options)
{
    private readonly ProfileOption[] _ordered = [.. options.Where(o => !o.IsClean), .. options.Where(o => o.IsClean)];

    /// <summary>The action code after the options (still possibly combined, e.g. <c>X/Z/D</c>).</summary>
    public string CodeFor(ProfileRule rule)
    {
        var code = rule.Basic;
        foreach (var option in _ordered)
        {
            if (rule.ActionFor(option) is { } a) code = a;
        }
        return code;
    }

    /// <summary>The concrete action for <paramref name="rule"/> given the attribute's Type in the IOD.</summary>
    public ElementAction Resolve(ProfileRule rule, AttributeType type) => Resolve(CodeFor(rule), type);

    /// <summary>The concrete action of a (possibly combined) code given the attribute's Type.</summary>
    /// <exception cref="FormatException">A code Table E.1-1 does not use.</exception>
    public static ElementAction Resolve(string code, AttributeType type) => code.Trim() switch
    {
        "X" => ElementAction.Remove,
        "Z" => ElementAction.Zero,
        "D" => ElementAction.Dummy,
        "K" => ElementAction.Keep,
        "C" => ElementAction.Clean,
        "U" => ElementAction.ReplaceUid,
        "X/Z" => type switch { AttributeType.Type1 or AttributeType.Type2 or AttributeType.Unknown => ElementAction.Zero, _ => ElementAction.Remove },
        "X/D" => type switch { AttributeType.Type1 or AttributeType.Type2 or AttributeType.Unknown => ElementAction.Dummy, _ => ElementAction.Remove },
        "X/Z/D" => type switch
        {
            AttributeType.Type1 or AttributeType.Unknown => ElementAction.Dummy,
            AttributeType.Type2 => ElementAction.Zero,
            _ => ElementAction.Remove,
        },
        "Z/D" => type is AttributeType.Type1 or AttributeType.Unknown ? ElementAction.Dummy : ElementAction.Zero,
        "X/Z/U*" => type switch { AttributeType.Type1 or AttributeType.Type2 or AttributeType.Unknown => ElementAction.KeepReplacingUids, _ => ElementAction.Remove },
        _ => throw new FormatException($"'{code}' is not an action code of PS3.15 Table E.1-1."),
    };

    /// <summary>The code counted in <c>ActionCounts</c> for an action.</summary>
    public static string CountKey(ElementAction action) => action switch
    {
        ElementAction.Remove => "X",
        ElementAction.Zero => "Z",
        ElementAction.Dummy => "D",
        ElementAction.Keep => "K",
        ElementAction.Clean => "C",
        _ => "U",
    };
}
