namespace Imaging.Sdk;

/// <summary>
/// The base of every error in the plugin contract. A capability reports a failure it understands (bad input,
/// unsupported data, a remote peer refusing) as an exception deriving from this type, never as an
/// <see cref="IndexOutOfRangeException"/> or <see cref="NullReferenceException"/>; the test kit checks this.
/// Cancellation is reported as <see cref="OperationCanceledException"/>.
/// </summary>
public class ImagingPluginException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImagingPluginException(string message, Exception? innerException = null) : base(message, innerException) { }
}
