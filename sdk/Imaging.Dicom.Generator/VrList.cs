namespace Imaging.Dicom.Generator;

/// <summary>Parses the VR column of PS3.6 Table 6-1: "PN", "US or SS", "OB or OW", "See Note 2", "".</summary>
internal static class VrList
{
    /// <summary>The VR codes of PS3.5 Table 6.2-1.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW",
        "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV",
    };

    /// <summary>
    /// The VR codes in the order given; none for "" and for "See Note ..." (items and delimiters, PS3.5 §7.5,
    /// which have no VR).
    /// </summary>
    /// <exception cref="FormatException">A code is not a VR.</exception>
    public static IReadOnlyList<string> Parse(string text)
    {
        var s = text.Trim();
        if (s.Length == 0 || s.StartsWith("See Note", StringComparison.OrdinalIgnoreCase)) return [];
        var codes = s.Split(" or ", StringSplitOptions.TrimEntries);
        foreach (var code in codes)
        {
            if (!Known.Contains(code)) throw new FormatException($"'{code}' in \"{text}\" is not a value representation.");
        }
        return codes;
    }
}
