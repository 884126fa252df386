using System.Globalization;
using Imaging.Dicom;

namespace Imaging.Plugins.Anonymizer.Profile;

/// <summary>
/// A tag or tag pattern of PS3.15 Table E.1-1: <c>(0010,0010)</c>, repeating groups <c>(50xx,xxxx)</c>,
/// <c>(60xx,4000)</c> (even groups only, PS3.5 §7.6), and <c>(gggg,eeee) where gggg is odd</c> (private, PS3.5 §7.8).
/// </summary>
internal readonly record struct TagPattern(uint Value, uint Mask, bool IsPrivate, bool IsRepeatingGroup)
{
    /// <summary>True for an exact tag (no wildcard).</summary>
    public bool IsExact => !IsPrivate && Mask == 0xFFFFFFFF;

    /// <summary>Parses the <c>tag</c> text of a Table E.1-1 row.</summary>
    /// <exception cref="FormatException">Not a tag or a known pattern.</exception>
    public static TagPattern Parse(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t.StartsWith("(GGGG,EEEE)", StringComparison.Ordinal) && t.Contains("ODD", StringComparison.Ordinal))
            return new TagPattern(0, 0, true, false);
        if (t.Length != 11 || t[0] != '(' || t[5] != ',' || t[10] != ')') throw new FormatException($"'{text}' is not a tag pattern of PS3.15 Table E.1-1.");
        var hex = string.Concat(t.AsSpan(1, 4), t.AsSpan(6, 4));
        uint value = 0, mask = 0;
        foreach (var c in hex)
        {
            value <<= 4;
            mask <<= 4;
            if (c == 'X') continue;
            value |= uint.Parse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            mask |= 0xF;
        }
        bool repeating = (mask >> 16) != 0xFFFF;
        return new TagPattern(value, mask, false, repeating);
    }

    /// <summary>True when <paramref name="tag"/> matches.</summary>
    public bool Matches(DicomTag tag)
    {
        if (IsPrivate) return tag.IsPrivate;
        if ((tag.Value & Mask) != Value) return false;
        // Repeating groups 50xx / 60xx are even groups only (PS3.5 §7.6); odd ones are private.
        return !IsRepeatingGroup || (tag.Group & 1) == 0;
    }
}
