using System.Globalization;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Threshold;

/// <summary>
/// The <c>threshold</c> filters' rule: a value v is inside when lower ≤ v ≤ upper (both inclusive; a missing bound is
/// unbounded). Mode <c>mask</c> maps inside to 1 and outside to 0; mode <c>clip</c> clamps v into [lower, upper]
/// (numpy.clip).
/// </summary>
internal sealed record ThresholdRule(double Lower, double Upper, bool Clip)
{
    /// <summary>The arguments both threshold filters take.</summary>
    public static IReadOnlyList<ArgumentDescriptor> Descriptors { get; } =
    [
        new("lower", "Lowest value inside (inclusive); unbounded when absent.", null),
        new("upper", "Highest value inside (inclusive); unbounded when absent.", null),
        new("mode", "'mask' (1 inside, 0 outside) or 'clip' (values clamped into [lower, upper]).", "mask"),
    ];

    /// <summary>Reads and checks the rule.</summary>
    public static ThresholdRule Read(CapabilityArguments arguments)
    {
        double lower = ArgumentReader.OptionalNumber(arguments, "lower") ?? double.NegativeInfinity;
        double upper = ArgumentReader.OptionalNumber(arguments, "upper") ?? double.PositiveInfinity;
        if (lower > upper)
            throw ArgumentReader.Invalid("upper", string.Create(CultureInfo.InvariantCulture, $"({upper}) must not be below 'lower' ({lower})"));
        return new ThresholdRule(lower, upper, ArgumentReader.Choice(arguments, "mode", "mask", "clip") == "clip");
    }

    /// <summary>1 or 0 (mask) or the clamped value (clip).</summary>
    public double Apply(double v) => Clip ? Math.Clamp(v, Lower, Upper) : (v >= Lower && v <= Upper ? 1 : 0);

    /// <summary>"[lower, upper]" for descriptions.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Clip ? "clip to" : "mask of")} [{Lower}, {Upper}]");
}
