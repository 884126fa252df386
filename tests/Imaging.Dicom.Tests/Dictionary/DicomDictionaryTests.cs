using System.Text.Json;
using Imaging.Dicom.Tests.Oracles;
using Xunit.Abstractions;

namespace Imaging.Dicom.Tests.Dictionary;

public sealed class DicomDictionaryTests(ITestOutputHelper output)
{
    private static readonly DicomDictionary Standard = DicomDictionary.Standard;

    [Fact]
    public void Lookup_PatientName_GivesPN()
    {
        var entry = Standard.Lookup(new DicomTag(0x0010, 0x0010));
        Assert.NotNull(entry);
        Assert.Equal("PatientName", entry.Keyword);
        Assert.Equal("Patient's Name", entry.Name);
        Assert.Same(DicomVR.PN, entry.DefaultVR);
        Assert.Equal("1", entry.ValueMultiplicity);
        Assert.False(entry.IsRetired);
        Assert.Null(entry.PrivateCreator);
    }

    [Fact]
    public void GeneratedTag_Keywords_HaveStandardValues()
    {
        Assert.Equal(new DicomTag(0x0010, 0x0010), DicomTag.PatientName);
        Assert.Equal(new DicomTag(0x7FE0, 0x0010), DicomTag.PixelData);
        Assert.Equal(new DicomTag(0x6000, 0x3000), DicomTag.OverlayData);
        Assert.Equal(new DicomTag(0x1000, 0x0001), DicomTag.RunLengthTriplet);
        Assert.Equal(new DicomTag(0xFFFE, 0xE000), DicomTag.Item);
    }

    [Fact]
    public void Lookup_OverlayDataInGroup6002_GivesRepeatingEntry()
    {
        var entry = Standard.Lookup(new DicomTag(0x6002, 0x3000));
        Assert.NotNull(entry);
        Assert.Equal("OverlayData", entry.Keyword);
        Assert.Equal(DicomTag.OverlayData, entry.Tag);
        Assert.Equal(0xFF01FFFFu, entry.Mask);
        Assert.Equal([DicomVR.OB, DicomVR.OW], entry.ValueRepresentations);
        Assert.Equal("(60xx,3000) OB/OW OverlayData", entry.ToString());
    }

    [Fact]
    public void Lookup_OddRepeatingGroup_IsPrivateNotOverlay() =>
        Assert.Null(Standard.Lookup(new DicomTag(0x6001, 0x3000)));

    [Theory]
    [InlineData(0x0028, 0x0410, "RowsForNthOrderCoefficients")]
    [InlineData(0x0028, 0x04F1, "ColumnsForNthOrderCoefficients")]
    [InlineData(0x0028, 0x0400, "TransformLabel")]
    [InlineData(0x0028, 0x0830, "CodeLabel")]
    [InlineData(0x1000, 0x0011, "RunLengthTriplet")]
    [InlineData(0x1000, 0x1230, "EscapeTriplet")]
    [InlineData(0x1010, 0x1234, "ZonalMap")]
    [InlineData(0x0020, 0x3105, "SourceImageIDs")]
    [InlineData(0x50F0, 0x3000, "CurveData")]
    [InlineData(0x7F02, 0x0010, "VariablePixelData")]
    [InlineData(0x7FE0, 0x0010, "PixelData")]
    public void Lookup_RepeatingOrExactTag_GivesMostSpecificEntry(int group, int element, string keyword) =>
        Assert.Equal(keyword, Standard.Lookup(new DicomTag((ushort)group, (ushort)element))?.Keyword);

    [Theory]
    [InlineData(0x0008)]
    [InlineData(0x1000)]
    [InlineData(0x1010)]
    [InlineData(0x6000)]
    [InlineData(0x0029)]
    public void Lookup_GroupLength_GivesUL(int group)
    {
        var entry = Standard.Lookup(new DicomTag((ushort)group, 0x0000));
        Assert.NotNull(entry);
        Assert.Equal("GroupLength", entry.Keyword);
        Assert.Same(DicomVR.UL, entry.DefaultVR);
    }

    [Fact]
    public void Lookup_FileMetaGroupLength_GivesItsOwnEntry() =>
        Assert.Equal("FileMetaInformationGroupLength", Standard.Lookup(new DicomTag(0x0002, 0x0000))?.Keyword);

