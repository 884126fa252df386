namespace Imaging.Plugins.Anonymizer.Profile;

/// <summary>
/// One option of the Basic Application Level Confidentiality Profile (PS3.15 E.3): its CLI spelling, its column in
/// Table E.1-1 (the key in confidentiality_profile_attributes.json) and its code in PS3.16 CID 7050.
/// </summary>
/// <param name="Name">As the CLI spells it, e.g. <c>retain-uids</c>.</param>
/// <param name="Column">The JSON key of the Table E.1-1 column, e.g. <c>rtnUIDsOpt</c>.</param>
/// <param name="CodeValue">The DCM code of CID 7050, e.g. <c>113110</c>.</param>
/// <param name="CodeMeaning">Its code meaning.</param>
/// <param name="IsClean">True for the Clean options: they win over Retain options on a row both name (conservative).</param>
internal sealed record ProfileOption(string Name, string Column, string CodeValue, string CodeMeaning, bool IsClean)
{
    /// <summary>PS3.16 CID 7050 code of the basic profile itself.</summary>
    public const string BasicCodeValue = "113100";

    /// <summary>Its code meaning.</summary>
    public const string BasicCodeMeaning = "Basic Application Confidentiality Profile";

    /// <summary>Every option of Table E.1-1, in the order of its columns (PS3.15 E.3.1 – E.3.10; PS3.16 CID 7050).</summary>
    public static IReadOnlyList<ProfileOption> All { get; } =
    [
        new("retain-safe-private", "rtnSafePrivOpt", "113111", "Retain Safe Private Option", false),
        new("retain-uids", "rtnUIDsOpt", "113110", "Retain UIDs Option", false),
        new("retain-device-identity", "rtnDevIdOpt", "113109", "Retain Device Identity Option", false),
        new("retain-institution-identity", "rtnInstIdOpt", "113112", "Retain Institution Identity Option", false),
        new("retain-patient-characteristics", "rtnPatCharsOpt", "113108", "Retain Patient Characteristics Option", false),
        new("retain-long-full-dates", "rtnLongFullDatesOpt", "113106", "Retain Longitudinal Temporal Information Full Dates Option", false),
        new("retain-long-modified-dates", "rtnLongModifDatesOpt", "113107", "Retain Longitudinal Temporal Information Modified Dates Option", false),
        new("clean-descriptors", "cleanDescOpt", "113105", "Clean Descriptors Option", true),
        new("clean-structured-content", "cleanStructContOpt", "113104", "Clean Structured Content Option", true),
        new("clean-graphics", "cleanGraphOpt", "113103", "Clean Graphics Option", true),
    ];

    /// <summary>The option spelled <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ProfileOption? Find(string name) =>
        All.FirstOrDefault(o => string.Equals(o.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
