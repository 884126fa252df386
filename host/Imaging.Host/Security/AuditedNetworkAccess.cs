using System.Net.Sockets;
using Imaging.Sdk.Security;

namespace Imaging.Host.Security;

/// <summary><see cref="INetworkAccess"/> for plugins with <c>network</c>: every HTTP request and TCP connection is audited.</summary>
internal sealed class AuditedNetworkAccess(IAuditLog audit, string pluginId) : INetworkAccess
{
    public HttpClient CreateHttpClient(string purpose)
        => new(new AuditingHandler(audit, pluginId, purpose) { InnerHandler = new SocketsHttpHandler() });

    public async Task<Stream> ConnectAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        audit.Record(new AuditEvent(pluginId, AuditAction.Network, "tcp", $"{host}:{port}"));
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return client.GetStream();
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class AuditingHandler(IAuditLog audit, string pluginId, string purpose) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Scheme, host, port and path only: query strings (QIDO-RS PatientName=...) would put PHI in the permanent log.
            var uri = request.RequestUri is { IsAbsoluteUri: true } u ? u.GetLeftPart(UriPartial.Path) : request.RequestUri?.ToString().Split('?')[0];
            audit.Record(new AuditEvent(pluginId, AuditAction.Network, $"http:{purpose}", $"{request.Method} {uri}"));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
