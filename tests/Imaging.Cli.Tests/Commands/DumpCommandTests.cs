using System.Text.Json;
using System.Text.RegularExpressions;

namespace Imaging.Cli.Tests.Commands;

public sealed partial class DumpCommandTests
{
    [GeneratedRegex(@"^\((?<tag>[0-9a-f]{4},[0-9a-f]{4})\) (?<vr>[A-Za-z]{2}) (?<value>.*?)\s*#\s*(?<length>\d+|u/l), (?<vm>\d+) (?<keyword>.*)$")]
    private static partial Regex DumpLine();

    private sealed record Line(string Tag, string Vr, string Value, string Keyword);

    /// <summary>Top-level element lines (no indentation) of dcmdump-style text.</summary>
    private static List<Line> TopLevel(string text) =>
        text.Split('\n').Select(l => DumpLine().Match(l.TrimEnd('\r'))).Where(m => m.Success)
            .Select(m => new Line(m.Groups["tag"].Value, m.Groups["vr"].Value, m.Groups["value"].Value, m.Groups["keyword"].Value)).ToList();

    [Fact]
    public void Dump_CtSmall_SameTopLevelTagsVRsAndTextValuesAsDcmdump()
    {
        var ours = Cli.Run("dump", "--meta", TestFiles.CtSmall);
        var dcmtk = ProcessRun.Start(TestFiles.DcmDump, "-Un", "+L", TestFiles.CtSmall);
        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(0, dcmtk.ExitCode);

        var expected = TopLevel(dcmtk.Stdout);
        var actual = TopLevel(ours.Stdout);
        Assert.True(expected.Count > 100, dcmtk.ToString());
        Assert.Equal(expected.Select(l => (l.Tag, l.Vr)), actual.Select(l => (l.Tag, l.Vr)));

        int compared = 0;
        foreach (var (e, a) in expected.Zip(actual))
        {
            // Text values are shown in brackets by both; ours shortens long ones with "...".
            if (e.Value.StartsWith('[') && a.Value.StartsWith('[') && !a.Value.EndsWith("...", StringComparison.Ordinal))
            {
                Assert.Equal((e.Tag, e.Value), (a.Tag, a.Value));
                compared++;
            }
            if (e.Value == "(no value available)") Assert.Equal((e.Tag, e.Value), (a.Tag, a.Value));
            bool isPrivate = Convert.ToInt32(e.Tag[..4], 16) % 2 == 1;
            if (!isPrivate && e.Tag != "fffe,e0dd") Assert.Equal((e.Tag, e.Keyword), (a.Tag, a.Keyword));
        }
        Assert.True(compared > 50, $"only {compared} text values compared");
    }

    [Theory]
    [InlineData("(0010,0010) PN [CompressedSamples^CT1]")]
    [InlineData("(0010,0020) LO [1CT1]")]
    [InlineData("(0008,0060) CS [CT]")]
    [InlineData("(0028,0010) US 128")]
    [InlineData("(0020,000d) UI [1.3.6.1.4.1.5962.1.2.1.20040119072730.12322]")]
    public void Dump_CtSmall_PrintsLineAsDcmdumpDoes(string start)
    {
        var dcmtk = ProcessRun.Start(TestFiles.DcmDump, "-Un", TestFiles.CtSmall);
        Assert.Contains(dcmtk.Stdout.Split('\n'), l => l.StartsWith(start, StringComparison.Ordinal));

        var ours = Cli.Run("dump", TestFiles.CtSmall);
        Assert.Contains(ours.Stdout.Split('\n'), l => l.StartsWith(start, StringComparison.Ordinal));
    }

    [Fact]
    public void Dump_FormatJson_IsValidDicomJson()
    {
        var run = Cli.Run("dump", "--format", "json", TestFiles.CtSmall);
        Assert.Equal(0, run.ExitCode);

        using var doc = JsonDocument.Parse(run.Stdout);
        var name = doc.RootElement.GetProperty("00100010");
        Assert.Equal("PN", name.GetProperty("vr").GetString());
        Assert.Equal("CompressedSamples^CT1", name.GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
        Assert.Equal("128", doc.RootElement.GetProperty("00280010").GetProperty("Value")[0].GetRawText());
    }

    [Fact]
    public void Dump_NotDicomFile_ExitsTwoWithOneLineNamingTheFile()
    {
        using var temp = new TempFolder();
        var junk = temp.File("notes.txt");
        File.WriteAllText(junk, "These are not the droids you are looking for.\n");

        var run = Cli.Run("dump", junk);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("imaging: ", lines[0]);
        Assert.Contains(junk, lines[0]);
        Assert.DoesNotContain(" at ", run.Stderr);
    }

    [Fact]
    public void Dump_NotDicomFileVerbose_ShowsTheStackTrace()
    {
        using var temp = new TempFolder();
        var junk = temp.File("notes.txt");
        File.WriteAllText(junk, "These are not the droids you are looking for.\n");

        var run = Cli.Run("dump", "--verbose", junk);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(" at Imaging.Dicom.", run.Stderr);
    }

    [Fact]
    public void Dump_MissingFile_ExitsTwoNamingTheFile()
    {
        using var temp = new TempFolder();
        var missing = temp.File("missing.dcm");

        var run = Cli.Run("dump", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"imaging: {missing}: no such file", run.Stderr.Trim());
    }
}
