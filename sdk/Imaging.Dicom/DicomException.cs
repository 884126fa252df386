namespace Imaging.Dicom;

/// <summary>The base of every exception the DICOM core throws on purpose.</summary>
public class DicomException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public DicomException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DicomException(string message, Exception? inner) : base(message, inner) { }
}
