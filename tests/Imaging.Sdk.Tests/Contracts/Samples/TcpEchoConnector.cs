using System.Net.Sockets;
using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Tests.Contracts.Samples;

/// <summary>A PACS connector that only opens a TCP connection for echo; well behaved unless given <see cref="Flaws"/>.</summary>
public sealed class TcpEchoConnector(Flaws flaws = Flaws.None) : IPacsConnector
{
    public string Name => "tcp-echo";

    public string Description => "Checks that a peer accepts TCP connections (toy).";

    public IReadOnlyList<string> Schemes { get; } = ["dicom"];

    public async Task EchoAsync(PacsEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        var token = flaws.HasFlag(Flaws.IgnoresCancellation) ? CancellationToken.None : cancellationToken;
        token.ThrowIfCancellationRequested();
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(endpoint.Address.Host, endpoint.Address.Port, token);
        }
        catch (SocketException e) when (!flaws.HasFlag(Flaws.RawExceptionOnBadInput))
        {
            throw new PacsException($"{endpoint.Address}: {e.Message}", innerException: e);
        }
    }

    public IAsyncEnumerable<DicomDataset> FindAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset query, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => throw new PacsException("tcp-echo does not query.");

    public IAsyncEnumerable<DicomInstance> RetrieveAsync(PacsEndpoint endpoint, QueryLevel level, DicomDataset identifier, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => throw new PacsException("tcp-echo does not retrieve.");

    public Task<int> StoreAsync(PacsEndpoint endpoint, IAsyncEnumerable<DicomInstance> instances, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
        => throw new PacsException("tcp-echo does not store.");
}
