using System.Globalization;

namespace Imaging.Dicom;

/// <summary>
/// A data element tag: an ordered pair of 16-bit group and element numbers (PS3.5 §7.1).
/// Well-known tags are generated from the standard's data dictionary as static properties,
/// e.g. <c>DicomTag.PatientName</c>.
/// </summary>
public readonly partial struct DicomTag : IEquatable<DicomTag>, IComparable<DicomTag>
{
    private readonly uint _value;

    /// <summary>Creates a tag from its group and element numbers.</summary>
    public DicomTag(ushort group, ushort element) => _value = ((uint)group << 16) | element;

    /// <summary>Creates a tag from its 32-bit value, group in the high 16 bits.</summary>
    public DicomTag(uint value) => _value = value;

    /// <summary>The group number.</summary>
    public ushort Group => (ushort)(_value >> 16);

    /// <summary>The element number.</summary>
    public ushort Element => (ushort)_value;

    /// <summary>The tag as one 32-bit number, group in the high 16 bits.</summary>
    public uint Value => _value;

    /// <summary>True for tags in an odd group other than 0001, 0003, 0005, 0007 and FFFF (PS3.5 §7.8.1).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0007 && Group != 0xFFFF;

    /// <summary>True for a Private Creator Data Element (gggg,0010-00FF) in a private group (PS3.5 §7.8.1).</summary>
    public bool IsPrivateCreator => IsPrivate && Element >= 0x0010 && Element <= 0x00FF;

    /// <summary>
    /// For a private data element (gggg,xxyy) with xx in 10..FF, the tag of the Private Creator
    /// element (gggg,00xx) that reserves its block (PS3.5 §7.8.1); otherwise null.
    /// </summary>
    public DicomTag? PrivateCreatorTag =>
        IsPrivate && Element >= 0x1000 ? new DicomTag(Group, (ushort)(Element >> 8)) : null;

    /// <summary>True for the group length element (gggg,0000).</summary>
    public bool IsGroupLength => Element == 0;

    /// <summary>Parses "(gggg,eeee)", "gggg,eeee" or "ggggeeee" (hexadecimal).</summary>
    /// <exception cref="FormatException">The text is not a tag.</exception>
    public static DicomTag Parse(string text) =>
        TryParse(text, out var tag) ? tag : throw new FormatException($"'{text}' is not a DICOM tag; expected (gggg,eeee).");

    /// <summary>Parses "(gggg,eeee)", "gggg,eeee" or "ggggeeee" (hexadecimal).</summary>
    public static bool TryParse(string? text, out DicomTag tag)
    {
        tag = default;
        if (text is null) return false;
        var s = text.AsSpan().Trim();
        if (s.Length > 1 && s[0] == '(' && s[^1] == ')') s = s[1..^1];
        Span<char> digits = stackalloc char[8];
        int n = 0;
        foreach (var c in s)
        {
            if (c == ',' || c == ' ') continue;
            if (n == 8 || !Uri.IsHexDigit(c)) return false;
            digits[n++] = c;
        }
        if (n != 8) return false;
        tag = new DicomTag(uint.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return true;
    }

    /// <inheritdoc />
    public bool Equals(DicomTag other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DicomTag t && t._value == _value;

    /// <inheritdoc />
    public override int GetHashCode() => (int)_value;

    /// <inheritdoc />
    public int CompareTo(DicomTag other) => _value.CompareTo(other._value);

    /// <summary>The tag as "(gggg,eeee)" in upper-case hexadecimal.</summary>
    public override string ToString() => $"({Group:X4},{Element:X4})";

    /// <summary>Equality of tags.</summary>
    public static bool operator ==(DicomTag left, DicomTag right) => left._value == right._value;

    /// <summary>Inequality of tags.</summary>
    public static bool operator !=(DicomTag left, DicomTag right) => left._value != right._value;

    /// <summary>Tag order (group, then element), the order of elements in a data set (PS3.5 §7.1).</summary>
    public static bool operator <(DicomTag left, DicomTag right) => left._value < right._value;

    /// <summary>Tag order.</summary>
    public static bool operator >(DicomTag left, DicomTag right) => left._value > right._value;

    /// <summary>Tag order.</summary>
    public static bool operator <=(DicomTag left, DicomTag right) => left._value <= right._value;

    /// <summary>Tag order.</summary>
    public static bool operator >=(DicomTag left, DicomTag right) => left._value >= right._value;
}
