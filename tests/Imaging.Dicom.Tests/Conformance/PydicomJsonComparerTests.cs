using System.Text.Json;

namespace Imaging.Dicom.Tests.Conformance;

/// <summary>The comparer normalises only representation and reports everything else (a comparer that saw no difference would make the conformance suite vacuous).</summary>
public class PydicomJsonComparerTests
{
    private static List<string> Compare(string pydicom, string ours, bool bigEndian = false, Dictionary<string, string>? errors = null)
    {
        using var p = JsonDocument.Parse(pydicom);
        using var o = JsonDocument.Parse(ours);
        return PydicomJsonComparer.Compare(p.RootElement, o.RootElement, errors ?? [], bigEndian);
    }

    [Theory]
    [InlineData("""{"00100000":{"vr":"UL","Value":[8]},"00100020":{"vr":"LO","Value":["A"]}}""", """{"00100020":{"vr":"LO","Value":["A"]}}""")]
    [InlineData("""{"00081140":{"vr":"SQ","Value":[]}}""", """{"00081140":{"vr":"SQ"}}""")]
    [InlineData("""{"00080008":{"vr":"CS","Value":["DERIVED ","","X"]}}""", """{"00080008":{"vr":"CS","Value":["DERIVED",null,"X"]}}""")]
    [InlineData("""{"00100010":{"vr":"PN","Value":[{"Alphabetic":"A","Ideographic":""},{"Alphabetic":""}]}}""", """{"00100010":{"vr":"PN","Value":[{"Alphabetic":"A"},null]}}""")]
    [InlineData("""{"00280030":{"vr":"DS","Value":[1.0,0.5]}}""", """{"00280030":{"vr":"DS","Value":[1,0.50]}}""")]
    [InlineData("""{"00189219":{"vr":"FL","Value":[0.10000000149011612,{"__float__":"nan"},{"__float__":"-inf"}]}}""", """{"00189219":{"vr":"FL","Value":[0.1,"NaN","-Infinity"]}}""")]
    public void Compare_RepresentationDifferences_AreNotReported(string pydicom, string ours)
    {
        Assert.Empty(Compare(pydicom, ours));
    }

    [Fact]
    public void Compare_BigEndianWordsSwapped_AreNotReported()
    {
        Assert.Empty(Compare("""{"7FE00010":{"vr":"OW","InlineBinary":"AQI="}}""", """{"7FE00010":{"vr":"OW","InlineBinary":"AgE="}}""", bigEndian: true));
        Assert.Single(Compare("""{"7FE00010":{"vr":"OW","InlineBinary":"AQI="}}""", """{"7FE00010":{"vr":"OW","InlineBinary":"AgE="}}"""));
    }

    [Theory]
    [InlineData("""{"00100020":{"vr":"LO","Value":["A"]}}""", """{"00100020":{"vr":"LO","Value":["B"]}}""")]
    [InlineData("""{"00100020":{"vr":"LO","Value":["A"]}}""", """{"00100020":{"vr":"SH","Value":["A"]}}""")]
    [InlineData("""{"00100020":{"vr":"LO","Value":["A"]}}""", """{}""")]
    [InlineData("""{}""", """{"00100020":{"vr":"LO","Value":["A"]}}""")]
    [InlineData("""{"00100020":{"vr":"LO","Value":[" A"]}}""", """{"00100020":{"vr":"LO","Value":["A"]}}""")]
    [InlineData("""{"00280030":{"vr":"DS","Value":[1.5]}}""", """{"00280030":{"vr":"DS","Value":[1.25]}}""")]
    [InlineData("""{"00280030":{"vr":"DS","Value":[1.5,2]}}""", """{"00280030":{"vr":"DS","Value":[1.5]}}""")]
    [InlineData("""{"00189219":{"vr":"FD","Value":[0.10000000149011612]}}""", """{"00189219":{"vr":"FD","Value":[0.1]}}""")]
    [InlineData("""{"00100010":{"vr":"PN","Value":[{"Alphabetic":"A","Ideographic":"B"}]}}""", """{"00100010":{"vr":"PN","Value":[{"Alphabetic":"A"}]}}""")]
    [InlineData("""{"7FE00010":{"vr":"OB","InlineBinary":"AQI="}}""", """{"7FE00010":{"vr":"OB","InlineBinary":"AQM="}}""")]
    [InlineData("""{"00081140":{"vr":"SQ","Value":[{"00100020":{"vr":"LO","Value":["A"]}}]}}""", """{"00081140":{"vr":"SQ","Value":[{}]}}""")]
    public void Compare_RealDifferences_AreReported(string pydicom, string ours)
    {
        Assert.NotEmpty(Compare(pydicom, ours));
    }

    [Fact]
    public void Compare_ElementPydicomCouldNotConvert_OnlyNeedsToBePresent()
    {
        var errors = new Dictionary<string, string> { ["00280008"] = "ValueError: invalid literal for int() with base 10: '1A'" };
        Assert.Empty(Compare("{}", """{"00280008":{"vr":"IS","Value":["1A"]}}""", errors: errors));
        Assert.Single(Compare("{}", "{}", errors: errors));
    }
}
