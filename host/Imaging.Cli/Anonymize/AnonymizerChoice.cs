using Imaging.Dicom;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;

namespace Imaging.Cli.Anonymize;

/// <summary>
/// Picks the anonymizer capability for a profile from the loaded plugins: the one named by <c>--anonymizer</c>, else the
/// only one offering the profile. Two offering it is an error rather than a guess: which rules de-identify the data
/// must never depend on what happens to be installed.
/// </summary>
internal static class AnonymizerChoice
{
    /// <summary>The anonymizer, or null with <paramref name="problem"/> set.</summary>
    public static IAnonymizer? Find(ICapabilityRegistry<IAnonymizer> registry, string profile, string? name, out string? problem)
    {
        problem = null;
        if (name is not null)
        {
            if (!registry.TryGet(name, out var named))
            {
                problem = $"no anonymizer named '{name}' is loaded (loaded: {List(registry.Names)}); run 'imaging plugins list' to see what loaded and why not";
                return null;
            }
            if (!named.Profiles.Contains(profile, StringComparer.OrdinalIgnoreCase))
            {
                problem = $"the anonymizer '{named.Name}' has no profile '{profile}' (it has: {List(named.Profiles)})";
                return null;
            }
            return named;
        }
        var offering = registry.Where(a => a.Profiles.Contains(profile, StringComparer.OrdinalIgnoreCase)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        switch (offering.Count)
        {
            case 1:
                return offering[0];
            case 0:
                var others = registry.SelectMany(a => a.Profiles.Select(p => $"{a.Name}: {p}")).ToList();
                problem = $"no loaded anonymizer offers the profile '{profile}' (plugin imaging.anonymizer provides 'basic'; loaded profiles: {List(others)}); run 'imaging plugins list' to see what loaded and why not";
                return null;
            default:
                problem = $"several anonymizers offer the profile '{profile}' ({List(offering.Select(a => a.Name))}); choose one with --anonymizer NAME";
                return null;
        }
    }

    /// <summary>
    /// Tries the request on a small CT header without identifiers, so that an unknown option or a malformed setting is
    /// reported once, as a bad argument, instead of as a refusal of every file. Null when it is accepted.
    /// </summary>
    public static async Task<string?> RequestProblemAsync(IAnonymizer anonymizer, AnonymizationRequest request, CancellationToken cancellationToken)
    {
        var probe = new DicomDataset();
        probe.AddOrUpdate(DicomVR.UI, DicomTag.SOPClassUID, DicomUid.CTImageStorage.Value);
        probe.AddOrUpdate(DicomVR.UI, DicomTag.SOPInstanceUID, "2.25.1");
        probe.AddOrUpdate(DicomVR.UI, DicomTag.StudyInstanceUID, "2.25.2");
        probe.AddOrUpdate(DicomVR.UI, DicomTag.SeriesInstanceUID, "2.25.3");
        probe.AddOrUpdate(DicomVR.CS, DicomTag.Modality, "CT");
        probe.AddOrUpdate(DicomVR.CS, DicomTag.BurnedInAnnotation, "NO");
        try
        {
            await anonymizer.AnonymizeAsync(probe, request, null, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (InvalidInputException e)
        {
            return e.Message;
        }
    }

    private static string List(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";
}
