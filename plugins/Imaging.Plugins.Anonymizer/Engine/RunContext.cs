using Imaging.Plugins.Anonymizer.Iod;
using Imaging.Plugins.Anonymizer.Privacy;
using Imaging.Plugins.Anonymizer.Profile;
using Imaging.Plugins.Anonymizer.Pseudonyms;

namespace Imaging.Plugins.Anonymizer.Engine;

/// <summary>Everything one de-identification of one data set needs, fixed before it starts.</summary>
/// <param name="Table">PS3.15 Table E.1-1.</param>
/// <param name="Iods">SOP Class → IOD → attribute Types.</param>
/// <param name="Resolver">Options applied to rows.</param>
/// <param name="Options">The options requested.</param>
/// <param name="Hash">The keyed hash of the run's secret.</param>
/// <param name="Uids">UID replacement.</param>
/// <param name="Patients">Patient ID pseudonyms.</param>
/// <param name="Dates">The date shift, or null when dates are not shifted.</param>
/// <param name="SafePrivate">The safe private attributes, or null when private attributes are not retained.</param>
/// <param name="Cleaner">Free-text cleaning against the original's identifying values.</param>
/// <param name="SopClassUid">The data set's SOP Class UID (for IOD Types), or null.</param>
internal sealed record RunContext(
    ProfileTable Table,
    IodCatalog Iods,
    ActionResolver Resolver,
    IReadOnlyList<ProfileOption> Options,
    KeyedHash Hash,
    UidRemapper Uids,
    PatientPseudonyms Patients,
    DateShifter? Dates,
    SafePrivateList? SafePrivate,
    TextCleaner Cleaner,
    string? SopClassUid);
