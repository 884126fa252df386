using System.Globalization;

namespace Imaging.Dicom.Imaging.Lut;

/// <summary>
/// A window: (0028,1050) Window Center, (0028,1051) Window Width and (0028,1056) VOI LUT Function (PS3.3 §C.11.2.1.2,
/// §C.11.2.1.3), mapping modality values x to an output range [y<sub>min</sub>, y<sub>max</sub>] by the standard's equations.
/// </summary>
public sealed record VoiWindow
{
    /// <summary>Creates a window.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Width below 1 for LINEAR (PS3.3 §C.11.2.1.2.1), not above 0 for LINEAR_EXACT and SIGMOID, or a value not finite.
    /// </exception>
    public VoiWindow(double center, double width, VoiLutFunction function = VoiLutFunction.Linear)
    {
        if (!double.IsFinite(center)) throw new ArgumentOutOfRangeException(nameof(center), center, "the window center must be a finite number.");
        if (!double.IsFinite(width)) throw new ArgumentOutOfRangeException(nameof(width), width, "the window width must be a finite number.");
        if (function == VoiLutFunction.Linear && width < 1)
            throw new ArgumentOutOfRangeException(nameof(width), width, "the window width must be at least 1 for LINEAR (PS3.3 C.11.2.1.2.1).");
        if (function != VoiLutFunction.Linear && width <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"the window width must be above 0 for {Name(function)} (PS3.3 C.11.2.1.3).");
        Center = center;
        Width = width;
        Function = function;
    }

    /// <summary>Window Center.</summary>
    public double Center { get; }

    /// <summary>Window Width.</summary>
    public double Width { get; }

    /// <summary>VOI LUT Function.</summary>
    public VoiLutFunction Function { get; }

    /// <summary>(0028,1055) Window Center &amp; Width Explanation, when the window came from a file.</summary>
    public string? Explanation { get; init; }

    /// <summary>
    /// Maps <paramref name="x"/> into [<paramref name="yMin"/>, <paramref name="yMax"/>]:
    /// <list type="bullet">
    /// <item>LINEAR (§C.11.2.1.2.1): x ≤ c − 0.5 − (w − 1)/2 → y<sub>min</sub>; x &gt; c − 0.5 + (w − 1)/2 → y<sub>max</sub>;
    /// else y = ((x − (c − 0.5)) / (w − 1) + 0.5) × (y<sub>max</sub> − y<sub>min</sub>) + y<sub>min</sub>.</item>
    /// <item>LINEAR_EXACT (§C.11.2.1.3.2): x ≤ c − w/2 → y<sub>min</sub>; x &gt; c + w/2 → y<sub>max</sub>;
    /// else y = ((x − c) / w + 0.5) × (y<sub>max</sub> − y<sub>min</sub>) + y<sub>min</sub>.</item>
    /// <item>SIGMOID (§C.11.2.1.3.1): y = (y<sub>max</sub> − y<sub>min</sub>) / (1 + exp(−4 (x − c) / w)) + y<sub>min</sub>.</item>
    /// </list>
    /// </summary>
    public double Apply(double x, double yMin, double yMax)
    {
        double range = yMax - yMin;
        switch (Function)
        {
            case VoiLutFunction.Linear:
            {
                double c = Center - 0.5, w = Width - 1;
                if (x <= c - w / 2) return yMin;
                if (x > c + w / 2) return yMax;
                return ((x - c) / w + 0.5) * range + yMin;
            }
            case VoiLutFunction.LinearExact:
                if (x <= Center - Width / 2) return yMin;
                if (x > Center + Width / 2) return yMax;
                return ((x - Center) / Width + 0.5) * range + yMin;
            default:
                return range / (1 + Math.Exp(-4 * (x - Center) / Width)) + yMin;
        }
    }

    /// <summary>Parses "C,W" (invariant culture, e.g. "40,400" or "-600,1500"), LINEAR unless <paramref name="function"/> says otherwise.</summary>
    /// <exception cref="FormatException">Not two numbers separated by a comma, or a width the function does not allow; the message says which.</exception>
    public static VoiWindow Parse(string text, VoiLutFunction function = VoiLutFunction.Linear)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double c)
            || !double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double w))
            throw new FormatException($"'{text}' is not a window 'CENTER,WIDTH' such as '40,400'.");
        try
        {
            return new VoiWindow(c, w, function);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException($"'{text}': {ex.Message.Split(" (Parameter")[0]}", ex);
        }
    }

    /// <summary>The DICOM defined term of <paramref name="function"/>: LINEAR, LINEAR_EXACT or SIGMOID.</summary>
    public static string Name(VoiLutFunction function) => function switch
    {
        VoiLutFunction.LinearExact => "LINEAR_EXACT",
        VoiLutFunction.Sigmoid => "SIGMOID",
        _ => "LINEAR",
    };

    /// <summary>The function for a (0028,1056) VOI LUT Function value (case-insensitive, trimmed; empty means LINEAR).</summary>
    /// <exception cref="DicomException">Not one of the defined terms.</exception>
    public static VoiLutFunction ParseFunction(string? term) => (term ?? "").Trim().ToUpperInvariant() switch
    {
        "" or "LINEAR" => VoiLutFunction.Linear,
        "LINEAR_EXACT" => VoiLutFunction.LinearExact,
        "SIGMOID" => VoiLutFunction.Sigmoid,
        _ => throw new DicomException($"{DicomTag.VOILUTFunction} VOI LUT Function '{term}' is not LINEAR, LINEAR_EXACT or SIGMOID."),
    };

    /// <summary>"C=40 W=400 LINEAR".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"C={Center:0.###} W={Width:0.###} {Name(Function)}");
}
