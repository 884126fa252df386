using Imaging.Dicom.Imaging.Pixels;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Volumes;

/// <summary>The <c>output</c> argument of the smoothing and resampling volume filters: the input's sample type (rounded, clamped) or float32.</summary>
internal static class OutputType
{
    /// <summary>The argument's descriptor.</summary>
    public static ArgumentDescriptor Descriptor { get; } = new("output",
        "Output sample type: 'same' (the input's type; integers rounded half away from zero and clamped to the type's range) or 'float32'.", "same");

    /// <summary>The sample type the output takes for <paramref name="input"/>.</summary>
    public static SampleType Read(CapabilityArguments arguments, SampleType input)
        => ArgumentReader.Choice(arguments, "output", "same", "float32") == "float32" ? SampleType.Float32 : input;
}
