using System.Text.Json;
using Imaging.Cli.PhiScan;

namespace Imaging.Cli.Tests.PhiScan;

/// <summary>The pieces of phi-scan: value masking, the date window, and the attribute lists against PS3.15 Table E.1-1.</summary>
public sealed class PhiScanPartsTests
{
    [Theory]
    [InlineData("JOHN^DOE", "JOH…")]
    [InlineData("DOE", "D…")]
    [InlineData("AB", "A…")]
    [InlineData("X", "…")]
    [InlineData("  ", "")]
    [InlineData("a\tbcdefg", "a?b…")]
    public void Text_Value_ShowsAtMostThreeAndHalf(string value, string expected)
    {
        Assert.Equal(expected, ValueMask.Text(value));
    }

    [Theory]
    [InlineData("20200101:20201231", "20200615", true)]
    [InlineData("20200101:20201231", "20191231", false)]
    [InlineData("20200101:20201231", "20200101\\20210101", false)]
    [InlineData("20200101:20201231", "20200101-20200301", true)]
    [InlineData("20200101:20201231", "20200101-20210301", false)]
    [InlineData("20200101:20201231", "20200301120000.5-0500", true)]
    [InlineData("20200101:", "29991231", true)]
    [InlineData(":2020-12-31", "19000101", true)]
    [InlineData("20200101:20201231", "garbage", false)]
    public void Contains_DateValue_InsideWindowInclusive(string range, string value, bool inside)
    {
        Assert.True(DateWindow.TryParse(range, out var window, out var error), error);

        Assert.Equal(inside, window!.Contains(value));
    }

    [Fact]
    public void FreeTextKeywords_MatchTableE11CleanDescriptorRows()
    {
        var (rows, attributes) = Tables();

        var expected = rows
            .Where(r => r.TryGetProperty("cleanDescOpt", out var c) && c.GetString() == "C")
            .Where(r => r.GetProperty("basicProfile").GetString() is "X" or "Z" or "X/Z")
            .Select(r => attributes.GetValueOrDefault(r.GetProperty("tag").GetString()!))
            .Where(a => a.Keyword is not null && a.VR is "LO" or "LT" or "SH" or "ST" or "UT")
            .Select(a => a.Keyword!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, PhiAttributes.FreeTextKeywords.Order(StringComparer.Ordinal));
        Assert.Equal(PhiAttributes.FreeTextKeywords.Count, PhiAttributes.FreeText.Count);
    }

    [Fact]
    public void IdentifierKeywords_AllRemovedOrEmptiedByBasicProfile()
    {
        var (rows, attributes) = Tables();
        var byKeyword = rows
            .Select(r => (Attribute: attributes.GetValueOrDefault(r.GetProperty("tag").GetString()!), Action: r.GetProperty("basicProfile").GetString()))
            .Where(x => x.Attribute.Keyword is not null)
            .ToDictionary(x => x.Attribute.Keyword!, x => x.Action);

        Assert.All(PhiAttributes.IdentifierKeywords, k => Assert.True(byKeyword.TryGetValue(k, out var action) && action is "X" or "Z", $"{k}: {byKeyword.GetValueOrDefault(k)}"));
        Assert.Equal(PhiAttributes.IdentifierKeywords.Count, PhiAttributes.Identifiers.Count);
    }

    private static (List<JsonElement> Rows, Dictionary<string, (string? Keyword, string? VR)> Attributes) Tables()
    {
        using var profile = JsonDocument.Parse(File.ReadAllText(StandardTables.ConfidentialityProfile));
        using var attrs = JsonDocument.Parse(File.ReadAllText(StandardTables.Attributes));
        var attributes = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        foreach (var a in attrs.RootElement.EnumerateArray())
        {
            attributes.TryAdd(a.GetProperty("tag").GetString()!, (a.TryGetProperty("keyword", out var k) ? k.GetString() : null, a.TryGetProperty("valueRepresentation", out var v) ? v.GetString() : null));
        }
        return ([.. profile.RootElement.EnumerateArray().Select(r => r.Clone())], attributes);
    }
}
