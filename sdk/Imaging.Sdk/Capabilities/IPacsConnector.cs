using Imaging.Dicom;

namespace Imaging.Sdk.Capabilities;

/// <summary>
/// PACS connector capability: verification, query, retrieve and store against a remote application entity, over DIMSE
/// (PS3.7 §9: C-ECHO, C-FIND, C-GET/C-MOVE, C-STORE) or DICOMweb (PS3.18: QIDO-RS, WADO-RS, STOW-RS). Network-capable:
/// only plugins with the <c>network</c> permission receive connectors.
/// </summary>
public interface IPacsConnector : ICapability
{
    /// <summary>The URI schemes this connector speaks (<c>dicom</c>, <c>dicoms</c>, <c>http</c>, <c>https</c>).</summary>
    IReadOnlyList<string> Schemes { get; }

    /// <summary>Verifies the peer answers (C-ECHO, or a DICOMweb capabilities request).</summary>
    /// <exception cref="PacsException">The peer refused, failed or did not answer.</exception>
    Task EchoAsync(PacsEndpoint endpoint, CancellationToken cancellationToken = default);

    /// <summary>Queries the peer at <paramref name="level"/> with the matching keys of <paramref name="query"/> (PS3.4 C.4.1).</summary>
    /// <exception cref="PacsException">The peer refused or failed.</exception>
    IAsyncEnumerable<DicomDataset> FindAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset query, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Retrieves the instances under <paramref name="identifier"/> (unique keys at <paramref name="level"/>).</summary>
    /// <exception cref="PacsException">The peer refused or failed.</exception>
    IAsyncEnumerable<DicomInstance> RetrieveAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset identifier, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Stores the instances on the peer; returns how many it accepted.</summary>
    /// <exception cref="PacsException">The association or a store failed.</exception>
    Task<int> StoreAsync(PacsEndpoint endpoint, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default);
}
