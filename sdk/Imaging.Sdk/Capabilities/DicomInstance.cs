using Imaging.Dicom;

namespace Imaging.Sdk.Capabilities;

/// <summary>
/// One composite instance flowing between capabilities: its data set, its transfer syntax and where it came from.
/// Sources create them, filters and anonymizers produce new ones, sinks write them. Capabilities never mutate the
/// <see cref="Dataset"/> they are given; they return new instances (<see cref="WithDataset"/>).
/// </summary>
public sealed class DicomInstance
{
    /// <summary>Creates an instance from a data set (PS3.10 §7: the meta information is rebuilt when written).</summary>
    public DicomInstance(DicomDataset dataset, DicomTransferSyntax? transferSyntax = null, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
        TransferSyntax = transferSyntax ?? DicomTransferSyntax.ExplicitVRLittleEndian;
        Location = location;
    }

    /// <summary>The data set (without file meta information).</summary>
    public DicomDataset Dataset { get; }

    /// <summary>The transfer syntax the instance was read in (pixel data stays in it until decoded).</summary>
    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>Where the instance came from (a path, a URL), when known.</summary>
    public string? Location { get; }

    /// <summary>SOP Instance UID (0008,0018), or an empty string.</summary>
    public string SopInstanceUid => Dataset.GetSingleValueOrDefault(DicomTag.SOPInstanceUID, "");

    /// <summary>Wraps an opened file.</summary>
    public static DicomInstance FromFile(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new DicomInstance(file.Dataset, file.TransferSyntax, file.FilePath);
    }

    /// <summary>A new instance with <paramref name="dataset"/>, keeping the transfer syntax and location.</summary>
    public DicomInstance WithDataset(DicomDataset dataset) => new(dataset, TransferSyntax, Location);

    /// <summary>A Part 10 file for writing, declaring <see cref="TransferSyntax"/> (PS3.10 §7.1; the rest of the meta information is built on save).</summary>
    public DicomFile ToFile()
    {
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomVR.UI, DicomTag.TransferSyntaxUID, TransferSyntax.Uid);
        return new DicomFile(Dataset, meta);
    }

    /// <inheritdoc />
    public override string ToString() => Location ?? SopInstanceUid;
}
