namespace Imaging.Dicom.Tests.Values;

/// <summary>DA, TM and DT text (PS3.5 Table 6.2-1) through <see cref="DicomValueText"/>.</summary>
public class DicomDateTextTests
{
    // ---------------------------------------------------------------- DA

    [Theory]
    [InlineData("20060705", 2006, 7, 5)]
    [InlineData("20240229", 2024, 2, 29)]
    [InlineData("00010101", 1, 1, 1)]
    [InlineData("99991231", 9999, 12, 31)]
    [InlineData("20060705 ", 2006, 7, 5)]
    [InlineData(" 20060705\0", 2006, 7, 5)]
    [InlineData("2006.07.05", 2006, 7, 5)]
    [InlineData("1993.08.22 ", 1993, 8, 22)]
    public void TryParseDate_ValidText_ReturnsDate(string text, int year, int month, int day)
    {
        Assert.True(DicomValueText.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("        ")]
    [InlineData("2006070")]
    [InlineData("200607051")]
    [InlineData("20230229")]
    [InlineData("20061301")]
    [InlineData("20060700")]
    [InlineData("20060132")]
    [InlineData("00000101")]
    [InlineData("2006-07-05")]
    [InlineData("2006.0705")]
    [InlineData("2006O705")]
    [InlineData("+2006070")]
    [InlineData("20060705-20060706")]
    [InlineData("٢٠٠٦٠٧٠٥")]
    public void TryParseDate_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(DicomValueText.TryParseDate(text, out var date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void ParseDate_InvalidText_ThrowsFormatExceptionQuotingValueAndVR()
    {
        var ex = Assert.Throws<FormatException>(() => DicomValueText.ParseDate("20061301"));
        Assert.Contains("'20061301'", ex.Message);
        Assert.Contains("DA", ex.Message);
    }

    [Theory]
    [InlineData(2006, 7, 5, "20060705")]
    [InlineData(1, 1, 1, "00010101")]
    [InlineData(9999, 12, 31, "99991231")]
    public void FormatDate_Date_WritesYYYYMMDD(int year, int month, int day, string expected)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(expected, DicomValueText.FormatDate(date));
        Assert.Equal(date, DicomValueText.ParseDate(DicomValueText.FormatDate(date)));
    }

    // ---------------------------------------------------------------- TM

    [Theory]
    [InlineData("07", 7, 0, 0, 0)]
    [InlineData("1015", 10, 15, 0, 0)]
    [InlineData("101530", 10, 15, 30, 0)]
    [InlineData("101530.1", 10, 15, 30, 1_000_000)]
    [InlineData("101530.123456", 10, 15, 30, 1_234_560)]
    [InlineData("101530.1234567", 10, 15, 30, 1_234_567)]
    [InlineData("101530.12345678", 10, 15, 30, 1_234_567)]
    [InlineData("101530.", 10, 15, 30, 0)]
    [InlineData("000000", 0, 0, 0, 0)]
    [InlineData("235959.999999", 23, 59, 59, 9_999_990)]
    [InlineData("235960", 23, 59, 59, 0)]
    [InlineData("101530 ", 10, 15, 30, 0)]
    [InlineData("10:15", 10, 15, 0, 0)]
    [InlineData("10:15:30", 10, 15, 30, 0)]
    [InlineData("10:15:30.25", 10, 15, 30, 2_500_000)]
    public void TryParseTime_ValidText_ReturnsTime(string text, int hour, int minute, int second, long fractionTicks)
    {
        Assert.True(DicomValueText.TryParseTime(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(fractionTicks)), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("101")]
    [InlineData("24")]
    [InlineData("1060")]
    [InlineData("101561")]
    [InlineData("10.5")]
    [InlineData("1015.5")]
    [InlineData("101530.12a")]
    [InlineData("10:1530")]
    [InlineData("1015:30")]
    [InlineData("10:15:")]
    [InlineData("-101530")]
    [InlineData("1015-1030")]
    [InlineData("10 15")]
    public void TryParseTime_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(DicomValueText.TryParseTime(text, out var time));
        Assert.Equal(default, time);
    }

    [Fact]
    public void ParseTime_InvalidText_ThrowsFormatExceptionQuotingValueAndVR()
    {
        var ex = Assert.Throws<FormatException>(() => DicomValueText.ParseTime("25"));
        Assert.Contains("'25'", ex.Message);
        Assert.Contains("TM", ex.Message);
    }

    [Theory]
    [InlineData(0, 0, 0, 0L, "000000")]
    [InlineData(10, 15, 30, 0L, "101530")]
    [InlineData(10, 15, 31, 5_000_000L, "101531.5")]
    [InlineData(10, 15, 30, 1_234_560L, "101530.123456")]
    [InlineData(10, 15, 30, 100_000L, "101530.01")]
    [InlineData(10, 15, 30, 10L, "101530.000001")]
    [InlineData(10, 15, 30, 9L, "101530")]
    [InlineData(23, 59, 59, 9_999_999L, "235959.999999")]
    public void FormatTime_Time_WritesHHMMSSAndTrimmedFraction(int hour, int minute, int second, long fractionTicks, string expected)
    {
        var time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(fractionTicks));
        Assert.Equal(expected, DicomValueText.FormatTime(time));
    }

    [Fact]
    public void FormatTime_ParsedBack_RoundTripsToTheMicrosecond()
    {
        var random = new Random(20240229);
        for (int i = 0; i < 1000; i++)
        {
            var time = new TimeOnly(random.NextInt64(TimeOnly.MaxValue.Ticks / 10) * 10);
            Assert.Equal(time, DicomValueText.ParseTime(DicomValueText.FormatTime(time)));
        }
    }

    // ---------------------------------------------------------------- DT

    [Theory]
    [InlineData("2006", 2006, 1, 1, 0, 0, 0, 0)]
    [InlineData("200607", 2006, 7, 1, 0, 0, 0, 0)]
    [InlineData("20060705", 2006, 7, 5, 0, 0, 0, 0)]
    [InlineData("2006070510", 2006, 7, 5, 10, 0, 0, 0)]
    [InlineData("200607051015", 2006, 7, 5, 10, 15, 0, 0)]
    [InlineData("20060705101530", 2006, 7, 5, 10, 15, 30, 0)]
    [InlineData("20060705101530.5", 2006, 7, 5, 10, 15, 30, 5_000_000)]
    [InlineData("20060705101530.123456", 2006, 7, 5, 10, 15, 30, 1_234_560)]
    [InlineData("20060705101560", 2006, 7, 5, 10, 15, 59, 0)]
    [InlineData("20060705101530 ", 2006, 7, 5, 10, 15, 30, 0)]
    public void TryParseDateTime_NoOffset_ReturnsUnspecifiedAndNullOffset(string text, int year, int month, int day, int hour, int minute, int second, long fractionTicks)
    {
        Assert.True(DicomValueText.TryParseDateTime(text, out var value, out var offset));
        Assert.Null(offset);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
        Assert.Equal(new DateTime(year, month, day, hour, minute, second).AddTicks(fractionTicks), value);
    }

    [Theory]
    [InlineData("20060705101530+0100", 60, "2006-07-05T10:15:30")]
    [InlineData("20060705101530-0500", -300, "2006-07-05T10:15:30")]
    [InlineData("20060705101530.5+0530", 330, "2006-07-05T10:15:30.5")]
    [InlineData("2006+1400", 840, "2006-01-01T00:00:00")]
    [InlineData("2006-1200", -720, "2006-01-01T00:00:00")]
    [InlineData("20060705101530+0000", 0, "2006-07-05T10:15:30")]
    public void TryParseDateTime_WithOffset_ReturnsClockTimeAndOffset(string text, int offsetMinutes, string clock)
    {
        Assert.True(DicomValueText.TryParseDateTime(text, out var value, out var offset));
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), offset);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
        Assert.Equal(DateTime.Parse(clock, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("200")]
    [InlineData("20060")]
    [InlineData("2006070510153")]
    [InlineData("200607051015301")]
    [InlineData("20061305")]
    [InlineData("20060230")]
    [InlineData("2006070524")]
    [InlineData("200607051060")]
    [InlineData("20060705101561")]
    [InlineData("20060705.5")]
    [InlineData("20060705101530.5x")]
    [InlineData("20060705101530+01")]
    [InlineData("20060705101530+01000")]
    [InlineData("20060705101530+1401")]
    [InlineData("20060705101530+0160")]
    [InlineData("20060705101530+01:00")]
    [InlineData("+0100")]
    [InlineData("0000")]
    [InlineData("20060705-20060706")]
    public void TryParseDateTime_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(DicomValueText.TryParseDateTime(text, out _, out var offset));
        Assert.Null(offset);
        Assert.False(DicomValueText.TryParseDateTimeOffset(text, TimeSpan.Zero, out _));
    }

