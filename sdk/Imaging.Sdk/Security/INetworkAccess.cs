namespace Imaging.Sdk.Security;

/// <summary>
/// Network access for plugins with the <c>network</c> permission (others do not receive this service). Each
/// connection is recorded in the audit log.
/// </summary>
public interface INetworkAccess
{
    /// <summary>An HTTP client whose every request is audited; <paramref name="purpose"/> is written with each entry.</summary>
    HttpClient CreateHttpClient(string purpose);

    /// <summary>Opens a TCP connection to <paramref name="host"/>:<paramref name="port"/> (audited).</summary>
    Task<Stream> ConnectAsync(string host, int port, CancellationToken cancellationToken = default);
}
