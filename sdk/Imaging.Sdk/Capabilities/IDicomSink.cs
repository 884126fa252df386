namespace Imaging.Sdk.Capabilities;

/// <summary>Sink / writer capability: writes instances somewhere (a folder, a NIfTI file, a PACS).</summary>
public interface IDicomSink : ICapability
{
    /// <summary>Writes every instance of <paramref name="instances"/> to <paramref name="destination"/>.</summary>
    /// <param name="destination">A path or URL the sink understands.</param>
    /// <param name="instances">The instances, consumed once, in order.</param>
    /// <param name="progress">Receives one report per instance written.</param>
    /// <param name="cancellationToken">Stops writing with <see cref="OperationCanceledException"/>; an instance being written is
    /// not left half-written.</param>
    /// <returns>What was written where.</returns>
    /// <exception cref="InvalidInputException">The destination cannot be written to, or an instance cannot be written by this sink.</exception>
    Task<SinkResult> WriteAsync(string destination, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}
