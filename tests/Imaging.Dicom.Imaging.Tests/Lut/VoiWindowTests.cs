using Imaging.Dicom.Imaging.Lut;

namespace Imaging.Dicom.Imaging.Tests.Lut;

/// <summary>The VOI LUT Functions against numbers worked out by hand from the equations of PS3.3 §C.11.2.1.2 and §C.11.2.1.3.</summary>
public sealed class VoiWindowTests
{
    // LINEAR, c = 40, w = 400, y in [0, 255]: the ramp runs over (c − 0.5 − (w−1)/2, c − 0.5 + (w−1)/2] = (−160, 239].
    [Theory]
    [InlineData(-1000, 0)]
    [InlineData(-160, 0)] // x ≤ c − 0.5 − (w − 1)/2: y_min
    [InlineData(-159, 0.6390977443609023)] // ((−159 − 39.5)/399 + 0.5) × 255
    [InlineData(0, 102.25563909774435)] // ((0 − 39.5)/399 + 0.5) × 255
    [InlineData(39.5, 127.5)]
    [InlineData(239, 255)] // the last value on the ramp
    [InlineData(239.0001, 255)] // x > c − 0.5 + (w − 1)/2: y_max
    [InlineData(3000, 255)]
    public void Apply_Linear_MatchesStandardEquation(double x, double expected) =>
        Assert.Equal(expected, new VoiWindow(40, 400).Apply(x, 0, 255), 12);

    // LINEAR_EXACT, c = 40, w = 400: the ramp runs over (c − w/2, c + w/2] = (−160, 240].
    [Theory]
    [InlineData(-160, 0)]
    [InlineData(-159, 0.6375)] // ((−159 − 40)/400 + 0.5) × 255
    [InlineData(40, 127.5)]
    [InlineData(140, 191.25)]
    [InlineData(240, 255)]
    [InlineData(240.5, 255)]
    public void Apply_LinearExact_MatchesStandardEquation(double x, double expected) =>
        Assert.Equal(expected, new VoiWindow(40, 400, VoiLutFunction.LinearExact).Apply(x, 0, 255), 12);

    // SIGMOID: y = (y_max − y_min) / (1 + exp(−4 (x − c)/w)) + y_min.
    [Theory]
    [InlineData(40, 127.5)]
    [InlineData(140, 186.41993755065124)] // 255 / (1 + e^−1)
    [InlineData(-60, 68.58006244934876)] // 255 / (1 + e^1)
    [InlineData(1040, 254.98842354348088)] // 255 / (1 + e^−10)
    public void Apply_Sigmoid_MatchesStandardEquation(double x, double expected) =>
        Assert.Equal(expected, new VoiWindow(40, 400, VoiLutFunction.Sigmoid).Apply(x, 0, 255), 9);

    [Fact]
    public void Apply_OutputRangeNotZeroBased_MapsIntoIt()
    {
        var w = new VoiWindow(0, 101, VoiLutFunction.Linear);
        // ((x − (c − 0.5))/(w − 1) + 0.5) × (y_max − y_min) + y_min with y in [−1024, 1023]
        Assert.Equal(((10 + 0.5) / 100 + 0.5) * 2047 - 1024, w.Apply(10, -1024, 1023), 12);
        Assert.Equal(-1024, w.Apply(-51, -1024, 1023));
        Assert.Equal(1023, w.Apply(50, -1024, 1023));
    }

    [Theory]
    [InlineData(0.5, VoiLutFunction.Linear)]
    [InlineData(0, VoiLutFunction.LinearExact)]
    [InlineData(-1, VoiLutFunction.Sigmoid)]
    public void Constructor_WidthNotAllowedForFunction_Throws(double width, VoiLutFunction function) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VoiWindow(40, width, function));

    [Fact]
    public void Constructor_WidthOneLinear_IsAStep()
    {
        var w = new VoiWindow(10, 1);
        Assert.Equal(0, w.Apply(9.5, 0, 255));
        Assert.Equal(255, w.Apply(9.6, 0, 255));
    }

    [Theory]
    [InlineData("40,400", 40, 400)]
    [InlineData(" -600 , 1500 ", -600, 1500)]
    [InlineData("1e3,2.5e3", 1000, 2500)]
    public void Parse_CenterCommaWidth_ReadsBoth(string text, double center, double width)
    {
        var w = VoiWindow.Parse(text);
        Assert.Equal((center, width, VoiLutFunction.Linear), (w.Center, w.Width, w.Function));
    }

    [Theory]
    [InlineData("40")]
    [InlineData("40;400")]
    [InlineData("a,b")]
    [InlineData("40,400,1")]
    [InlineData("40,0")]
    [InlineData("40,NaN")]
    public void Parse_NotAWindow_ThrowsFormatExceptionQuotingInput(string text)
    {
        var ex = Assert.Throws<FormatException>(() => VoiWindow.Parse(text));
        Assert.Contains($"'{text}'", ex.Message);
    }

    [Theory]
    [InlineData("LINEAR", VoiLutFunction.Linear)]
    [InlineData("linear_exact ", VoiLutFunction.LinearExact)]
    [InlineData("SIGMOID", VoiLutFunction.Sigmoid)]
    [InlineData("", VoiLutFunction.Linear)]
    public void ParseFunction_DefinedTerm_Recognised(string term, VoiLutFunction expected) =>
        Assert.Equal(expected, VoiWindow.ParseFunction(term));

    [Fact]
    public void ParseFunction_UnknownTerm_ThrowsNamingIt()
    {
        var ex = Assert.Throws<DicomException>(() => VoiWindow.ParseFunction("LOG"));
        Assert.Contains("'LOG'", ex.Message);
        Assert.Contains("(0028,1056)", ex.Message);
    }
}