    [Fact]
    public void ParseDateTime_WithOffset_KeepsClockTimeAndOffset()
    {
        var value = DicomValueText.ParseDateTime("20060705101530.25-0500");
        Assert.Equal(new DateTime(2006, 7, 5, 10, 15, 30, 250), value.DateTime);
        Assert.Equal(DateTimeKind.Unspecified, value.DateTime.Kind);
        Assert.Equal(TimeSpan.FromHours(-5), value.Offset);
        Assert.Equal(new DateTime(2006, 7, 5, 15, 15, 30, 250, DateTimeKind.Utc), value.UtcDateTime);
    }

    [Fact]
    public void ParseDateTime_NoOffset_UsesDefaultOffsetOrUtc()
    {
        Assert.Equal(TimeSpan.Zero, DicomValueText.ParseDateTime("20060705101530").Offset);
        var withDefault = DicomValueText.ParseDateTime("20060705101530", TimeSpan.FromHours(9));
        Assert.Equal(TimeSpan.FromHours(9), withDefault.Offset);
        Assert.Equal(new DateTime(2006, 7, 5, 10, 15, 30), withDefault.DateTime);
        Assert.Equal(TimeSpan.FromHours(1), DicomValueText.ParseDateTime("20060705101530+0100", TimeSpan.FromHours(9)).Offset);
    }

