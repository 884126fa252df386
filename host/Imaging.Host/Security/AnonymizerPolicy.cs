using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Security;

namespace Imaging.Host.Security;

/// <summary>The active policy when an anonymizer plugin (with the <c>phi</c> permission) offers the <c>basic</c> profile: its output.</summary>
internal sealed class AnonymizerPolicy(IAnonymizer anonymizer, string profile) : IDeidentificationPolicy
{
    public string Name => $"anonymizer {anonymizer.Name}, profile {profile}";

    public DicomDataset Apply(DicomDataset dataset)
        => anonymizer.AnonymizeAsync(dataset, new AnonymizationRequest(profile)).GetAwaiter().GetResult().Dataset;
}
