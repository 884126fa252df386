using System.Collections.Immutable;

namespace Imaging.Dicom;

/// <summary>
/// One component group of a Person Name (PS3.5 §6.2.1.1): the alphabetic, ideographic or phonetic spelling, made of
/// up to five components separated by "^" — family name, given name, middle name, name prefix, name suffix.
/// Immutable and compared by value. Trailing empty components are dropped, as PS3.5 §6.2.1.1 allows, so
/// "Adams^John^^^" and "Adams^John" are the same group and both are written "Adams^John".
/// </summary>
public sealed class DicomPersonNameComponentGroup : IEquatable<DicomPersonNameComponentGroup>
{
    private readonly ImmutableArray<string> _components;

    private DicomPersonNameComponentGroup(ImmutableArray<string> components) => _components = components;

    /// <summary>
    /// Creates a group from its components; null or empty components are empty (PS3.5 §6.2.1.1).
    /// </summary>
    /// <exception cref="ArgumentException">A component contains "^", "=" or "\", which delimit Person Name parts and values.</exception>
    public DicomPersonNameComponentGroup(string? familyName = null, string? givenName = null, string? middleName = null, string? namePrefix = null, string? nameSuffix = null)
    {
        string[] parts =
        [
            Checked(familyName, nameof(familyName)), Checked(givenName, nameof(givenName)), Checked(middleName, nameof(middleName)),
            Checked(namePrefix, nameof(namePrefix)), Checked(nameSuffix, nameof(nameSuffix)),
        ];
        _components = Canonical(parts);
    }

    /// <summary>The group with no components.</summary>
    public static DicomPersonNameComponentGroup Empty { get; } = new(ImmutableArray<string>.Empty);

    /// <summary>The first component: family name complex.</summary>
    public string FamilyName => Component(0);

    /// <summary>The second component: given name complex.</summary>
    public string GivenName => Component(1);

    /// <summary>The third component: middle name.</summary>
    public string MiddleName => Component(2);

    /// <summary>The fourth component: name prefix, e.g. "Dr.".</summary>
    public string NamePrefix => Component(3);

    /// <summary>The fifth component: name suffix, e.g. "Jr.".</summary>
    public string NameSuffix => Component(4);

    /// <summary>
    /// The components in order, without trailing empty ones. Usually at most five; a value read leniently with more
    /// "^"-separated parts keeps them all (as pydicom does), and the named properties show the first five.
    /// </summary>
    public ImmutableArray<string> Components => _components;

    /// <summary>True when every component is empty.</summary>
    public bool IsEmpty => _components.IsEmpty;

    /// <summary>
    /// Reads a component group: the text is split at "^" and nothing else is checked, so any text is a group
    /// (PS3.5 §6.2.1.1). Trailing empty components are dropped.
    /// </summary>
    public static DicomPersonNameComponentGroup Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return Empty;
        var parts = new string[text.Count('^') + 1];
        int index = 0;
        foreach (var range in text.Split('^')) parts[index++] = text[range].ToString();
        return new DicomPersonNameComponentGroup(Canonical(parts));
    }

    /// <summary>The group as written in a PN value: components joined by "^", trailing empty ones omitted (PS3.5 §6.2.1.1).</summary>
    public override string ToString() => string.Join('^', _components);

    /// <summary>True when the components are the same (ordinal comparison).</summary>
    public bool Equals(DicomPersonNameComponentGroup? other) =>
        other is not null && _components.AsSpan().SequenceEqual(other._components.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DicomPersonNameComponentGroup);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var component in _components) hash.Add(component, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <summary>True when both are null or have the same components.</summary>
    public static bool operator ==(DicomPersonNameComponentGroup? left, DicomPersonNameComponentGroup? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>True when the components differ.</summary>
    public static bool operator !=(DicomPersonNameComponentGroup? left, DicomPersonNameComponentGroup? right) => !(left == right);

    private string Component(int index) => index < _components.Length ? _components[index] : "";

    private static ImmutableArray<string> Canonical(string[] parts)
    {
        int count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0) count--;
        return count == 0 ? ImmutableArray<string>.Empty : ImmutableArray.Create(parts, 0, count);
    }

    private static string Checked(string? component, string parameterName)
    {
        if (component is null) return "";
        if (component.AsSpan().IndexOfAny('^', '=', '\\') >= 0)
            throw new ArgumentException($"'{component}' contains '^', '=' or '\\', which delimit Person Name components, groups and values (PS3.5 §6.2.1).", parameterName);
        return component;
    }
}
