namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// The names of the contract checks (<see cref="ContractCheckResult.Check"/>); <see cref="ContractVerifier.GetCheckNames"/>
/// says which of them apply to a capability kind.
/// </summary>
public static class ContractCheckNames
{
    /// <summary>
    /// <c>descriptor</c>: <see cref="Capabilities.ICapability.Name"/> is non-empty, lower case, without white space;
    /// <see cref="Capabilities.ICapability.Description"/> is non-empty; the kind's own descriptors (arguments, profiles,
    /// transfer syntaxes, schemes) are well formed.
    /// </summary>
    public const string Descriptor = "descriptor";

    /// <summary><c>cancellation-before-start</c>: a token cancelled before the call gives <see cref="OperationCanceledException"/> promptly.</summary>
    public const string CancellationBeforeStart = "cancellation-before-start";

    /// <summary><c>cancellation-during-run</c>: a token cancelled at the first progress report stops an operation of several units promptly.</summary>
    public const string CancellationDuringRun = "cancellation-during-run";

    /// <summary><c>progress</c>: at least one report; Completed never decreases nor passes Total; the last report completes Total.</summary>
    public const string Progress = "progress";

    /// <summary><c>no-input-mutation</c>: the data sets (or files, or buffers) given to the capability are byte-for-byte unchanged afterwards.</summary>
    public const string NoInputMutation = "no-input-mutation";

    /// <summary>
    /// <c>invalid-input</c>: input the capability cannot work on gives an exception deriving from
    /// <see cref="ImagingPluginException"/> (or <see cref="Dicom.DicomException"/>), not a <see cref="NullReferenceException"/> or the like.
    /// </summary>
    public const string InvalidInput = "invalid-input";

    /// <summary><c>output</c>: the result is what the contract promises (a new data set, non-null instances, one written location per instance, ...).</summary>
    public const string Output = "output";

    /// <summary><c>can-read</c> (sources): <see cref="Capabilities.IDicomSource.CanRead"/> accepts a location the source reads and does not throw on a missing one.</summary>
    public const string CanRead = "can-read";

    /// <summary>
    /// <c>round-trip</c> (codecs, volume formats): encode then decode gives the frame back (lossless syntaxes) or a frame of
    /// the same size, and a volume written then read has the same voxels and LPS geometry; a codec that does not encode says
    /// so with <see cref="NotSupportedException"/>.
    /// </summary>
    public const string RoundTrip = "round-trip";

    /// <summary><c>no-overwrite</c> (volume formats): writing over an existing file without overwrite raises <see cref="IOException"/> and leaves the file as it was.</summary>
    public const string NoOverwrite = "no-overwrite";
}
