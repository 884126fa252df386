namespace Imaging.Dicom.Tests.Values;

/// <summary>Every Try* parser of the Values area returns false on garbage rather than throwing (PS3.5 §6.2 lenient reading).</summary>
public class DicomValueTextRobustnessTests
{
    private const string Alphabet = "0123456789012345678901234567890123456789+-.:eE^=\\ \0YMDWx9";

    [Fact]
    public void TryParsers_RandomText_NeverThrow()
    {
        var random = new Random(6_2_1);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 30)];
            for (int j = 0; j < chars.Length; j++) chars[j] = Alphabet[random.Next(Alphabet.Length)];
            var text = new string(chars);

            var results = new[]
            {
                DicomValueText.TryParseDate(text, out _),
                DicomValueText.TryParseTime(text, out _),
                DicomValueText.TryParseDateTime(text, out _, out _),
                DicomValueText.TryParseDateTimeOffset(text, TimeSpan.FromHours(14), out _),
                DicomValueText.TryParseDecimalString(text, out double _),
                DicomValueText.TryParseDecimal(text, out decimal _),
                DicomValueText.TryParseIntegerString(text, out long _),
                DicomValueText.TryParseInt32(text, out int _),
                DicomDateRange.TryParse(text, out _),
                DicomTimeRange.TryParse(text, out _),
                DicomDateTimeRange.TryParse(text, out _),
                DicomDateTimeRange.TryParse(text, TimeSpan.FromHours(-12), out _),
                DicomAge.TryParse(text, out _),
                DicomPersonName.TryParse(text, out _),
            };
            accepted += results.Count(r => r);
        }
        Assert.True(accepted > 0);
    }

    [Fact]
    public void TryParseDateTime_RandomValues_RoundTripThroughFormat()
    {
        var random = new Random(20060705);
        for (int i = 0; i < 2000; i++)
        {
            var clock = new DateTime(random.NextInt64(DateTime.MaxValue.Ticks / 10) * 10);
            var offset = TimeSpan.FromMinutes(random.Next(-12 * 60, 14 * 60 + 1));
            if (!DicomValueText.TryCreateOffset(clock, offset, out var value)) continue;
            string text = DicomValueText.FormatDateTime(value);
            Assert.True(DicomValueText.TryParseDateTimeOffset(text, TimeSpan.Zero, out var back), text);
            Assert.Equal(value, back);
            Assert.Equal(value.Offset, back.Offset);
        }
    }
}
