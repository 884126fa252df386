using Imaging.Cli.Collection;

namespace Imaging.Cli.Tests.Collection;

public sealed class CsvReportTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    public void Field_SpecialCharacters_QuotedPerRfc4180(string value, string expected) =>
        Assert.Equal(expected, CsvReport.Field(value));

    [Fact]
    public void Write_AwkwardDescriptions_RoundTripThroughAnRfc4180Reader()
    {
        var rows = CollectionScanner.Group(
        [
            new InstanceSummary("/a/1.dcm", "P1", "DOE^JANE", "1.2.3", "20240101", "1.2.3.4", 1, "CT", "Chest, \"low dose\"", 1, 512, 512, "1.2.840.10008.1.2", "Implicit VR Little Endian"),
            new InstanceSummary("/a/2.dcm", "P1", "DOE^JANE", "1.2.3", "20240101", "1.2.3.4", 1, "CT", "Chest, \"low dose\"", 3, 256, 256, "1.2.840.10008.1.2.1", "Explicit VR Little Endian"),
        ]);
        var writer = new StringWriter();

        CsvReport.Write(new DicomCollection("/a", 2, rows, [], []), writer);

        var records = Csv.Parse(writer.ToString());
        Assert.Equal(2, records.Count);
        var header = records[0].ToList();
        Assert.Equal("Chest, \"low dose\"", records[1][header.IndexOf("SeriesDescription")]);
        Assert.Equal("512x512;256x256", records[1][header.IndexOf("Size")]);
        Assert.Equal("4", records[1][header.IndexOf("Frames")]);
        Assert.Equal("1.2.840.10008.1.2;1.2.840.10008.1.2.1", records[1][header.IndexOf("TransferSyntaxUID")]);
    }
}
