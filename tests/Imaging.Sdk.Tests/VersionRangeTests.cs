namespace Imaging.Sdk.Tests;

public sealed class VersionRangeTests
{
    [Theory]
    [InlineData("1.0", "1.0", true)]
    [InlineData("1.0", "0.9.9", false)]
    [InlineData("1.0", "1.99", true)]
    [InlineData("1.0", "2.0", false)]
    [InlineData("1.0", "99.0", false)]
    [InlineData("[1.0,2.0)", "1.0.0", true)]
    [InlineData("[1.0,2.0)", "1.99.99", true)]
    [InlineData("[1.0,2.0)", "2.0", false)]
    [InlineData("[1.0,2.0)", "0.9", false)]
    [InlineData("(1.0,2.0]", "1.0", false)]
    [InlineData("(1.0,2.0]", "1.0.1", true)]
    [InlineData("(1.0,2.0]", "2.0.0.0", true)]
    [InlineData("(1.0,2.0]", "2.0.0.1", false)]
    [InlineData("[1.2]", "1.2", true)]
    [InlineData("[1.2]", "1.2.0.0", true)]
    [InlineData("[1.2]", "1.2.1", false)]
    [InlineData("[1.2]", "1.1.9", false)]
    [InlineData("(,2.0)", "0.0.1", true)]
    [InlineData("(,2.0)", "2.0", false)]
    [InlineData("(,2.0]", "2.0", true)]
    [InlineData("[1.0,)", "1000.0", true)]
    [InlineData("[1.0,)", "0.9", false)]
    [InlineData("[ 1.0 , 2.0 )", "1.5", true)]
    [InlineData("1.0.0-beta.1", "1.0", true)]
    [InlineData("[1.0.0+build.5,2.0.0-rc.1)", "2.0", false)]
    [InlineData("1", "1.0", true)]
    public void Contains_Version_FollowsNotation(string range, string version, bool expected)
        => Assert.Equal(expected, VersionRange.Parse(range).Contains(Version.Parse(version)));

    [Fact]
    public void Parse_Interval_SetsBoundsAndInclusivity()
    {
        var r = VersionRange.Parse("(1.0,2.5]");

        Assert.Equal(new Version(1, 0, 0, 0), r.Min);
        Assert.False(r.MinInclusive);
        Assert.Equal(new Version(2, 5, 0, 0), r.Max);
        Assert.True(r.MaxInclusive);
        Assert.Equal("(1.0,2.5]", r.Text);
        Assert.Equal("(1.0,2.5]", r.ToString());
    }

    [Fact]
    public void Parse_BareVersion_IsThatVersionUpToTheNextMajor()
    {
        var r = VersionRange.Parse(" 1.4 ");

        Assert.Equal(new Version(1, 4, 0, 0), r.Min);
        Assert.True(r.MinInclusive);
        Assert.Equal(new Version(2, 0, 0, 0), r.Max);
        Assert.False(r.MaxInclusive);
        Assert.Equal("1.4", r.Text);
    }

    [Fact]
    public void Parse_OpenLowerBound_HasNoMinimum()
    {
        var r = VersionRange.Parse("[,2.0)");

        Assert.Null(r.Min);
        Assert.False(r.MinInclusive);
        Assert.True(r.Contains(new Version(0, 0)));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("abc", "not a version")]
    [InlineData("-1.0", "not a version")]
    [InlineData("[1.0,2.0", "does not end with")]
    [InlineData("(1.2)", "exact range")]
    [InlineData("[1.2)", "exact range")]
    [InlineData("[x]", "exact range")]
    [InlineData("(,)", "neither a lower nor an upper bound")]
    [InlineData("[2.0,1.0]", "lower bound above its upper bound")]
    [InlineData("[a,2.0]", "'a'")]
    [InlineData("[1.0,b]", "'b'")]
    public void TryParse_BadInput_ReturnsFalseWithReason(string text, string reason)
    {
        Assert.False(VersionRange.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(VersionRange.TryParse(null, out _, out var error));
        Assert.Contains("empty", error);
    }

    [Fact]
    public void Parse_BadInput_ThrowsFormatExceptionWithReason()
    {
        var e = Assert.Throws<FormatException>(() => VersionRange.Parse("[2.0,1.0]"));

        Assert.Contains("lower bound above its upper bound", e.Message);
    }

    [Fact]
    public void Contains_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => VersionRange.Parse("1.0").Contains(null!));

    [Fact]
    public void Contains_SdkVersion_IsInDefaultPluginRange()
        => Assert.True(VersionRange.Parse("[1.0,2.0)").Contains(SdkInfo.Version));
}