    [Fact]
    public void ParseDateTime_InvalidText_ThrowsFormatExceptionQuotingValueAndVR()
    {
        var ex = Assert.Throws<FormatException>(() => DicomValueText.ParseDateTime("2006070"));
        Assert.Contains("'2006070'", ex.Message);
        Assert.Contains("DT", ex.Message);
    }

    [Theory]
    [InlineData("00010101000000+0100")]
    [InlineData("99991231235959-0100")]
    public void TryParseDateTimeOffset_InstantOutOfRange_ReturnsFalseWithoutThrowing(string text)
    {
        Assert.True(DicomValueText.TryParseDateTime(text, out _, out _));
        Assert.False(DicomValueText.TryParseDateTimeOffset(text, TimeSpan.Zero, out _));
    }

    [Fact]
    public void TryParseDateTimeOffset_InvalidDefaultOffset_ReturnsFalse()
    {
        Assert.False(DicomValueText.TryParseDateTimeOffset("20060705", TimeSpan.FromHours(15), out _));
        Assert.False(DicomValueText.TryParseDateTimeOffset("20060705", TimeSpan.FromSeconds(30), out _));
    }

    [Fact]
    public void TryParseDateTimeCore_ReducedPrecision_GivesEndOfPeriod()
    {
        static DateTime End(string text)
        {
            Assert.True(DicomValueText.TryParseDateTimeCore(text, out _, out _, out var end));
            return end;
        }
        Assert.Equal(new DateTime(2006, 12, 31).AddDays(1).AddTicks(-1), End("2006"));
        Assert.Equal(new DateTime(2024, 3, 1).AddTicks(-1), End("202402"));
        Assert.Equal(new DateTime(2006, 7, 6).AddTicks(-1), End("20060705"));
        Assert.Equal(new DateTime(2006, 7, 5, 11, 0, 0).AddTicks(-1), End("2006070510"));
        Assert.Equal(new DateTime(2006, 7, 5, 10, 16, 0).AddTicks(-1), End("200607051015"));
        Assert.Equal(new DateTime(2006, 7, 5, 10, 15, 31).AddTicks(-1), End("20060705101530"));
        Assert.Equal(new DateTime(2006, 7, 5, 10, 15, 30, 600).AddTicks(-1), End("20060705101530.5"));
        Assert.Equal(DateTime.MaxValue, End("9999"));
        Assert.Equal(DateTime.MaxValue, End("999912"));
        Assert.Equal(DateTime.MaxValue, End("99991231"));
    }

    [Theory]
    [InlineData("20060705101530", DateTimeKind.Unspecified, "20060705101530")]
    [InlineData("20060705101530", DateTimeKind.Local, "20060705101530")]
    [InlineData("20060705101530", DateTimeKind.Utc, "20060705101530+0000")]
    public void FormatDateTime_DateTime_WritesOffsetOnlyForUtc(string clock, DateTimeKind kind, string expected)
    {
        Assert.True(DicomValueText.TryParseDateTime(clock, out var value, out _));
        Assert.Equal(expected, DicomValueText.FormatDateTime(DateTime.SpecifyKind(value, kind)));
    }

    [Theory]
    [InlineData("20060705101530+0100")]
    [InlineData("20060705101530-0530")]
    [InlineData("20060705101530.123456+1400")]
    [InlineData("20060705101530.5-1200")]
    [InlineData("00010101000000+0000")]
    [InlineData("99991231235959.999999+0000")]
    public void FormatDateTime_DateTimeOffset_RoundTrips(string text)
    {
        var value = DicomValueText.ParseDateTime(text);
        Assert.Equal(text, DicomValueText.FormatDateTime(value));
    }

    [Fact]
    public void FormatDateTime_SubMicrosecondTicks_AreTruncated()
    {
        var value = new DateTime(2006, 7, 5, 10, 15, 30).AddTicks(1_234_567);
        Assert.Equal("20060705101530.123456", DicomValueText.FormatDateTime(value));
    }
}
