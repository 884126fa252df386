namespace Imaging.Dicom.Tests.Dictionary;

public sealed class UserDictionaryTests : IDisposable
{
    private readonly List<string> _tempFiles = [];

    public void Dispose()
    {
        foreach (var f in _tempFiles) File.Delete(f);
    }

    [Fact]
    public void Add_OverrideOfStandardTag_WinsHereAndLeavesStandardAlone()
    {
        var user = new DicomDictionary(DicomDictionary.Standard);
        user.Add(new DicomDictionaryEntry(DicomTag.PatientName, "PatientName", "Patient Name As LO", [DicomVR.LO], "1"));
        Assert.Same(DicomVR.LO, user.Lookup(DicomTag.PatientName)!.DefaultVR);
        Assert.Same(DicomVR.LO, user.Lookup("PatientName")!.DefaultVR);
        Assert.Same(DicomVR.PN, DicomDictionary.Standard.Lookup(DicomTag.PatientName)!.DefaultVR);
        Assert.Equal("PatientID", user.Lookup(new DicomTag(0x0010, 0x0020))!.Keyword);
        Assert.Equal(DicomDictionary.Standard.Entries.Count(), user.Entries.Count());
        Assert.Single(user.Entries, e => e.Keyword == "PatientName");
    }

    [Fact]
    public void Add_NewPublicTag_IsFoundByTagAndKeyword()
    {
        var user = new DicomDictionary(DicomDictionary.Standard);
        user.Add(new DicomDictionaryEntry(new DicomTag(0x0009, 0x0002), "", "unused", [DicomVR.UN], "1"));
        user.Add(new DicomDictionaryEntry(new DicomTag(0x0040, 0xFFF0), "MyAttribute", "My Attribute", [DicomVR.SH], "1-n"));
        Assert.True(user.TryGetTag("MyAttribute", out var tag));
        Assert.Equal(new DicomTag(0x0040, 0xFFF0), tag);
        Assert.Equal(DicomDictionary.Standard.Entries.Count() + 2, user.Entries.Count());
        Assert.False(DicomDictionary.Standard.TryGetTag("MyAttribute", out _));
    }

    [Fact]
    public void Add_SameTagTwice_Throws()
    {
        var user = new DicomDictionary();
        user.Add(new DicomDictionaryEntry(new DicomTag(0x0040, 0xFFF0), "A", "A", [DicomVR.SH], "1"));
        Assert.Throws<ArgumentException>(() => user.Add(new DicomDictionaryEntry(new DicomTag(0x0040, 0xFFF0), "B", "B", [DicomVR.SH], "1")));
        Assert.Throws<ArgumentException>(() => user.Add(new DicomDictionaryEntry(new DicomTag(0x0040, 0xFFF1), "A", "A", [DicomVR.SH], "1")));
        Assert.Single(user.Entries);
    }

    [Fact]
    public void Lookup_StandaloneDictionary_KnowsOnlyItsEntriesAndGenericOnes()
    {
        var user = new DicomDictionary();
        Assert.Null(user.Lookup(DicomTag.PatientName));
        Assert.Equal("GroupLength", user.Lookup(new DicomTag(0x0010, 0x0000))?.Keyword);
        Assert.Equal("PrivateCreator", user.Lookup(new DicomTag(0x0011, 0x0010))?.Keyword);
        Assert.Empty(user.Entries);
    }

    [Fact]
    public void Add_RepeatingEntry_MatchesEveryInstance()
    {
        var user = new DicomDictionary(DicomDictionary.Standard);
        user.Add(new DicomDictionaryEntry(new DicomTag(0x0041, 0x1234), "Mine", "Mine", [DicomVR.LO], "1", mask: 0xFFFFFF00));
        var entry = user.Lookup(new DicomTag(0x0041, 0x12AB));
        Assert.Equal(new DicomTag(0x0041, 0x1200), entry!.Tag);
        Assert.True(entry.Matches(new DicomTag(0x0041, 0x12FF)));
        Assert.False(entry.Matches(new DicomTag(0x0041, 0x1300)));
    }

    [Fact]
    public void Lookup_PrivateElement_MatchesCreatorGroupAndLowByteInAnyBlock()
    {
        var user = new DicomDictionary(DicomDictionary.Standard);
        user.Add(new DicomDictionaryEntry(new DicomTag(0x0019, 0x100C), "BValue", "B Value", [DicomVR.IS], "1", privateCreator: "SIEMENS MR HEADER"));
        Assert.Equal("BValue", user.Lookup(new DicomTag(0x0019, 0x100C), "SIEMENS MR HEADER")?.Keyword);
        Assert.Equal("BValue", user.Lookup(new DicomTag(0x0019, 0x110C), "SIEMENS MR HEADER")?.Keyword);
        Assert.Equal("BValue", user.Lookup(new DicomTag(0x0019, 0x100C), "SIEMENS MR HEADER \0")?.Keyword);
        Assert.Null(user.Lookup(new DicomTag(0x0019, 0x100C), "GEMS_ACQU_01"));
        Assert.Null(user.Lookup(new DicomTag(0x0019, 0x100C)));
        Assert.Null(user.Lookup(new DicomTag(0x0019, 0x100D), "SIEMENS MR HEADER"));
        Assert.Null(user.Lookup(new DicomTag(0x0021, 0x100C), "SIEMENS MR HEADER"));
        Assert.Null(user.Lookup("BValue"));
        Assert.Equal("PrivateCreator", user.Lookup(new DicomTag(0x0019, 0x0010), "SIEMENS MR HEADER")?.Keyword);
    }

