using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// Inputs and limits for <see cref="ContractVerifier"/>. Every input has a default built from <see cref="SyntheticStudy"/>
/// (a small CT/MR study); override the ones your capability needs (a zip source needs a zip, a filter may need arguments).
/// Inputs given here are reused by every check, so a capability that mutates them affects later checks too.
/// </summary>
public sealed record ContractVerifierOptions
{
    /// <summary>How long one check may run before it fails as hung (default 30 s).</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How soon after cancellation an operation must stop (default 5 s).</summary>
    public TimeSpan CancellationDeadline { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The folder under which each check gets its own temporary folder (default: the system temp folder); removed afterwards.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>The synthetic study behind the default inputs (default: 4 CT and 2 MR slices of 32 × 32).</summary>
    public SyntheticStudyOptions Study { get; init; } = new() { CtSlices = 4, MrSlices = 2, Size = 32 };

    /// <summary>The filter input (default: <see cref="SyntheticStudy.MultiFrame"/>, one frame per CT slice).</summary>
    public DicomDataset? FilterInput { get; init; }

    /// <summary>The filter arguments (default: none, so every argument takes its default).</summary>
    public CapabilityArguments? FilterArguments { get; init; }

    /// <summary>
    /// Creates a source's input: given an empty temporary folder, writes what the source reads into it and returns the
    /// location to read. Default: the synthetic study written with <see cref="SyntheticStudy.WriteTo"/>, location = the folder.
    /// </summary>
    public Func<string, string>? PrepareSourceLocation { get; init; }

    /// <summary>How many instances the source must yield from its location; null to check only that it yields some (default: the number of files written when <see cref="PrepareSourceLocation"/> is not set).</summary>
    public int? ExpectedSourceCount { get; init; }

    /// <summary>The instances given to a sink (default: the synthetic CT series).</summary>
    public IReadOnlyList<DicomInstance>? SinkInstances { get; init; }

    /// <summary>Gives a sink's destination from an empty temporary folder (default: an existing, empty sub-folder <c>out</c>).</summary>
    public Func<string, string>? SinkDestination { get; init; }

    /// <summary>Gives a destination the sink cannot write to from an empty temporary folder (default: a path below a regular file).</summary>
    public Func<string, string>? InvalidSinkDestination { get; init; }

    /// <summary>The data set given to an anonymizer (default: a CT slice with rich headers: sequences, private tags, names).</summary>
    public DicomDataset? AnonymizerInput { get; init; }

    /// <summary>The anonymization request (default: the anonymizer's first profile, no options).</summary>
    public AnonymizationRequest? AnonymizationRequest { get; init; }

    /// <summary>The series given to an AI model (default: the synthetic CT series, or the MR one when the model accepts MR only).</summary>
    public IReadOnlyList<DicomDataset>? ModelSeries { get; init; }

    /// <summary>The AI model arguments (default: none).</summary>
    public CapabilityArguments? ModelArguments { get; init; }

    /// <summary>The native frame a codec encodes (default: a CT slice, 16 bits allocated and 12 stored, or 8 bits for JPEG Baseline).</summary>
    public CodecSample? CodecNativeFrame { get; init; }

    /// <summary>A valid encoded frame for a codec that only decodes (no default): enables its decode checks.</summary>
    public CodecSample? CodecEncodedFrame { get; init; }

    /// <summary>The volume given to volume filters and written by volume formats (default: a small oblique int16 volume).</summary>
    public Imaging.Dicom.Imaging.Volumes.Volume? VolumeInput { get; init; }

    /// <summary>The volume filter arguments (default: none, so every argument takes its default).</summary>
    public CapabilityArguments? VolumeFilterArguments { get; init; }
}