    [Theory]
    [InlineData(0x0029, 0x0010)]
    [InlineData(0x0009, 0x00FF)]
    public void Lookup_PrivateCreatorElement_GivesLO(int group, int element)
    {
        var entry = Standard.Lookup(new DicomTag((ushort)group, (ushort)element));
        Assert.NotNull(entry);
        Assert.Equal("PrivateCreator", entry.Keyword);
        Assert.Same(DicomVR.LO, entry.DefaultVR);
    }

    [Theory]
    [InlineData(0x0029, 0x0009)]
    [InlineData(0x0029, 0x1010)]
    [InlineData(0x0009, 0x1010)]
    [InlineData(0x0011, 0x0100)]
    public void Lookup_UnknownOrPrivateWithoutCreator_GivesNull(int group, int element) =>
        Assert.Null(Standard.Lookup(new DicomTag((ushort)group, (ushort)element)));

    [Fact]
    public void Lookup_NonPrivateElement0010_IsNotPrivateCreator() =>
        Assert.Equal("RecognitionCode", Standard.Lookup(new DicomTag(0x0008, 0x0010))?.Keyword);

    [Fact]
    public void Lookup_Item_HasNoVrAndDefaultsToUN()
    {
        var entry = Standard.Lookup(DicomTag.Item)!;
        Assert.Empty(entry.ValueRepresentations);
        Assert.Same(DicomVR.UN, entry.DefaultVR);
    }

    [Fact]
    public void Lookup_UsOrSs_DefaultsToFirst()
    {
        var entry = Standard.Lookup("SmallestImagePixelValue")!;
        Assert.Equal([DicomVR.US, DicomVR.SS], entry.ValueRepresentations);
        Assert.Same(DicomVR.US, entry.DefaultVR);
    }

    [Fact]
    public void LookupKeyword_RetiredAttribute_IsRetired()
    {
        var entry = Standard.Lookup("LengthToEnd");
        Assert.NotNull(entry);
        Assert.True(entry.IsRetired);
        Assert.Equal(new DicomTag(0x0008, 0x0001), entry.Tag);
    }

    [Fact]
    public void TryGetTag_Keyword_GivesTag()
    {
        Assert.True(Standard.TryGetTag("PatientID", out var tag));
        Assert.Equal(new DicomTag(0x0010, 0x0020), tag);
        Assert.True(Standard.TryGetTag("OverlayData", out tag));
        Assert.Equal(new DicomTag(0x6000, 0x3000), tag);
        Assert.False(Standard.TryGetTag("patientname", out _));
        Assert.False(Standard.TryGetTag("NoSuchKeyword", out _));
    }

    [Fact]
    public void Standard_IsOneImmutableInstance()
    {
        var instances = new DicomDictionary[16];
        Parallel.For(0, instances.Length, i => instances[i] = DicomDictionary.Standard);
        Assert.All(instances, d => Assert.Same(Standard, d));
        Assert.True(Standard.IsReadOnly);
        var entry = new DicomDictionaryEntry(new DicomTag(0x0040, 0xFFF1), "X", "X", [DicomVR.LO], "1");
        Assert.Throws<InvalidOperationException>(() => Standard.Add(entry));
        Assert.Null(Standard.Lookup(new DicomTag(0x0040, 0xFFF1)));
        Assert.Throws<NotSupportedException>(() => ((ICollection<DicomDictionaryEntry>)Standard.Entries).Add(entry));
        Assert.Throws<NotSupportedException>(() => ((IList<DicomVR>)Standard.Lookup(DicomTag.PatientName)!.ValueRepresentations)[0] = DicomVR.LO);
    }

