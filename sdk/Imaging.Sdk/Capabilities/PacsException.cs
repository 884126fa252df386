namespace Imaging.Sdk.Capabilities;

/// <summary>A remote peer refused, failed or did not answer; the message names the peer and the status.</summary>
public sealed class PacsException : ImagingPluginException
{
    /// <summary>Creates the exception.</summary>
    public PacsException(string message, ushort? status = null, Exception? innerException = null) : base(message, innerException)
    {
        Status = status;
    }

    /// <summary>The DIMSE status (PS3.7 Annex C) or HTTP status, when the peer answered with one.</summary>
    public ushort? Status { get; }
}
