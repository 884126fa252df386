using Imaging.Dicom.Tests.Oracles;

namespace Imaging.Dicom.Tests.Values;

/// <summary>Person Name values (PS3.5 §6.2.1), behaving like pydicom's <c>PersonName</c>.</summary>
public class DicomPersonNameTests
{
    [Fact]
    public void Parse_JapaneseExampleOfPS35_ReadsThreeGroups()
    {
        // PS3.5 §6.2.1.2 / Annex H example.
        var name = DicomPersonName.Parse("Yamada^Tarou=山田^太郎=やまだ^たろう");

        Assert.Equal("Yamada", name.FamilyName);
        Assert.Equal("Tarou", name.GivenName);
        Assert.Equal("Yamada^Tarou", name.Alphabetic.ToString());
        Assert.Equal("山田", name.Ideographic.FamilyName);
        Assert.Equal("太郎", name.Ideographic.GivenName);
        Assert.Equal("やまだ", name.Phonetic.FamilyName);
        Assert.Equal("たろう", name.Phonetic.GivenName);
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", name.ToString());
    }

    [Fact]
    public void Parse_FiveComponentsExampleOfPS35_ReadsEveryComponent()
    {
        // PS3.5 §6.2.1.1 example: Rev. John Robert Quincy Adams, B.A. M.Div.
        var name = DicomPersonName.Parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div.");

        Assert.Equal("Adams", name.FamilyName);
        Assert.Equal("John Robert Quincy", name.GivenName);
        Assert.Equal("", name.MiddleName);
        Assert.Equal("Rev.", name.NamePrefix);
        Assert.Equal("B.A. M.Div.", name.NameSuffix);
        Assert.True(name.Ideographic.IsEmpty);
        Assert.True(name.Phonetic.IsEmpty);
        Assert.Equal("Adams^John Robert Quincy^^Rev.^B.A. M.Div.", name.ToString());
    }

    [Theory]
    [InlineData("Yamada^Tarou")]
    [InlineData("Adams^John Robert Quincy^^Rev.^B.A. M.Div.")]
    [InlineData("Morrison-Jones^Susan^^^Ph.D., Chief Executive Officer")]
    [InlineData("Wang^XiaoDong=王^小東")]
    [InlineData("=山田^太郎")]
    [InlineData("==やまだ^たろう")]
    [InlineData("Hong^Gildong=洪^吉洞=홍^길동")]
    [InlineData("^John")]
    [InlineData("^^^Dr.")]
    [InlineData("Smith")]
    [InlineData("")]
    public void ToString_CanonicalValue_RoundTripsExactly(string text)
    {
        Assert.Equal(text, DicomPersonName.Parse(text).ToString());
    }

    [Theory]
    [InlineData("Yamada^Tarou^^^", "Yamada^Tarou")]
    [InlineData("Yamada^Tarou==", "Yamada^Tarou")]
    [InlineData("Yamada^Tarou=", "Yamada^Tarou")]
    [InlineData("Yamada^Tarou=^^=^", "Yamada^Tarou")]
    [InlineData("=山田^太郎^^=", "=山田^太郎")]
    [InlineData("Smith^John ", "Smith^John")]
    [InlineData(" Smith^John\0", "Smith^John")]
    [InlineData("^", "")]
    [InlineData("==", "")]
    [InlineData("   ", "")]
    public void ToString_NonCanonicalValue_DropsTrailingEmptyComponentsAndGroups(string text, string expected)
    {
        var name = DicomPersonName.Parse(text);
        Assert.Equal(expected, name.ToString());
        Assert.Equal(DicomPersonName.Parse(expected), name);
    }

    [Fact]
    public void Parse_MoreThanFiveComponents_KeepsThemLikePydicom()
    {
        var name = DicomPersonName.Parse("A^B^C^D^E^F^G");

        Assert.Equal("A", name.FamilyName);
        Assert.Equal("E", name.NameSuffix);
        Assert.Equal(new[] { "A", "B", "C", "D", "E", "F", "G" }, name.Alphabetic.Components);
        Assert.Equal("A^B^C^D^E^F^G", name.ToString());
    }

    [Fact]
    public void Parse_MoreThanThreeGroups_KeepsTheRestInThePhoneticGroup()
    {
        var name = DicomPersonName.Parse("a=b=c=d");

        Assert.Equal("a", name.FamilyName);
        Assert.Equal("b", name.Ideographic.FamilyName);
        Assert.Equal("c=d", name.Phonetic.FamilyName);
        Assert.Equal("a=b=c=d", name.ToString());
    }

    [Fact]
    public void Parse_EmptyText_ReturnsEmptyName()
    {
        var name = DicomPersonName.Parse("");
        Assert.True(name.IsEmpty);
        Assert.Equal(DicomPersonName.Empty, name);
        Assert.Equal("", name.FamilyName);
        Assert.Equal("", name.NameSuffix);
        Assert.Empty(name.Alphabetic.Components);
    }

    [Fact]
    public void TryParse_Backslash_ReturnsFalseAndParseThrowsQuotingValue()
    {
        Assert.False(DicomPersonName.TryParse(@"Smith^John\Doe^Jane", out var name));
        Assert.True(name.IsEmpty);
        var ex = Assert.Throws<FormatException>(() => DicomPersonName.Parse(@"Smith^John\Doe^Jane"));
        Assert.Contains(@"'Smith^John\Doe^Jane'", ex.Message);
        Assert.Contains("PN", ex.Message);
    }

