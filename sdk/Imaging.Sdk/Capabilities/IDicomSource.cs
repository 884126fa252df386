namespace Imaging.Sdk.Capabilities;

/// <summary>
/// Source / reader capability: enumerates and opens the instances at a location (a folder, a DICOMDIR, a zip file, a
/// NIfTI file to import). Instances are produced lazily, so a consumer can stop early.
/// </summary>
public interface IDicomSource : ICapability
{
    /// <summary>Whether this source understands <paramref name="location"/> (cheap: looks at the name or the first bytes only).</summary>
    bool CanRead(string location);

    /// <summary>Enumerates the instances at <paramref name="location"/>.</summary>
    /// <param name="location">A path or URL the source understands.</param>
    /// <param name="progress">Receives one report per instance (and the total, when known up front).</param>
    /// <param name="cancellationToken">Stops the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="InvalidInputException">The location does not exist or is not something this source reads.</exception>
    /// <remarks>An unreadable file inside a readable location is logged and skipped, not thrown: one bad file must not
    /// stop a folder.</remarks>
    IAsyncEnumerable<DicomInstance> ReadAsync(string location, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}
