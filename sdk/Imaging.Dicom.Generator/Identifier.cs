using System.Text;

namespace Imaging.Dicom.Generator;

/// <summary>Makes C# identifiers from standard names, the way PS3.6 makes keywords ("CT Image Storage" → CTImageStorage).</summary>
internal static class Identifier
{
    private static readonly string[] Ones =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] Tens = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];

    /// <summary>True for an ASCII identifier: a letter or '_' then letters, digits or '_'.</summary>
    public static bool IsValid(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>
    /// PascalCase of the ASCII letters and digits of <paramref name="name"/>: every run of other characters
    /// (space, '-', '/', '(', ...) separates words, and each word's first letter is upper-cased
    /// ("Digital X-Ray Image Storage - For Presentation" → DigitalXRayImageStorageForPresentation,
    /// "Multi-frame" → MultiFrame, "XA/XRF" → XAXRF). A leading number 0-99 is spelled out as PS3.6 does
    /// ("12-lead ECG Waveform Storage" → TwelveLeadECGWaveformStorage); a larger one gets a '_' prefix.
    /// </summary>
    public static string FromName(string name)
    {
        var sb = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }
            sb.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }
        if (sb.Length == 0) return "_";
        var digits = 0;
        while (digits < sb.Length && char.IsAsciiDigit(sb[digits])) digits++;
        if (digits == 0) return sb.ToString();
        var number = int.Parse(sb.ToString(0, digits), System.Globalization.CultureInfo.InvariantCulture);
        if (digits > 2 || number > 99) return "_" + sb;
        var words = number < 20 ? Ones[number] : Tens[number / 10] + (number % 10 == 0 ? "" : Ones[number % 10]);
        var rest = sb.ToString(digits, sb.Length - digits);
        return words + (rest.Length > 0 ? char.ToUpperInvariant(rest[0]) + rest[1..] : "");
    }

    /// <summary>
    /// Makes <paramref name="candidate"/> unique among <paramref name="taken"/> (ordinal) and different from
    /// <paramref name="reserved"/>: a reserved name gets a '_' suffix; a name already taken gets "_" and the
    /// <paramref name="discriminator"/> (e.g. the UID with dots as underscores). Records the result in taken.
    /// The outcome depends only on the input order, so generation is deterministic.
    /// </summary>
    public static string MakeUnique(string candidate, ISet<string> taken, IReadOnlySet<string> reserved, string discriminator)
    {
        var name = candidate;
        if (reserved.Contains(name)) name += "_";
        if (taken.Contains(name)) name = name + "_" + discriminator;
        var n = 2;
        var baseName = name;
        while (!taken.Add(name)) name = baseName + "_" + n++;
        return name;
    }
}
