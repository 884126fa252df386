using Imaging.Dicom;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Registries;
using Imaging.Sdk.Security;

namespace Fixture.Network;

/// <summary>
/// Connects to 127.0.0.1:<c>port</c> through <see cref="INetworkAccess"/> when given a <c>port</c> argument, and returns a
/// copy of its input whose Image Comments list the PACS connectors it can see (<c>pacs:a,b</c> or <c>pacs:none</c>).
/// </summary>
public sealed class NetworkFilter(INetworkAccess network, ICapabilityRegistry<IPacsConnector>? pacs = null) : IFilter
{
    /// <inheritdoc />
    public string Name => "network";

    /// <inheritdoc />
    public string Description => "Opens a loopback connection and reports the PACS connectors it sees.";

    /// <inheritdoc />
    public IReadOnlyList<ArgumentDescriptor> Arguments => [new("port", "Loopback TCP port to connect to.", null)];

    /// <inheritdoc />
    public async Task<DicomDataset> ApplyAsync(DicomDataset input, CapabilityArguments arguments, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        int port = arguments.GetInt32("port", 0);
        if (port > 0)
        {
            await using var stream = await network.ConnectAsync("127.0.0.1", port, cancellationToken);
            await stream.WriteAsync("fixture.network"u8.ToArray(), cancellationToken);
        }
        var result = input.Clone();
        result.AddOrUpdate(DicomVR.LT, DicomTag.ImageComments, pacs is null ? "pacs:none" : "pacs:" + string.Join(",", pacs.Names));
        return result;
    }
}
