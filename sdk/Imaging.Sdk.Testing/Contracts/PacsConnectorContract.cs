using System.Net;
using System.Net.Sockets;
using Imaging.Sdk.Capabilities;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// The <see cref="IPacsConnector"/> contract, as far as it can be checked offline: schemes named, a cancelled C-ECHO
/// (PS3.7 §9.1.5) ends with <see cref="OperationCanceledException"/>, a peer that refuses the connection gives a
/// <see cref="PacsException"/>. Query, retrieve and store need a real peer (the connector's own tests start one).
/// </summary>
internal sealed class PacsConnectorContract(IPacsConnector connector) : CapabilityContract(connector)
{
    /// <summary>The PACS connector checks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Descriptor, CancellationBeforeStart, InvalidInput];

    /// <inheritdoc />
    public override CapabilityKind Kind => CapabilityKind.PacsConnector;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckNames => Names;

    /// <inheritdoc />
    public override Task<string> RunAsync(string check, CheckContext ctx) => check switch
    {
        Descriptor => Task.FromResult(CheckDescriptor(CheckSchemes)),
        CancellationBeforeStart => CancelledBeforeStartAsync(ctx),
        InvalidInput => InvalidInputAsync(ctx),
        _ => throw UnknownCheck(check),
    };

    private void CheckSchemes(List<string> problems)
    {
        var schemes = Probes.Read("Schemes", () => connector.Schemes, problems);
        if (schemes is null) return;
        if (schemes.Count == 0) problems.Add("Schemes is empty");
        foreach (var s in schemes) Probes.CheckName("scheme", s, problems);
    }

    private Task<string> CancelledBeforeStartAsync(CheckContext ctx)
    {
        var endpoint = RefusingEndpoint(ctx);
        return Probes.CancelledBeforeStartAsync(ctx, "EchoAsync", t => connector.EchoAsync(endpoint, t));
    }

    private Task<string> InvalidInputAsync(CheckContext ctx)
    {
        var endpoint = RefusingEndpoint(ctx);
        return Probes.ExpectContractErrorAsync(ctx, $"EchoAsync to {endpoint.Address}, which refuses connections", t => connector.EchoAsync(endpoint, t));
    }

    /// <summary>An endpoint on loopback whose port was free a moment ago, so that connecting is refused at once.</summary>
    private PacsEndpoint RefusingEndpoint(CheckContext ctx)
    {
        var scheme = connector.Schemes is { Count: > 0 } s && !string.IsNullOrWhiteSpace(s[0]) ? s[0] : "dicom";
        int port;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
        var address = scheme is "dicom" or "dicoms" ? new Uri($"{scheme}://REFUSING@127.0.0.1:{port}") : new Uri($"{scheme}://127.0.0.1:{port}/");
        return new PacsEndpoint(address) { CalledAeTitle = "REFUSING", Timeout = ctx.Options.CancellationDeadline };
    }
}
