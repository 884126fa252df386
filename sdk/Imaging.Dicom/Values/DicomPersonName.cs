namespace Imaging.Dicom;

/// <summary>
/// A Person Name (PN) value (PS3.5 §6.2.1): up to three component groups separated by "=" — alphabetic, ideographic
/// and phonetic — each with up to five "^"-separated components (family name, given name, middle name, prefix, suffix).
/// Immutable and compared by value. Reading is lenient like pydicom's <c>PersonName</c>; writing gives the canonical
/// form, with trailing empty components and trailing empty groups and their delimiters omitted (PS3.5 §6.2.1.1), so
/// <c>DicomPersonName.Parse(s).ToString()</c> returns <c>s</c> for any canonical <c>s</c>.
/// </summary>
/// <example>
/// <code>
/// var name = DicomPersonName.Parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
/// name.FamilyName;               // "Yamada"
/// name.Ideographic.GivenName;    // "太郎"
/// new DicomPersonName("Adams", "John", "Robert", "Rev.", "B.A. M.Div.").ToString(); // "Adams^John^Robert^Rev.^B.A. M.Div."
/// </code>
/// </example>
public sealed class DicomPersonName : IEquatable<DicomPersonName>
{
    private readonly string _text;

    /// <summary>Creates a name from its three component groups; null groups are empty (PS3.5 §6.2.1.1).</summary>
    public DicomPersonName(DicomPersonNameComponentGroup? alphabetic, DicomPersonNameComponentGroup? ideographic = null, DicomPersonNameComponentGroup? phonetic = null)
    {
        Alphabetic = alphabetic ?? DicomPersonNameComponentGroup.Empty;
        Ideographic = ideographic ?? DicomPersonNameComponentGroup.Empty;
        Phonetic = phonetic ?? DicomPersonNameComponentGroup.Empty;
        _text = Format(Alphabetic, Ideographic, Phonetic);
    }

    /// <summary>Creates a name with only an alphabetic group, from its components; null components are empty (PS3.5 §6.2.1.1).</summary>
    /// <exception cref="ArgumentException">A component contains "^", "=" or "\".</exception>
    public DicomPersonName(string? familyName, string? givenName = null, string? middleName = null, string? namePrefix = null, string? nameSuffix = null)
        : this(new DicomPersonNameComponentGroup(familyName, givenName, middleName, namePrefix, nameSuffix))
    {
    }

    /// <summary>The name with every group empty (a zero-length PN value).</summary>
    public static DicomPersonName Empty { get; } = new((DicomPersonNameComponentGroup?)null);

    /// <summary>The alphabetic (single-byte) group, the first of the three (PS3.5 §6.2.1.1).</summary>
    public DicomPersonNameComponentGroup Alphabetic { get; }

    /// <summary>The ideographic group, the second of the three, e.g. kanji (PS3.5 §6.2.1.2).</summary>
    public DicomPersonNameComponentGroup Ideographic { get; }

    /// <summary>The phonetic group, the third of the three, e.g. hiragana (PS3.5 §6.2.1.2).</summary>
    public DicomPersonNameComponentGroup Phonetic { get; }

    /// <summary>The family name of the alphabetic group.</summary>
    public string FamilyName => Alphabetic.FamilyName;

    /// <summary>The given name of the alphabetic group.</summary>
    public string GivenName => Alphabetic.GivenName;

    /// <summary>The middle name of the alphabetic group.</summary>
    public string MiddleName => Alphabetic.MiddleName;

    /// <summary>The name prefix of the alphabetic group.</summary>
    public string NamePrefix => Alphabetic.NamePrefix;

    /// <summary>The name suffix of the alphabetic group.</summary>
    public string NameSuffix => Alphabetic.NameSuffix;

    /// <summary>True when all three groups are empty.</summary>
    public bool IsEmpty => _text.Length == 0;

    /// <summary>
    /// Reads one PN value (PS3.5 §6.2.1). Leading and trailing spaces and NULs are ignored. Text after a third "="
    /// is kept in the phonetic group so that it is written back unchanged, and components past the fifth are kept
    /// (see <see cref="DicomPersonNameComponentGroup.Components"/>), as pydicom keeps them.
    /// </summary>
    /// <exception cref="FormatException">The text contains a backslash, so it holds several values, not one.</exception>
    public static DicomPersonName Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var name) ? name : throw DicomValueText.InvalidValue(DicomVR.PN, text, "a backslash separates values; split the value first");

    /// <summary>Reads one PN value (PS3.5 §6.2.1); see <see cref="Parse"/>. False only when the text contains a backslash.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomPersonName name)
    {
        var s = DicomValueText.TrimPadding(text);
        if (s.Contains('\\'))
        {
            name = Empty;
            return false;
        }
        if (s.IsEmpty)
        {
            name = Empty;
            return true;
        }
        int first = s.IndexOf('=');
        if (first < 0)
        {
            name = new DicomPersonName(DicomPersonNameComponentGroup.Parse(s));
            return true;
        }
        var rest = s[(first + 1)..];
        int second = rest.IndexOf('=');
        var ideographic = second < 0 ? rest : rest[..second];
        var phonetic = second < 0 ? ReadOnlySpan<char>.Empty : rest[(second + 1)..];
        name = new DicomPersonName(
            DicomPersonNameComponentGroup.Parse(s[..first]),
            DicomPersonNameComponentGroup.Parse(ideographic),
            DicomPersonNameComponentGroup.Parse(phonetic));
        return true;
    }

    /// <summary>
    /// The name in a form for people: "Family, Given Middle" from the alphabetic group, with prefix and suffix
    /// ("Rev. Adams, John Robert, B.A. M.Div."); empty parts are left out.
    /// </summary>
    public string ToDisplayString()
    {
        string given = string.Join(' ', new[] { GivenName, MiddleName }.Where(p => p.Length > 0));
        string core = FamilyName.Length > 0 && given.Length > 0 ? FamilyName + ", " + given : FamilyName + given;
        if (NamePrefix.Length > 0) core = core.Length > 0 ? NamePrefix + " " + core : NamePrefix;
        if (NameSuffix.Length > 0) core = core.Length > 0 ? core + ", " + NameSuffix : NameSuffix;
        return core;
    }

    /// <summary>
    /// The PN value in canonical form (PS3.5 §6.2.1.1): groups joined by "=", components by "^", trailing empty
    /// components and trailing empty groups omitted with their delimiters; "" for an empty name.
    /// </summary>
    public override string ToString() => _text;

    /// <summary>True when all three groups are equal (ordinal comparison).</summary>
    public bool Equals(DicomPersonName? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DicomPersonName);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    /// <summary>True when both are null or equal.</summary>
    public static bool operator ==(DicomPersonName? left, DicomPersonName? right) => left is null ? right is null : left.Equals(right);

    /// <summary>True when the names differ.</summary>
    public static bool operator !=(DicomPersonName? left, DicomPersonName? right) => !(left == right);

    private static string Format(DicomPersonNameComponentGroup alphabetic, DicomPersonNameComponentGroup ideographic, DicomPersonNameComponentGroup phonetic)
    {
        if (!phonetic.IsEmpty) return alphabetic + "=" + ideographic + "=" + phonetic;
        if (!ideographic.IsEmpty) return alphabetic + "=" + ideographic;
        return alphabetic.ToString();
    }
}
