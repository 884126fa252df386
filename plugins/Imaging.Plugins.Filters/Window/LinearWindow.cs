using System.Globalization;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Window;

/// <summary>
/// The VOI LUT Function LINEAR of PS3.3 §C.11.2.1.2.1 onto 8 bits (y in 0 … 255): with centre c and width w ≥ 1,
/// x ≤ c − 0.5 − (w − 1)/2 → 0; x > c − 0.5 + (w − 1)/2 → 255; otherwise y = ((x − (c − 0.5))/(w − 1) + 0.5)·255,
/// rounded half up.
/// </summary>
internal readonly record struct LinearWindow(double Center, double Width)
{
    /// <summary>The arguments both window filters take.</summary>
    public static IReadOnlyList<ArgumentDescriptor> Descriptors { get; } =
    [
        new("center", "Window Center (PS3.3 C.11.2.1.2), in modality units; with width, defaults as the filter says.", null),
        new("width", "Window Width, at least 1.", null),
    ];

    /// <summary>
    /// The window from the <c>center</c> and <c>width</c> arguments, each defaulting to <paramref name="fallback"/>'s
    /// (computed only when one is missing).
    /// </summary>
    public static LinearWindow Read(CapabilityArguments arguments, Func<LinearWindow> fallback)
    {
        double? center = ArgumentReader.OptionalNumber(arguments, "center");
        double? width = ArgumentReader.OptionalNumber(arguments, "width");
        if (width is < 1)
            throw ArgumentReader.Invalid("width", string.Create(CultureInfo.InvariantCulture, $"must be at least 1 (PS3.3 C.11.2.1.2), not {width}"));
        if (center is { } c && width is { } w) return new LinearWindow(c, w);
        var d = fallback();
        return new LinearWindow(center ?? d.Center, width ?? d.Width);
    }

    /// <summary>The window that maps [<paramref name="min"/>, <paramref name="max"/>] onto 0 … 255 (width max − min + 1).</summary>
    public static LinearWindow Spanning(double min, double max)
    {
        if (!(max >= min)) return new LinearWindow(0, 1);
        double width = max - min + 1;
        return new LinearWindow(min + 0.5 + (width - 1) / 2, width);
    }

    /// <summary>The 8-bit output for modality value <paramref name="x"/>.</summary>
    public byte Apply(double x)
    {
        double lowEdge = Center - 0.5 - (Width - 1) / 2, highEdge = Center - 0.5 + (Width - 1) / 2;
        if (x <= lowEdge) return 0;
        if (x > highEdge) return 255;
        double y = ((x - (Center - 0.5)) / (Width - 1) + 0.5) * 255;
        return (byte)Math.Clamp(Math.Floor(y + 0.5), 0, 255);
    }

    /// <summary>"center 40, width 400" for descriptions.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"center {Center:0.###}, width {Width:0.###}");
}