    [Fact]
    public void Constructor_FromComponents_WritesCanonicalValue()
    {
        Assert.Equal("Adams^John^Robert^Rev.^B.A.", new DicomPersonName("Adams", "John", "Robert", "Rev.", "B.A.").ToString());
        Assert.Equal("Adams^John", new DicomPersonName("Adams", "John").ToString());
        Assert.Equal("Adams^^^Dr.", new DicomPersonName("Adams", namePrefix: "Dr.").ToString());
        Assert.Equal("^John", new DicomPersonName(null, "John").ToString());
        Assert.Equal("", new DicomPersonName("", "", "", "", "").ToString());
    }

    [Fact]
    public void Constructor_FromGroups_WritesCanonicalValue()
    {
        var name = new DicomPersonName(
            new DicomPersonNameComponentGroup("Yamada", "Tarou"),
            new DicomPersonNameComponentGroup("山田", "太郎"),
            new DicomPersonNameComponentGroup("やまだ", "たろう"));
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", name.ToString());
        Assert.Equal(DicomPersonName.Parse("Yamada^Tarou=山田^太郎=やまだ^たろう"), name);

        Assert.Equal("=山田^太郎", new DicomPersonName(null, new DicomPersonNameComponentGroup("山田", "太郎")).ToString());
        Assert.Equal("Yamada==やまだ", new DicomPersonName(new DicomPersonNameComponentGroup("Yamada"), phonetic: new DicomPersonNameComponentGroup("やまだ")).ToString());
    }

    [Theory]
    [InlineData("Smith^John")]
    [InlineData("Smith=John")]
    [InlineData(@"Smith\John")]
    public void Constructor_ComponentWithDelimiter_Throws(string component)
    {
        Assert.Throws<ArgumentException>(() => new DicomPersonName(component));
        Assert.Throws<ArgumentException>(() => new DicomPersonNameComponentGroup("Smith", nameSuffix: component));
    }

    [Fact]
    public void Equals_SameCanonicalValue_IsTrueAndHashesMatch()
    {
        var a = DicomPersonName.Parse("Smith^John^^^");
        var b = new DicomPersonName("Smith", "John");
        var c = DicomPersonName.Parse("smith^john");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.True(a != c);
        Assert.False(a.Equals(null));
        Assert.True((DicomPersonName?)null == null);
    }

    [Fact]
    public void ComponentGroup_ParseAndEquality_WorkByValue()
    {
        var group = DicomPersonNameComponentGroup.Parse("Adams^John^^^");
        Assert.Equal(new[] { "Adams", "John" }, group.Components);
        Assert.Equal(new DicomPersonNameComponentGroup("Adams", "John"), group);
        Assert.Equal(group.GetHashCode(), new DicomPersonNameComponentGroup("Adams", "John").GetHashCode());
        Assert.NotEqual(DicomPersonNameComponentGroup.Parse("Adams^John^X"), group);
        Assert.True(DicomPersonNameComponentGroup.Parse("^^").IsEmpty);
        Assert.Equal(DicomPersonNameComponentGroup.Empty, DicomPersonNameComponentGroup.Parse(""));
        Assert.Equal("", DicomPersonNameComponentGroup.Empty.FamilyName);
    }

    [Theory]
    [InlineData("Adams^John^Robert^Rev.^B.A. M.Div.", "Rev. Adams, John Robert, B.A. M.Div.")]
    [InlineData("Adams^John", "Adams, John")]
    [InlineData("Adams", "Adams")]
    [InlineData("^John", "John")]
    [InlineData("", "")]
    public void ToDisplayString_Name_FormatsFamilyCommaGiven(string text, string expected)
    {
        Assert.Equal(expected, DicomPersonName.Parse(text).ToDisplayString());
    }

    [Fact]
    public void Parse_AgainstPydicomPersonName_GivesTheSameComponents()
    {
        // pydicom decodes the patient names of its charset test files (PS3.5 Annex H, I, J examples among them) and
        // splits them and a few lenient cases into components; we parse the same text and must agree.
        const string script = """
            import glob, json, sys
            import pydicom
            from pydicom.valuerep import PersonName
            names = [(str(pydicom.dcmread(f).PatientName), True)
                     for f in sorted(glob.glob('/usr/lib/python3/dist-packages/pydicom/data/charset_files/chr*.dcm'))
                     if 'PatientName' in pydicom.dcmread(f)]
            names += [(s, False) for s in ['A^B^C^D^E^F^G', '=山田^太郎', 'a=b=c', 'Yamada^Tarou==', '^^^Dr.^Jr.', 'Smith^John^^^']]
            for text, canonical in names:
                pn = PersonName(text)
                print(json.dumps([text, canonical, pn.family_name, pn.given_name, pn.middle_name, pn.name_prefix,
                                  pn.name_suffix, pn.ideographic, pn.phonetic]))
            """;
        var lines = PythonOracle.Run(script).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 20, $"expected the charset files' names, got {lines.Length} lines");

        foreach (var line in lines)
        {
            var row = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement[]>(line)!;
            string text = row[0].GetString()!;
            var name = DicomPersonName.Parse(text);
            if (row[1].GetBoolean()) Assert.Equal(text, name.ToString());
            Assert.Equal(row[2].GetString(), name.FamilyName);
            Assert.Equal(row[3].GetString(), name.GivenName);
            Assert.Equal(row[4].GetString(), name.MiddleName);
            Assert.Equal(row[5].GetString(), name.NamePrefix);
            Assert.Equal(row[6].GetString(), name.NameSuffix);
            Assert.Equal(DicomPersonNameComponentGroup.Parse(row[7].GetString()), name.Ideographic);
            Assert.Equal(DicomPersonNameComponentGroup.Parse(row[8].GetString()), name.Phonetic);
        }
    }
}
