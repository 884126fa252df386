namespace Imaging.Dicom.Tests.Values;

/// <summary>Age String values (PS3.5 Table 6.2-1).</summary>
public class DicomAgeTests
{
    [Theory]
    [InlineData("045Y", 45, DicomAgeUnit.Years)]
    [InlineData("018M", 18, DicomAgeUnit.Months)]
    [InlineData("003W", 3, DicomAgeUnit.Weeks)]
    [InlineData("000D", 0, DicomAgeUnit.Days)]
    [InlineData("999Y", 999, DicomAgeUnit.Years)]
    [InlineData("045Y ", 45, DicomAgeUnit.Years)]
    [InlineData("45Y", 45, DicomAgeUnit.Years)]
    [InlineData("5d", 5, DicomAgeUnit.Days)]
    [InlineData("012m", 12, DicomAgeUnit.Months)]
    public void TryParse_ValidText_ReturnsValueAndUnit(string text, int value, DicomAgeUnit unit)
    {
        Assert.True(DicomAge.TryParse(text, out var age));
        Assert.Equal(value, age.Value);
        Assert.Equal(unit, age.Unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Y")]
    [InlineData("045")]
    [InlineData("0045Y")]
    [InlineData("045X")]
    [InlineData("-45Y")]
    [InlineData("4 5Y")]
    [InlineData("45 Y")]
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(DicomAge.TryParse(text, out var age));
        Assert.Equal(default, age);
    }

    [Fact]
    public void Parse_InvalidText_ThrowsFormatExceptionQuotingValueAndVR()
    {
        var ex = Assert.Throws<FormatException>(() => DicomAge.Parse("45 years"));
        Assert.Contains("'45 years'", ex.Message);
        Assert.Contains("AS", ex.Message);
    }

    [Theory]
    [InlineData(45, DicomAgeUnit.Years, "045Y")]
    [InlineData(0, DicomAgeUnit.Days, "000D")]
    [InlineData(999, DicomAgeUnit.Weeks, "999W")]
    [InlineData(7, DicomAgeUnit.Months, "007M")]
    public void ToString_Age_WritesThreeDigitsAndUnit(int value, DicomAgeUnit unit, string expected)
    {
        var age = new DicomAge(value, unit);
        Assert.Equal(expected, age.ToString());
        Assert.Equal(age, DicomAge.Parse(expected));
    }

    [Theory]
    [InlineData("010D", 10.0)]
    [InlineData("002W", 14.0)]
    [InlineData("012M", 365.2425)]
    [InlineData("001Y", 365.2425)]
    [InlineData("100Y", 36524.25)]
    public void ApproximateDuration_Age_UsesAverageGregorianMonthsAndYears(string text, double days)
    {
        Assert.Equal(days, DicomAge.Parse(text).ApproximateDuration.TotalDays, 6);
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomAge(1000, DicomAgeUnit.Years));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomAge(-1, DicomAgeUnit.Years));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomAge(1, (DicomAgeUnit)'X'));
    }

    [Fact]
    public void Default_IsZeroDays()
    {
        Assert.Equal(DicomAgeUnit.Days, default(DicomAge).Unit);
        Assert.Equal("000D", default(DicomAge).ToString());
        Assert.Equal(new DicomAge(0, DicomAgeUnit.Days), default);
        Assert.NotEqual(new DicomAge(12, DicomAgeUnit.Months), new DicomAge(1, DicomAgeUnit.Years));
    }
}
