using Imaging.Dicom;

namespace Imaging.Sdk.Capabilities;

/// <summary>Anonymizer capability: data set → de-identified data set under a named profile (PS3.15 Annex E), with a report.</summary>
public interface IAnonymizer : ICapability
{
    /// <summary>The profiles the anonymizer implements (e.g. <c>basic</c>).</summary>
    IReadOnlyList<string> Profiles { get; }

    /// <summary>De-identifies <paramref name="input"/>; the input is not modified.</summary>
    /// <param name="input">The data set to de-identify.</param>
    /// <param name="request">Profile, options and settings (secret, date shift, mapping table).</param>
    /// <param name="progress">Receives a report when done (one data set is one unit).</param>
    /// <param name="cancellationToken">Stops with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="InvalidInputException">Unknown profile or option, or a data set the profile refuses (e.g. burned-in annotation).</exception>
    Task<AnonymizationResult> AnonymizeAsync(DicomDataset input, AnonymizationRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}
