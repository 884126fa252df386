using System.Globalization;

namespace Imaging.Dicom.Tests.Values;

/// <summary>DS and IS text (PS3.5 Table 6.2-1) through <see cref="DicomValueText"/>.</summary>
public class DicomNumberTextTests
{
    // ---------------------------------------------------------------- DS parsing

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("1.5", 1.5)]
    [InlineData("-1.5", -1.5)]
    [InlineData("+1", 1.0)]
    [InlineData(".5", 0.5)]
    [InlineData("-.5", -0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("1.5E+02", 150.0)]
    [InlineData("1.5e+02", 150.0)]
    [InlineData("1.5E2", 150.0)]
    [InlineData("1E-5", 1e-5)]
    [InlineData("-2.5e-3", -2.5e-3)]
    [InlineData("  12.25 ", 12.25)]
    [InlineData("12.25\0", 12.25)]
    [InlineData("0.30000000000000004", 0.30000000000000004)]
    [InlineData("1.7976931348623157E308", double.MaxValue)]
    [InlineData("00012", 12.0)]
    public void TryParseDecimalString_ValidText_ReturnsDouble(string text, double expected)
    {
        Assert.True(DicomValueText.TryParseDecimalString(text, out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("1,5")]
    [InlineData("1 5")]
    [InlineData("1.5.2")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData(".")]
    [InlineData("+")]
    [InlineData("+-1")]
    [InlineData("0x10")]
    [InlineData("1e400")]
    [InlineData("\t1")]
    [InlineData("1\\2")]
    public void TryParseDecimalString_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(DicomValueText.TryParseDecimalString(text, out double value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData("1.50", "1.50")]
    [InlineData("-0.001", "-0.001")]
    [InlineData("1.5E+02", "150")]
    [InlineData(" +7 ", "7")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void TryParseDecimal_ValidText_ReturnsDecimalKeepingScale(string text, string expected)
    {
        Assert.True(DicomValueText.TryParseDecimal(text, out decimal value));
        Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("NaN")]
    [InlineData("")]
    [InlineData("1,5")]
    public void TryParseDecimal_InvalidOrOutOfRange_ReturnsFalse(string text)
    {
        Assert.False(DicomValueText.TryParseDecimal(text, out decimal value));
        Assert.Equal(0m, value);
    }

    [Fact]
    public void ParseDecimalString_InvalidText_ThrowsFormatExceptionQuotingValueAndVR()
    {
        var ex = Assert.Throws<FormatException>(() => DicomValueText.ParseDecimalString("1,5"));
        Assert.Contains("'1,5'", ex.Message);
        Assert.Contains("DS", ex.Message);
        Assert.Throws<FormatException>(() => DicomValueText.ParseDecimal("1e30"));
    }

    [Fact]
    public void TryParseDecimalString_ValidText_DoesNotAllocate()
    {
        var text = " -1.2345E+02 ".AsSpan();
        DicomValueText.TryParseDecimalString(text, out double _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) DicomValueText.TryParseDecimalString(text, out double _);
        for (int i = 0; i < 100; i++) DicomValueText.TryParseIntegerString(" +12 ", out long _);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    // ---------------------------------------------------------------- IS parsing

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("12", 12L)]
    [InlineData("+12", 12L)]
    [InlineData(" 12 ", 12L)]
    [InlineData("-2147483648", -2147483648L)]
    [InlineData("2147483647", 2147483647L)]
    [InlineData("99999999999", 99999999999L)]
    [InlineData("12.0", 12L)]
    [InlineData("-12.000", -12L)]
    [InlineData("1e3", 1000L)]
    [InlineData("1.5E1", 15L)]
    [InlineData("0012", 12L)]
    public void TryParseIntegerString_ValidText_ReturnsLong(string text, long expected)
    {
        Assert.True(DicomValueText.TryParseIntegerString(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12.5")]
    [InlineData("1e-1")]
    [InlineData("abc")]
    [InlineData("1 2")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    [InlineData("99999999999999999999")]
    [InlineData("1,000")]
    public void TryParseIntegerString_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(DicomValueText.TryParseIntegerString(text, out var value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData("2147483647", true, int.MaxValue)]
    [InlineData("-2147483648", true, int.MinValue)]
    [InlineData("2147483648", false, 0)]
    [InlineData("42.0", true, 42)]
    [InlineData("x", false, 0)]
    public void TryParseInt32_Text_ChecksInt32Range(string text, bool ok, int expected)
    {
        Assert.Equal(ok, DicomValueText.TryParseInt32(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void ParseIntegerString_InvalidText_ThrowsFormatExceptionQuotingValueAndVR()
    {
        var ex = Assert.Throws<FormatException>(() => DicomValueText.ParseIntegerString("12.5"));
        Assert.Contains("'12.5'", ex.Message);
        Assert.Contains("IS", ex.Message);
        Assert.Throws<FormatException>(() => DicomValueText.ParseInt32("2147483648"));
        Assert.Equal(-7, DicomValueText.ParseInt32(" -7"));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-12L, "-12")]
    [InlineData(2147483647L, "2147483647")]
    public void FormatIntegerString_Long_WritesInvariantDigits(long value, string expected)
    {
        Assert.Equal(expected, DicomValueText.FormatIntegerString(value));
    }

    // ---------------------------------------------------------------- DS formatting

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(123.0, "123")]
    [InlineData(100000.0, "100000")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1E-5")]
    [InlineData(1e-10, "1E-10")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1e16, "1E16")]
    [InlineData(1e20, "1E20")]
    [InlineData(-1e300, "-1E300")]
    [InlineData(5e-324, "5E-324")]
    [InlineData(Math.PI, "3.14159265358979")]
    [InlineData(-Math.PI, "-3.1415926535898")]
    [InlineData(1.0 / 3.0, "0.33333333333333")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(123456789.123456789, "123456789.123457")]
    [InlineData(1234567890123456789.0, "1.23456789012E18")]
    [InlineData(0.000123456789012345678, "1.23456789012E-4")]
    [InlineData(-3.141592653589793e-7, "-3.1415926536E-7")]
    [InlineData(double.MaxValue, "1.7976931348E308")]
    [InlineData(double.MinValue, "-1.797693134E308")]
    public void FormatDecimalString_Double_WritesClosestTextOf16Chars(double value, string expected)
    {
        Assert.Equal(expected, DicomValueText.FormatDecimalString(value));
    }

    [Fact]
    public void FormatDecimalString_NegativeZero_WritesZero()
    {
        Assert.Equal("0", DicomValueText.FormatDecimalString(-0.0));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FormatDecimalString_NonFinite_Throws(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomValueText.FormatDecimalString(value));
    }

    [Fact]
    public void FormatDecimalString_RandomDoubles_AreValidFitAndReadBackClosely()
    {
        var random = new Random(1234);
        for (int i = 0; i < 20000; i++)
        {
            double value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(value)) continue;
            string text = DicomValueText.FormatDecimalString(value);
            Assert.True(text.Length <= 16, text);
            Assert.Matches(@"^-?(\d+(\.\d+)?|\d\.\d+E-?\d+|\dE-?\d+)$", text);
            Assert.True(DicomValueText.TryParseDecimalString(text, out double back), text);
            if (value != 0) Assert.True(Math.Abs((back - value) / value) < 1e-8, $"{value:R} -> {text}");
        }
    }

    [Fact]
    public void TryFormatDecimalString_ShortDestination_ReturnsFalse()
    {
        Span<char> small = stackalloc char[3];
        Assert.False(DicomValueText.TryFormatDecimalString(1.25, small, out int written));
        Assert.Equal(0, written);
        Span<char> enough = stackalloc char[4];
        Assert.True(DicomValueText.TryFormatDecimalString(1.25, enough, out written));
        Assert.Equal("1.25", enough[..written].ToString());
    }

    [Theory]
    [InlineData("1.50", "1.50")]
    [InlineData("0", "0")]
    [InlineData("-12345678.123456", "-12345678.123456")]
    [InlineData("-123456789.123456", "-123456789.12346")]
    [InlineData("1234567890.1234567890", "1234567890.12346")]
    [InlineData("-1234567890.1234567890", "-1234567890.1235")]
    [InlineData("0.00000000000000001234", "1.234E-17")]
    [InlineData("0.0000000000000000000", "0")]
    [InlineData("99999999999999999.9", "1E17")]
    [InlineData("79228162514264337593543950335", "7.92281625143E28")]
    [InlineData("0.1234567890123456789", "0.12345678901235")]
    public void FormatDecimalString_Decimal_KeepsShortScaleAndRoundsLong(string text, string expected)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(expected, DicomValueText.FormatDecimalString(value));
    }
}
