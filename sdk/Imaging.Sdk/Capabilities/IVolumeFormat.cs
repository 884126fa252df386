using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Sdk.Capabilities;

/// <summary>
/// Volume file format capability: reads and writes volumes in a non-DICOM research format (NIfTI, NRRD, MetaImage).
/// Writing needs the <c>filesystem-write</c> permission and goes through <see cref="Security.IFileOutput"/>.
/// </summary>
public interface IVolumeFormat : ICapability
{
    /// <summary>File name endings this format recognises, lower case with the dot (<c>.nii</c>, <c>.nii.gz</c>).</summary>
    IReadOnlyList<string> FileExtensions { get; }

    /// <summary>The arguments <see cref="WriteAsync"/> understands (e.g. <c>version=2</c>, <c>compress=false</c>).</summary>
    IReadOnlyList<ArgumentDescriptor> WriteArguments { get; }

    /// <summary>Whether <see cref="ReadAsync"/> is implemented.</summary>
    bool CanRead { get; }

    /// <summary>Whether <see cref="WriteAsync"/> is implemented.</summary>
    bool CanWrite { get; }

    /// <summary>Reads the volume in <paramref name="path"/>, in DICOM patient coordinates (LPS).</summary>
    /// <exception cref="InvalidInputException">The file is not in this format or is corrupt; the message names the file and what is wrong.</exception>
    /// <exception cref="NotSupportedException"><see cref="CanRead"/> is false.</exception>
    Task<Volume> ReadAsync(string path, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="volume"/> to <paramref name="path"/> atomically (never half-written).</summary>
    /// <exception cref="InvalidInputException">An argument is invalid or the volume cannot be stored in this format.</exception>
    /// <exception cref="NotSupportedException"><see cref="CanWrite"/> is false.</exception>
    /// <exception cref="IOException"><paramref name="path"/> exists and <paramref name="overwrite"/> is false.</exception>
    Task WriteAsync(Volume volume, string path, CapabilityArguments arguments, bool overwrite = false, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}
