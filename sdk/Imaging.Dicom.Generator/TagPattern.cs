namespace Imaging.Dicom.Generator;

/// <summary>
/// Parses a PS3.6 tag such as "(0010,0010)" or a repeating-group tag such as "(60XX,3000)" or
/// "(0028,04X0)" into the lowest tag and a bit mask (PS3.5 §7.6, PS3.6 §6).
/// </summary>
internal static class TagPattern
{
    private static readonly int[] DigitPositions = [1, 2, 3, 4, 6, 7, 8, 9];

    /// <summary>
    /// Parses the tag. Each hex digit written "x" or "X" becomes 0 in the tag and 0 in the mask.
    /// When the group has such digits, the group's lowest bit stays in the mask: repeating groups are the
    /// even groups only (PS3.5 §7.6), so (6001,3000) is private and not Overlay Data.
    /// </summary>
    public static bool TryParse(string text, out uint tag, out uint mask)
    {
        tag = 0;
        mask = 0;
        var s = text.Trim();
        if (s.Length != 11 || s[0] != '(' || s[5] != ',' || s[10] != ')') return false;
        foreach (var i in DigitPositions)
        {
            var c = s[i];
            tag <<= 4;
            mask <<= 4;
            if (c is 'x' or 'X') continue;
            if (!char.IsAsciiHexDigit(c)) return false;
            tag |= (uint)Convert.ToInt32(c.ToString(), 16);
            mask |= 0xF;
        }
        if ((mask & 0xFFFF0000) != 0xFFFF0000) mask |= 0x00010000;
        return true;
    }
}
