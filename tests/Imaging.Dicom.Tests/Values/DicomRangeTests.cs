namespace Imaging.Dicom.Tests.Values;

/// <summary>Range Matching keys of VR DA, TM and DT (PS3.4 §C.2.2.2.5).</summary>
public class DicomRangeTests
{
    // ---------------------------------------------------------------- DA

    [Theory]
    [InlineData("20060705-20060707", "2006-07-05", "2006-07-07")]
    [InlineData("-20060707", null, "2006-07-07")]
    [InlineData("20060705-", "2006-07-05", null)]
    [InlineData("20060705", "2006-07-05", "2006-07-05")]
    [InlineData("20060705-20060705", "2006-07-05", "2006-07-05")]
    [InlineData("20060705 - 20060707 ", "2006-07-05", "2006-07-07")]
    [InlineData("2006.07.05-2006.07.07", "2006-07-05", "2006-07-07")]
    public void DateRange_TryParse_ValidText_ReturnsBounds(string text, string? minimum, string? maximum)
    {
        Assert.True(DicomDateRange.TryParse(text, out var range));
        Assert.Equal(minimum is null ? null : DateOnly.Parse(minimum), range.Minimum);
        Assert.Equal(maximum is null ? null : DateOnly.Parse(maximum), range.Maximum);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("20060707-20060705")]
    [InlineData("20060705-20060707-20060709")]
    [InlineData("2006070-20060707")]
    [InlineData("20060705-2006130")]
    [InlineData("20061301")]
    public void DateRange_TryParse_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(DicomDateRange.TryParse(text, out var range));
        Assert.Equal(default, range);
    }

    [Fact]
    public void DateRange_Parse_ReversedBounds_ThrowsFormatExceptionQuotingValue()
    {
        var ex = Assert.Throws<FormatException>(() => DicomDateRange.Parse("20060707-20060705"));
        Assert.Contains("'20060707-20060705'", ex.Message);
        Assert.Contains("DA", ex.Message);
    }

    [Fact]
    public void DateRange_Contains_IncludesBoundsAndHonoursOpenEnds()
    {
        var closed = DicomDateRange.Parse("20060705-20060707");
        Assert.True(closed.Contains(new DateOnly(2006, 7, 5)));
        Assert.True(closed.Contains(new DateOnly(2006, 7, 7)));
        Assert.False(closed.Contains(new DateOnly(2006, 7, 4)));
        Assert.False(closed.Contains(new DateOnly(2006, 7, 8)));
        Assert.True(DicomDateRange.Parse("-20060707").Contains(DateOnly.MinValue));
        Assert.True(DicomDateRange.Parse("20060705-").Contains(DateOnly.MaxValue));
        Assert.True(default(DicomDateRange).Contains(new DateOnly(2000, 1, 1)));
    }

    [Theory]
    [InlineData("20060705-20060707")]
    [InlineData("-20060707")]
    [InlineData("20060705-")]
    [InlineData("20060705")]
    public void DateRange_ToString_RoundTrips(string text)
    {
        Assert.Equal(text, DicomDateRange.Parse(text).ToString());
    }

    [Fact]
    public void DateRange_Constructor_ReversedBounds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DicomDateRange(new DateOnly(2006, 7, 7), new DateOnly(2006, 7, 5)));
        Assert.Equal(DicomDateRange.Parse("20060705-"), new DicomDateRange(new DateOnly(2006, 7, 5), null));
        Assert.NotEqual(DicomDateRange.Parse("20060705-"), DicomDateRange.Parse("-20060705"));
    }

    // ---------------------------------------------------------------- TM

    [Theory]
    [InlineData("1000-1800", "10:00:00", "18:00:59.9999999")]
    [InlineData("-1015", null, "10:15:59.9999999")]
    [InlineData("101530-", "10:15:30", null)]
    [InlineData("10", "10:00:00", "10:59:59.9999999")]
    [InlineData("101530.5", "10:15:30.5", "10:15:30.5999999")]
    [InlineData("101530.123456", "10:15:30.123456", "10:15:30.1234569")]
    [InlineData("-235959", null, "23:59:59.9999999")]
    [InlineData("10:15-12:00:30", "10:15:00", "12:00:30.9999999")]
    [InlineData("1000 - 1800", "10:00:00", "18:00:59.9999999")]
    public void TimeRange_TryParse_ValidText_ExtendsUpperBoundToItsPrecision(string text, string? minimum, string? maximum)
    {
        Assert.True(DicomTimeRange.TryParse(text, out var range));
        Assert.Equal(minimum is null ? null : TimeOnly.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture), range.Minimum);
        Assert.Equal(maximum is null ? null : TimeOnly.Parse(maximum, System.Globalization.CultureInfo.InvariantCulture), range.Maximum);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("2300-0100")]
    [InlineData("1000-1000-1200")]
    [InlineData("25-")]
    [InlineData("10-1x")]
    public void TimeRange_TryParse_InvalidOrCrossingMidnight_ReturnsFalse(string text)
    {
        Assert.False(DicomTimeRange.TryParse(text, out var range));
        Assert.Equal(default, range);
    }

    [Fact]
    public void TimeRange_Contains_CoversWholeMinuteOfReducedPrecisionUpperBound()
    {
        var range = DicomTimeRange.Parse("1000-1015");
        Assert.True(range.Contains(new TimeOnly(10, 0)));
        Assert.True(range.Contains(new TimeOnly(10, 15, 59, 999)));
        Assert.False(range.Contains(new TimeOnly(10, 16)));
        Assert.False(range.Contains(new TimeOnly(9, 59, 59)));
    }

    [Fact]
    public void TimeRange_ToStringAndErrors_BehaveAsDocumented()
    {
        Assert.Equal("101530-", DicomTimeRange.Parse("101530-").ToString());
        Assert.Equal("-101559.999999", DicomTimeRange.Parse("-1015").ToString());
        Assert.Equal("100000-101559.999999", DicomTimeRange.Parse("1000-1015").ToString());
        Assert.Equal(DicomTimeRange.Parse("-1015"), DicomTimeRange.Parse(DicomTimeRange.Parse("-1015").ToString()));
        var ex = Assert.Throws<FormatException>(() => DicomTimeRange.Parse("2300-0100"));
        Assert.Contains("'2300-0100'", ex.Message);
        Assert.Contains("TM", ex.Message);
        Assert.Throws<ArgumentException>(() => new DicomTimeRange(new TimeOnly(23, 0), new TimeOnly(1, 0)));
    }

    // ---------------------------------------------------------------- DT

    [Fact]
    public void DateTimeRange_TryParse_ClosedRange_ExtendsUpperBoundToItsPrecision()
    {
        Assert.True(DicomDateTimeRange.TryParse("2006-2007", out var range));
        Assert.Equal(new DateTimeOffset(2006, 1, 1, 0, 0, 0, TimeSpan.Zero), range.Minimum);
        Assert.Equal(new DateTimeOffset(2008, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), range.Maximum);
    }

    [Fact]
    public void DateTimeRange_TryParse_SingleValue_CoversItsPeriod()
    {
        var range = DicomDateTimeRange.Parse("200607");
        Assert.Equal(new DateTimeOffset(2006, 7, 1, 0, 0, 0, TimeSpan.Zero), range.Minimum);
        Assert.Equal(new DateTimeOffset(2006, 8, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), range.Maximum);
    }

    [Fact]
    public void DateTimeRange_TryParse_HyphenatedOffsets_AreToldFromTheSeparator()
    {
        var range = DicomDateTimeRange.Parse("20060705101530-0500-20060706101530-0500");
        Assert.Equal(new DateTimeOffset(2006, 7, 5, 10, 15, 30, TimeSpan.FromHours(-5)), range.Minimum);
        Assert.Equal(TimeSpan.FromHours(-5), range.Minimum!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2006, 7, 6, 10, 15, 31, TimeSpan.FromHours(-5)).AddTicks(-1), range.Maximum);

        var single = DicomDateTimeRange.Parse("20060705101530-0500");
        Assert.Equal(new DateTimeOffset(2006, 7, 5, 10, 15, 30, TimeSpan.FromHours(-5)), single.Minimum);

        var open = DicomDateTimeRange.Parse("20060705101530-0500-");
        Assert.Equal(new DateTimeOffset(2006, 7, 5, 10, 15, 30, TimeSpan.FromHours(-5)), open.Minimum);
        Assert.Null(open.Maximum);

        var upper = DicomDateTimeRange.Parse("-20060705101530-0500");
        Assert.Null(upper.Minimum);
        Assert.Equal(new DateTimeOffset(2006, 7, 5, 10, 15, 31, TimeSpan.FromHours(-5)).AddTicks(-1), upper.Maximum);
    }

    [Fact]
    public void DateTimeRange_TryParse_NoOffset_UsesDefaultOffset()
    {
        var range = DicomDateTimeRange.Parse("20060705101530-20060705121530+0000", TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2006, 7, 5, 10, 15, 30, TimeSpan.FromHours(2)), range.Minimum);
        Assert.Equal(TimeSpan.Zero, range.Maximum!.Value.Offset);
        Assert.True(range.Contains(new DateTimeOffset(2006, 7, 5, 8, 15, 30, TimeSpan.Zero)));
        Assert.False(range.Contains(new DateTimeOffset(2006, 7, 5, 10, 15, 29, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void DateTimeRange_Contains_ComparesInstantsAcrossOffsets()
    {
        var range = DicomDateTimeRange.Parse("20060705100000+0100-20060705120000+0100");
        Assert.True(range.Contains(new DateTimeOffset(2006, 7, 5, 9, 0, 0, TimeSpan.Zero)));
        Assert.True(range.Contains(new DateTimeOffset(2006, 7, 5, 11, 0, 0, TimeSpan.Zero)));
        Assert.False(range.Contains(new DateTimeOffset(2006, 7, 5, 11, 0, 1, TimeSpan.Zero)));
        Assert.False(range.Contains(new DateTimeOffset(2006, 7, 5, 8, 59, 59, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("2007-2006")]
    [InlineData("20060705-20060704")]
    [InlineData("2006-2007-2008")]
    [InlineData("200607051015-0500x")]
    [InlineData("00010101000000+0100")]
    public void DateTimeRange_TryParse_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(DicomDateTimeRange.TryParse(text, out var range));
        Assert.Equal(default, range);
    }

    [Fact]
    public void DateTimeRange_ToString_WritesFullValuesWithOffsetsThatParseBack()
    {
        var range = DicomDateTimeRange.Parse("20060705101530-0500-");
        Assert.Equal("20060705101530-0500-", range.ToString());
        var closed = DicomDateTimeRange.Parse("2006-2007", TimeSpan.FromHours(1));
        Assert.Equal("20060101000000+0100-20071231235959.999999+0100", closed.ToString());
        Assert.Equal(closed.Minimum, DicomDateTimeRange.Parse(closed.ToString()).Minimum);
        var ex = Assert.Throws<FormatException>(() => DicomDateTimeRange.Parse("2007-2006"));
        Assert.Contains("'2007-2006'", ex.Message);
        Assert.Contains("DT", ex.Message);
    }
}
