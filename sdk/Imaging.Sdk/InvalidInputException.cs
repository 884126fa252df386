namespace Imaging.Sdk;

/// <summary>The input given to a capability is not something it can work on (for example a filter given a dataset without pixel data).</summary>
public sealed class InvalidInputException : ImagingPluginException
{
    /// <summary>Creates the exception.</summary>
    public InvalidInputException(string message, Exception? innerException = null) : base(message, innerException) { }
}
