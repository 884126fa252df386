using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Tests.Capabilities;

public sealed class CapabilityArgumentsTests
{
    [Fact]
    public void Parse_Pairs_TrimsNamesAndValues()
    {
        var a = CapabilityArguments.Parse(["sigma=1.5", " radius = 3 ", "expr=a=b"]);

        Assert.Equal("1.5", a.GetString("sigma"));
        Assert.Equal("3", a.GetString("radius"));
        Assert.Equal("a=b", a.GetString("expr"));
        Assert.Equal(3, a.Names.Count);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    public void Parse_NotNameValue_ThrowsInvalidInput(string pair)
    {
        var e = Assert.Throws<InvalidInputException>(() => CapabilityArguments.Parse([pair]));

        Assert.Contains($"'{pair}'", e.Message);
    }

    [Fact]
    public void Parse_Null_Throws() => Assert.Throws<ArgumentNullException>(() => CapabilityArguments.Parse(null!));

    [Fact]
    public void GetString_OtherCase_FindsArgument()
    {
        var a = new CapabilityArguments([new("Sigma", "2")]);

        Assert.Equal("2", a.GetString("SIGMA"));
        Assert.Null(a.GetString("radius"));
    }

    [Fact]
    public void Constructor_DuplicateNames_LastWins()
    {
        var a = new CapabilityArguments([new("k", "1"), new("K", "2")]);

        Assert.Equal("2", a.GetString("k"));
        Assert.Single(a.Names);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-2e3", -2000.0)]
    [InlineData(" 7 ", 7.0)]
    public void GetDouble_Number_ParsesInvariant(string text, double expected)
        => Assert.Equal(expected, new CapabilityArguments([new("x", text)]).GetDouble("x", 0));

    [Theory]
    [InlineData("1,5")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("")]
    public void GetDouble_NotAFiniteNumber_ThrowsNamingArgument(string text)
    {
        var e = Assert.Throws<InvalidInputException>(() => new CapabilityArguments([new("sigma", text)]).GetDouble("sigma", 0));

        Assert.Contains("'sigma'", e.Message);
    }

    [Fact]
    public void GetInt32_Integer_Parses() => Assert.Equal(-4, new CapabilityArguments([new("n", "-4")]).GetInt32("n", 0));

    [Theory]
    [InlineData("3.5")]
    [InlineData("99999999999")]
    [InlineData("three")]
    public void GetInt32_NotAnInteger_ThrowsNamingArgument(string text)
    {
        var e = Assert.Throws<InvalidInputException>(() => new CapabilityArguments([new("passes", text)]).GetInt32("passes", 0));

        Assert.Contains("'passes'", e.Message);
    }

    [Fact]
    public void Getters_MissingArgument_ReturnDefaults()
    {
        var a = CapabilityArguments.Empty;

        Assert.Equal(2.5, a.GetDouble("sigma", 2.5));
        Assert.Equal(3, a.GetInt32("passes", 3));
        Assert.Null(a.GetString("sigma"));
        Assert.Empty(a.Names);
    }

    [Fact]
    public void With_NewValue_ReturnsCopyLeavingOriginal()
    {
        var original = CapabilityArguments.Parse(["a=1"]);

        var copy = original.With("b", "2").With("A", "3");

        Assert.Equal("1", original.GetString("a"));
        Assert.Null(original.GetString("b"));
        Assert.Equal("3", copy.GetString("a"));
        Assert.Equal("2", copy.GetString("b"));
    }

    [Fact]
    public void ToString_Pairs_FormatsAsCommandLine()
        => Assert.Equal("a=1 b=x y", CapabilityArguments.Parse(["a=1", "b=x y"]).ToString());
}
