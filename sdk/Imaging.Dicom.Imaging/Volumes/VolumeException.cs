namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>A series cannot be built into a volume as asked; the message says why and what to do instead.</summary>
public sealed class VolumeException : DicomException
{
    /// <summary>Creates the exception.</summary>
    public VolumeException(string message, VolumeReport? report = null, Exception? inner = null) : base(message, inner) => Report = report;

    /// <summary>The report of the series, when one was made.</summary>
    public VolumeReport? Report { get; }
}
