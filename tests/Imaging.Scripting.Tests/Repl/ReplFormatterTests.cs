using Imaging.Dicom;
using Imaging.Scripting.Repl;
using Imaging.Sdk.Testing;

namespace Imaging.Scripting.Tests.Repl;

/// <summary>How values print: collections cut after 20 items, series as rows, exceptions, strings, data sets.</summary>
public sealed class ReplFormatterTests
{
    private static string[] Print(object? value)
    {
        var output = new StringWriter { NewLine = "\n" };
        ReplFormatter.Write(value, output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Write_ShortList_OneLineWithCount()
    {
        Assert.Equal(["List<int>(3) { 1, 2, 3 }"], Print(new List<int> { 1, 2, 3 }));
    }

    [Fact]
    public void Write_LongList_FirstTwentyThenMore()
    {
        var lines = Print(Enumerable.Range(0, 25).Select(i => $"item number {i}").ToList());

        Assert.Equal("List<string>(25)", lines[0]);
        Assert.Equal(22, lines.Length);
        Assert.Equal("  [19] \"item number 19\"", lines[20]);
        Assert.Equal("  … 5 more", lines[21]);
    }

    [Fact]
    public void Write_LazySequence_StopsAfterTwenty()
    {
        var lines = Print(Enumerable.Range(0, int.MaxValue).Where(i => i >= 0));

        Assert.Equal("IEnumerable<int> { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, … }", Assert.Single(lines));
    }

    [Fact]
    public void Write_Exception_TypeAndMessage()
    {
        Assert.Equal(["System.IO.FileNotFoundException: gone"], Print(new FileNotFoundException("gone")));
    }

    [Fact]
    public void Write_StringAndNullAndChar_AreLiterals()
    {
        Assert.Equal(["\"a\\tb\""], Print("a\tb"));
        Assert.Equal(["null"], Print(null));
        Assert.Equal(["'x'"], Print('x'));
    }

    [Fact]
    public void Write_Double_UsesInvariantCulture()
    {
        Assert.Equal(["1.5"], Print(1.5));
    }

    [Fact]
    public void Write_UnawaitedTask_SaysToAwait()
    {
        var line = Assert.Single(Print(Task.FromResult(1)));

        Assert.StartsWith("Task<int> (RanToCompletion;", line);
        Assert.Contains("await", line);
    }

    [Fact]
    public void Write_DicomTag_ShowsKeyword()
    {
        Assert.Equal(["(0010,0010) PatientName"], Print(DicomTag.PatientName));
    }

    [Fact]
    public void Write_ManySeries_TwentyRowsThenMore()
    {
        var files = SyntheticStudy.Series("CT", new SyntheticStudyOptions { CtSlices = 1, Size = 8 }).Select(ds => new DicomFile(ds)).ToList();
        var series = Enumerable.Range(0, 23).Select(i => new DicomSeries($"1.2.3.{i}", files)).ToList();

        var lines = Print(series);

        Assert.Equal(22, lines.Length);
        Assert.Matches(@"^\s*#\s+Patient\s+Modality", lines[0]);
        Assert.Matches(@"^20\s+SYN0001\s+CT\s", lines[20]);
        Assert.Equal("… 3 more", lines[21]);
    }

    [Fact]
    public void Write_DatasetWithSequence_IndentsItems()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.PatientName, "DOE^JANE");
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTag.CodeValue, "C1");
        ds.Add(new DicomSequence(DicomTag.ProcedureCodeSequence, item));

        var lines = Print(ds);

        Assert.Equal("DicomDataset, 2 elements", lines[0]);
        Assert.Matches(@"^\(0008,1032\)\s+SQ\s+ProcedureCodeSequence\s+\(1 item\)$", lines[2]);
        Assert.Matches(@"^  \(fffe,e000\)\s+na\s+  Item #1\s+\(1 element\)$", lines[3]);
        Assert.Matches(@"^    \(0008,0100\)\s+SH\s+    CodeValue\s+\[C1\]$", lines[4]);
        Assert.Matches(@"^\(0010,0010\)\s+PN\s+PatientName\s+\[DOE\^JANE\]$", lines[5]);
    }

    [Fact]
    public void TypeName_HiddenImplementation_ShowsPublicInterface()
    {
        IReadOnlyList<int> list = [1, 2];

        Assert.Equal("IReadOnlyList<int>", ReplFormatter.TypeName(list.GetType()));
        Assert.Equal("Dictionary<string, int[]>", ReplFormatter.TypeName(typeof(Dictionary<string, int[]>)));
    }
}
