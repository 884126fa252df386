using System.Globalization;

namespace Imaging.Dicom;

/// <summary>Parses one line of the private dictionary format documented on <see cref="DicomDictionary.LoadPrivate"/>.</summary>
internal static class PrivateDictionaryLine
{
    /// <summary>The entry the line describes.</summary>
    /// <exception cref="FormatException">The line is malformed; the message says how, without the file and line.</exception>
    public static DicomDictionaryEntry Parse(string line)
    {
        var columns = line.Split('\t');
        if (columns.Length is < 5 or > 6)
            throw new FormatException($"expected 5 or 6 tab-separated columns (tag, VR, VM, keyword, name, creator) but found {columns.Length}.");
        for (var i = 0; i < columns.Length; i++) columns[i] = columns[i].Trim();
        var creator = columns.Length == 6 && columns[5].Length > 0 ? columns[5] : null;
        var (tag, mask) = ParseTag(columns[0], isPrivate: creator is not null);
        var vrs = ParseVrs(columns[1]);
        var vm = columns[2];
        if (!IsValueMultiplicity(vm)) throw new FormatException($"'{vm}' is not a value multiplicity such as 1, 3, 1-n or 2-2n.");
        var keyword = columns[3];
        if (keyword.Length > 0 && !IsIdentifier(keyword)) throw new FormatException($"keyword '{keyword}' is not an identifier (letters, digits, '_').");
        return new DicomDictionaryEntry(tag, keyword, columns[4], vrs, vm, isRetired: false, creator, mask);
    }

    private static (DicomTag Tag, uint Mask) ParseTag(string text, bool isPrivate)
    {
        var s = text.AsSpan();
        if (s.Length != 11 || s[0] != '(' || s[5] != ',' || s[10] != ')')
            throw new FormatException($"tag '{text}' is not (gggg,eeee).");
        uint value = 0, mask = 0;
        for (var i = 1; i < 10; i++)
        {
            if (i == 5) continue;
            var c = s[i];
            value <<= 4;
            mask <<= 4;
            if (c is 'x' or 'X') continue;
            if (!char.IsAsciiHexDigit(c)) throw new FormatException($"tag '{text}' has '{c}', which is neither a hex digit nor x.");
            value |= uint.Parse(s.Slice(i, 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            mask |= 0xF;
        }
        if (!isPrivate)
        {
            if ((mask & 0xFFFF0000) != 0xFFFF0000) mask |= 0x00010000; // repeating groups are even (PS3.5 §7.6)
            return (new DicomTag(value & mask), mask);
        }
        if ((mask & 0xFFFF0000) != 0xFFFF0000 || (mask & 0xFF) != 0xFF)
            throw new FormatException($"private tag '{text}' needs a hex group and element low byte, as in (0019,xx0C).");
        var tag = new DicomTag(value & 0xFFFF00FF);
        if (!tag.IsPrivate) throw new FormatException($"tag '{text}' has a creator but its group is not private (odd, above 0007).");
        return (tag, 0xFFFF00FF);
    }

    private static DicomVR[] ParseVrs(string text)
    {
        var codes = text.Replace(" or ", "/", StringComparison.Ordinal).Split('/', StringSplitOptions.TrimEntries);
        var vrs = new DicomVR[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (!DicomVR.TryParse(codes[i], out vrs[i])) throw new FormatException($"'{codes[i]}' is not a value representation.");
        }
        return vrs;
    }

    private static bool IsValueMultiplicity(string vm)
    {
        var dash = vm.IndexOf('-');
        if (dash < 0) return IsNumber(vm);
        var max = vm[(dash + 1)..];
        return IsNumber(vm[..dash]) && (IsNumber(max) || (max.EndsWith('n') && (max.Length == 1 || IsNumber(max[..^1]))));
    }

    private static bool IsNumber(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static bool IsIdentifier(string s) =>
        (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
