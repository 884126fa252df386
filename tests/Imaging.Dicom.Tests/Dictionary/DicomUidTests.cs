using System.Numerics;
using System.Text.Json;
using Imaging.Dicom.Tests.Oracles;

namespace Imaging.Dicom.Tests.Dictionary;

public sealed class DicomUidTests
{
    [Fact]
    public void Generate_ManyTimes_GivesValidUniqueUuidDerivedUids()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var uid = DicomUid.Generate();
            Assert.True(DicomUid.IsValid(uid.Value), uid.Value);
            Assert.StartsWith("2.25.", uid.Value);
            Assert.InRange(uid.Value.Length, 6, 44);
            Assert.Equal(DicomUidType.Unknown, uid.Type);
            Assert.True(seen.Add(uid.Value));
            // The integer is a version 4, variant 1 UUID read big-endian (PS3.5 §B.2, RFC 4122 §4.4).
            var n = BigInteger.Parse(uid.Value[5..]);
            Assert.True(n < BigInteger.One << 128);
            Assert.Equal(4, (int)((n >> 76) & 0xF));
            Assert.Equal(2, (int)((n >> 62) & 0x3));
        }
    }

    [Fact]
    public void Generate_MatchesGuidText()
    {
        var uid = DicomUid.Generate();
        var hex = BigInteger.Parse(uid.Value[5..]).ToString("x32").TrimStart('0').PadLeft(32, '0');
        Assert.True(Guid.TryParseExact(hex[^32..], "N", out _));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2", true)]
    [InlineData("0", true)]
    [InlineData("1.0.3", true)]
    [InlineData("2.25.329800735698586629295641978511506172918", true)]
    [InlineData("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.25", false)] // 65 characters
    [InlineData("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.2", true)] // 64 characters
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("1.02.3", false)]
    [InlineData("01.2", false)]
    [InlineData("1..2", false)]
    [InlineData(".1.2", false)]
    [InlineData("1.2.", false)]
    [InlineData("1.2.a", false)]
    [InlineData("1.2.3\0", false)]
    [InlineData("1.2.3 ", false)]
    [InlineData("1,2", false)]
    public void IsValid_Value_FollowsPs35Section91(string? uid, bool valid) =>
        Assert.Equal(valid, DicomUid.IsValid(uid));

    [Fact]
    public void Lookup_KnownSopClass_GivesGeneratedInstance()
    {
        Assert.Same(DicomUid.CTImageStorage, DicomUid.Lookup("1.2.840.10008.5.1.4.1.1.2"));
        Assert.Same(DicomUid.CTImageStorage, DicomUid.Lookup("1.2.840.10008.5.1.4.1.1.2\0"));
        Assert.Equal("CT Image Storage", DicomUid.CTImageStorage.Name);
        Assert.Equal(DicomUidType.SOPClass, DicomUid.CTImageStorage.Type);
        Assert.Equal("1.2.840.10008.5.1.4.1.1.9.1.1", DicomUid.TwelveLeadECGWaveformStorage.Value);
        Assert.Equal("1.2.840.10008.1.3.10", DicomUid.MediaStorageDirectoryStorage.Value);
        Assert.Null(DicomUid.Lookup("1.2.3.4"));
        Assert.Null(DicomUid.Lookup("1.2.840.10008.5.1.4.1.1.2.99"));
    }

    [Fact]
    public void KnownUids_AreEverySopClassOfTheJson()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(StandardTablesLocation.SopsJson));
        var ids = json.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(ids, DicomUid.KnownUids.Select(u => u.Value));
        Assert.All(DicomUid.KnownUids, u => Assert.True(DicomUid.IsValid(u.Value), u.Value));
        var fields = typeof(DicomUid).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DicomUid)).Select(f => (DicomUid)f.GetValue(null)!);
        Assert.Equal(ids.Order(), fields.Select(u => u.Value).Order());
    }

    [Fact]
    public void Equality_ComparesValues()
    {
        var copy = new DicomUid("1.2.840.10008.5.1.4.1.1.2", "", DicomUidType.Unknown);
        Assert.True(copy == DicomUid.CTImageStorage);
        Assert.Equal(DicomUid.CTImageStorage, copy);
        Assert.Equal(DicomUid.CTImageStorage.GetHashCode(), copy.GetHashCode());
        Assert.True(copy != DicomUid.MRImageStorage);
        Assert.False(copy == null);
        Assert.Equal("1.2.840.10008.5.1.4.1.1.2", copy.ToString());
    }

    [Fact]
    public void PydicomOracle_SopClassKeywords_MatchWhereBothKnowTheUid()
    {
        const string script = """
            import json
            from pydicom.uid import UID_dictionary
            print(json.dumps({k: v[4] for k, v in UID_dictionary.items() if v[1] == 'SOP Class'}))
            """;
        var pydicom = JsonSerializer.Deserialize<Dictionary<string, string>>(PythonOracle.Run(script))!;
        var fields = typeof(DicomUid).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DicomUid)).ToDictionary(f => ((DicomUid)f.GetValue(null)!).Value, f => f.Name);
        var differences = fields.Where(f => pydicom.TryGetValue(f.Key, out var k) && k != f.Value)
            .Select(f => $"{f.Key}: ours {f.Value}, pydicom {pydicom[f.Key]}").ToList();
        Assert.True(fields.Keys.Count(pydicom.ContainsKey) > 150);
        // pydicom's keywords come from PS3.6's keyword column; ours from the name. They differ only where the
        // standard's keyword is not the name in PascalCase; those are listed here so a change is noticed.
        Assert.Equal(KnownKeywordDifferences, differences.Order(StringComparer.Ordinal));
    }

    private static readonly string[] KnownKeywordDifferences =
    [
        "1.2.840.10008.5.1.4.1.1.77.1.5.8: ours OphthalmicOpticalCoherenceTomographyBScanVolumeAnalysisStorage, pydicom OphthalmicOpticalCoherenceTomographyBscanVolumeAnalysisStorage",
        "1.2.840.10008.5.1.4.1.1.79.1: ours MacularGridThicknessAndVolumeReport, pydicom MacularGridThicknessAndVolumeReportStorage",
        "1.2.840.10008.5.1.4.1.1.9.6.2: ours MultiChannelRespiratoryWaveformStorage, pydicom MultichannelRespiratoryWaveformStorage",
    ];
}
