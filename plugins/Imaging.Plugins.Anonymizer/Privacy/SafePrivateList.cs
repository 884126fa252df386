using System.Globalization;
using Imaging.Dicom;

namespace Imaging.Plugins.Anonymizer.Privacy;

/// <summary>
/// Private attributes that the Retain Safe Private Option (PS3.15 E.3.10) may keep: identified by Private Creator, group
/// and the element's low byte (the block offset, PS3.5 §7.8.1), never by the raw tag, since a block's position varies.
/// A small built-in list (from PS3.15 Table E.3.10-1: diffusion and quantitation parameters) plus the lines of the
/// <c>safe-private-file</c> setting. File format: one entry a line, <c>gggg,xxee,Private Creator</c> (hex group, "xx"
/// then the hex element low byte, the creator exactly as in the data); blank lines and lines starting with # are ignored.
/// </summary>
internal sealed class SafePrivateList
{
    private readonly HashSet<(ushort Group, byte Element, string Creator)> _entries = [];

    /// <summary>The built-in entries (a subset of PS3.15 Table E.3.10-1).</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
    [
        "0019,xx0A,SIEMENS MR HEADER", // Number of Images in Mosaic
        "0019,xx0B,SIEMENS MR HEADER", // Slice Measurement Duration
        "0019,xx0C,SIEMENS MR HEADER", // B Value
        "0019,xx0D,SIEMENS MR HEADER", // Diffusion Directionality
        "0019,xx0E,SIEMENS MR HEADER", // Diffusion Gradient Direction
        "0019,xx27,SIEMENS MR HEADER", // B Matrix
        "0043,xx39,GEMS_PARM_01",      // Slop_int_6... 9 (b value)
        "0019,xxBB,GEMS_ACQU_01",      // User data (diffusion direction)
        "0019,xxBC,GEMS_ACQU_01",
        "0019,xxBD,GEMS_ACQU_01",
        "2001,xx03,Philips Imaging DD 001", // Diffusion B-Factor
        "2005,xx0E,Philips MR Imaging DD 001", // Scale Slope
    ];

    /// <summary>Creates the list from entry lines (built-in ones are added by the caller).</summary>
    /// <exception cref="FormatException">A line is not <c>gggg,xxee,Creator</c>.</exception>
    public SafePrivateList(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(',', 3);
            if (parts.Length != 3
                || !ushort.TryParse(parts[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var group)
                || (group & 1) == 0
                || parts[1].Trim().Length != 4
                || !byte.TryParse(parts[1].Trim()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var element)
                || parts[2].Trim().Length == 0)
                throw new FormatException($"'{line}' is not a safe private entry 'gggg,xxee,Private Creator' with an odd group gggg.");
            _entries.Add((group, element, parts[2].Trim()));
        }
    }

    /// <summary>True when the private element <paramref name="tag"/> of block <paramref name="creator"/> is safe.</summary>
    public bool IsSafe(DicomTag tag, string? creator) =>
        creator is not null && _entries.Contains((tag.Group, (byte)(tag.Element & 0xFF), creator.Trim()));
}
