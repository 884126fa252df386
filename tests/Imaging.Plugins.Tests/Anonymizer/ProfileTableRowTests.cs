using Imaging.Dicom;
using Imaging.Plugins.Anonymizer;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Anonymizer;

/// <summary>
/// One test per row of PS3.15 Table E.1-1 (621) under the basic profile, and one per filled option cell under that
/// option: the attribute, at the top level and nested in a sequence item, shows the effect its action code allows.
/// Combined codes (X/Z, X/D, X/Z/D, Z/D, X/Z/U*) accept any of their components; which one is taken depends on the
/// IOD Type (see IodResolutionTests).
/// </summary>
public sealed class ProfileTableRowTests
{
    private static readonly Ps315Anonymizer Anonymizer = new();

    [Theory]
    [MemberData(nameof(ProfileRows.Rows), MemberType = typeof(ProfileRows))]
    public async Task AnonymizeAsync_BasicProfileRow_AppliesRowAction(int index, string label)
    {
        var row = ProfileRows.All[index];
        var c = RowCase.For(row);
        var result = await Anonymize(c, []);
        RowAssert.Effect(c, result.Dataset, row.Basic, label, dateShift: null);
        RowAssert.Effect(c, result.Dataset.GetSequence(RowCase.Wrapper)[0], row.Basic, label + " (nested)", dateShift: null);
    }

    [Theory]
    [MemberData(nameof(ProfileRows.OptionCells), MemberType = typeof(ProfileRows))]
    public async Task AnonymizeAsync_OptionCell_AppliesOptionAction(int index, string column, string label)
    {
        var row = ProfileRows.All[index];
        var option = ProfileRows.OptionColumns[column];
        var c = RowCase.For(row, safePrivate: option == "retain-safe-private");
        int? shift = option == "retain-long-modified-dates" ? -10 : null;
        var result = await Anonymize(c, [option], shift);
        var code = row.Options[column];
        RowAssert.Effect(c, result.Dataset, code, $"{label} with {option}", shift);
        RowAssert.Effect(c, result.Dataset.GetSequence(RowCase.Wrapper)[0], code, $"{label} with {option} (nested)", shift);
    }

    private static Task<AnonymizationResult> Anonymize(RowCase c, string[] options, int? shift = null)
    {
        var settings = new Dictionary<string, string> { ["secret"] = RowCase.SecretHex };
        if (shift is { } s) settings["date-shift-days"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Anonymizer.AnonymizeAsync(c.Build(), new AnonymizationRequest("basic") { Options = options, Settings = settings });
    }
}