    [Fact]
    public void Standard_EntryCount_EqualsKeywordedAttributesInJson()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(StandardTablesLocation.AttributesJson));
        var keyworded = json.RootElement.EnumerateArray().Count(a => a.GetProperty("keyword").GetString() is { Length: > 0 });
        Assert.Equal(5123, keyworded);
        Assert.Equal(keyworded, Standard.Entries.Count());
        var members = typeof(DicomTag).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Count(p => p.PropertyType == typeof(DicomTag));
        Assert.Equal(keyworded, members);
    }

    [Fact]
    public void Standard_EveryJsonAttribute_MatchesItsEntry()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(StandardTablesLocation.AttributesJson));
        foreach (var a in json.RootElement.EnumerateArray())
        {
            var keyword = a.GetProperty("keyword").GetString()!;
            if (keyword.Length == 0) continue;
            var tagText = a.GetProperty("tag").GetString()!;
            var lowest = DicomTag.Parse(tagText.Replace('x', '0').Replace('X', '0'));
            var entry = Standard.Lookup(keyword);
            Assert.NotNull(entry);
            Assert.Equal(lowest, entry.Tag);
            Assert.Equal(a.GetProperty("name").GetString(), entry.Name);
            Assert.Equal(a.GetProperty("valueMultiplicity").GetString(), entry.ValueMultiplicity);
            Assert.Equal(a.GetProperty("retired").GetString() == "Y", entry.IsRetired);
            var vr = a.GetProperty("valueRepresentation").GetString()!;
            var expectedVrs = vr.Length == 0 || vr.StartsWith("See Note", StringComparison.Ordinal) ? "" : vr;
            Assert.Equal(expectedVrs, string.Join(" or ", entry.ValueRepresentations));
            // Every instance of a repeating tag (X replaced by a non-zero digit) finds the entry too.
            var instance = DicomTag.Parse(tagText.Replace('x', '2').Replace('X', '2'));
            if (instance != lowest && Standard.Lookup(instance) is { } found && found != entry)
                Assert.Fail($"{tagText} instance {instance} found {found}");
        }
    }

    [Fact]
    public void Lookup_Warm_AllocatesNothing()
    {
        DicomTag[] tags =
        [
            DicomTag.PatientName, new(0x6002, 0x3000), new(0x0029, 0x0010), new(0x0029, 0x1010), new(0x0008, 0x0000), new(0x0011, 0x0100),
        ];
        var user = new DicomDictionary(Standard);
        user.Add(new DicomDictionaryEntry(new DicomTag(0x0029, 0x1010), "Private", "Private", [DicomVR.OB], "1", privateCreator: "ACME"));
        foreach (var t in tags) { Standard.Lookup(t); user.Lookup(t, "ACME "); }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var t in tags)
            {
                Standard.Lookup(t);
                user.Lookup(t, "ACME ");
            }
        }
        // 12,000 lookups: any per-lookup allocation would be at least 288,000 bytes; the slack is for the runtime
        // itself (tiered JIT can allocate on this thread while it swaps in optimized code).
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1024, $"{allocated} bytes allocated by 12,000 lookups");
    }

    [Fact]
    public void CreateStandard_Warm_TakesAFewMilliseconds()
    {
        DicomDictionary.CreateStandard();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var dictionary = DicomDictionary.CreateStandard();
            stopwatch.Stop();
            Assert.Equal(StandardDictionaryData.Count, dictionary.Entries.Count());
            if (stopwatch.Elapsed < best) best = stopwatch.Elapsed;
        }
        output.WriteLine($"Standard dictionary construction, best of 5 warm runs: {best.TotalMilliseconds:F2} ms");
        // Typically 1-2 ms; the bound only catches an accidental order-of-magnitude regression on a loaded machine.
        Assert.True(best < TimeSpan.FromMilliseconds(250), $"{best.TotalMilliseconds} ms");
    }

    [Fact]
    public void PydicomOracle_KeywordsInBoth_HaveSameTags()
    {
        const string script = """
            import json
            from pydicom.datadict import DicomDictionary
            print(json.dumps({v[4]: k for k, v in DicomDictionary.items() if v[4]}))
            """;
        var pydicom = JsonSerializer.Deserialize<Dictionary<string, uint>>(PythonOracle.Run(script))!;
        var compared = 0;
        foreach (var (keyword, tag) in pydicom)
        {
            if (Standard.Lookup(keyword) is not { } entry) continue;
            compared++;
            Assert.True(entry.Tag.Value == tag, $"{keyword}: ours {entry.Tag}, pydicom {new DicomTag(tag)}");
        }
        Assert.True(compared > 4500, $"only {compared} keywords compared");
    }
}
