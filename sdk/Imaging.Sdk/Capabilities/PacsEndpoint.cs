namespace Imaging.Sdk.Capabilities;

/// <summary>A remote peer: <c>dicom://AE@host:port</c> for DIMSE, or a DICOMweb base URL.</summary>
/// <param name="Address">The address; for DIMSE the user-info part is the called AE title.</param>
public sealed record PacsEndpoint(Uri Address)
{
    /// <summary>Our AE title (PS3.8 §7.1.1.4); at most 16 characters.</summary>
    public string CallingAeTitle { get; init; } = "IMAGING";

    /// <summary>The peer's AE title, from the address's user-info when not set.</summary>
    public string? CalledAeTitle { get; init; }

    /// <summary>How long to wait for the peer to answer a request.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