    [Fact]
    public void EntryConstructor_CreatorOnPublicTag_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DicomDictionaryEntry(new DicomTag(0x0010, 0x1010), "K", "N", [DicomVR.LO], "1", privateCreator: "ACME"));
        Assert.Throws<ArgumentException>(() => new DicomDictionaryEntry(new DicomTag(0x0011, 0x1010), "K", "N", [DicomVR.LO], "1", privateCreator: "  "));
    }

    [Fact]
    public void LoadPrivate_TabSeparatedFile_AddsEntriesByCreator()
    {
        var path = WriteTemp(
            "# tag\tVR\tVM\tkeyword\tname\tcreator\n" +
            "\n" +
            "(0019,xx0C)\tIS\t1\tBValue\tB Value\tSIEMENS MR HEADER\n" +
            "(0029,xx10)\tOB\t1\tCsaImageHeaderInfo\tCSA Image Header Info\tSIEMENS CSA HEADER\n" +
            "(0043,XX27)\tUS or SS\t1-n\tScanPitchRatio\tScan Pitch Ratio\tGEMS_PARM_01 \n" +
            "(7001,1001)\tUS/SS\t2-2n\t\tNo keyword\tACME 1.0\n" +
            "(0041,10xx)\tLO\t1\tAcmePublic\tAcme Public\n");
        var dictionary = DicomDictionary.LoadPrivate(path);
        Assert.Same(DicomDictionary.Standard, dictionary.Parent);
        Assert.Equal("BValue", dictionary.Lookup(new DicomTag(0x0019, 0x100C), "SIEMENS MR HEADER")?.Keyword);
        Assert.Equal("CsaImageHeaderInfo", dictionary.Lookup(new DicomTag(0x0029, 0x1110), "SIEMENS CSA HEADER")?.Keyword);
        var ratio = dictionary.Lookup(new DicomTag(0x0043, 0x1027), "GEMS_PARM_01")!;
        Assert.Equal([DicomVR.US, DicomVR.SS], ratio.ValueRepresentations);
        Assert.Equal("1-n", ratio.ValueMultiplicity);
        Assert.Equal("GEMS_PARM_01", ratio.PrivateCreator);
        Assert.Equal(new DicomTag(0x0043, 0x0027), ratio.Tag);
        Assert.Equal("(0043,xx27) US/SS ScanPitchRatio [GEMS_PARM_01]", ratio.ToString());
        Assert.Equal("No keyword", dictionary.Lookup(new DicomTag(0x7001, 0x1201), "ACME 1.0")?.Name);
        Assert.Equal("AcmePublic", dictionary.Lookup(new DicomTag(0x0041, 0x10AB))?.Keyword);
        Assert.Equal("PatientName", dictionary.Lookup(DicomTag.PatientName)?.Keyword);
        Assert.Equal(5, dictionary.Entries.Count() - DicomDictionary.Standard.Entries.Count());
    }

    [Theory]
    [InlineData("(0019,xx0C)\tIS\t1\tBValue", "expected 5 or 6 tab-separated columns")]
    [InlineData("(0019,xx0C)\tXY\t1\tBValue\tB Value\tSIEMENS", "'XY' is not a value representation")]
    [InlineData("(0018,xx0C)\tIS\t1\tBValue\tB Value\tSIEMENS", "group is not private")]
    [InlineData("(0019,xxxC)\tIS\t1\tBValue\tB Value\tSIEMENS", "needs a hex group and element low byte")]
    [InlineData("0019,xx0C\tIS\t1\tBValue\tB Value\tSIEMENS", "is not (gggg,eeee)")]
    [InlineData("(0019,xx0C)\tIS\tone\tBValue\tB Value\tSIEMENS", "'one' is not a value multiplicity")]
    [InlineData("(0019,xx0C)\tIS\t1\tB Value\tB Value\tSIEMENS", "is not an identifier")]
    public void LoadPrivate_BadLine_ThrowsNamingFileAndLine(string badLine, string problem)
    {
        var path = WriteTemp("# header\n(0019,xx0D)\tIS\t1\tOk\tOk\tSIEMENS\n" + badLine + "\n");
        var e = Assert.Throws<DicomFormatException>(() => DicomDictionary.LoadPrivate(path));
        Assert.StartsWith($"{path}: line 3: ", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void LoadPrivate_DuplicateElement_ThrowsNamingLine()
    {
        var path = WriteTemp("(0019,xx0C)\tIS\t1\tA\tA\tSIEMENS\n(0019,100C)\tIS\t1\tB\tB\tSIEMENS\n");
        var e = Assert.Throws<DicomFormatException>(() => DicomDictionary.LoadPrivate(path, new DicomDictionary()));
        Assert.StartsWith($"{path}: line 2: ", e.Message);
    }

    private string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"private-dict-{Guid.NewGuid():N}.tsv");
        _tempFiles.Add(path);
        File.WriteAllText(path, text);
        return path;
    }
}
