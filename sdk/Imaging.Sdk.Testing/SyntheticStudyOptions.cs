using Imaging.Dicom;

namespace Imaging.Sdk.Testing;

/// <summary>What <see cref="SyntheticStudy"/> generates: sizes, names and how rich the headers are.</summary>
public sealed record SyntheticStudyOptions
{
    /// <summary>Slices in the CT series (0 for none).</summary>
    public int CtSlices { get; init; } = 24;

    /// <summary>Slices in the MR series (0 for none).</summary>
    public int MrSlices { get; init; } = 12;

    /// <summary>Rows and columns of every slice.</summary>
    public int Size { get; init; } = 128;

    /// <summary>Patient's Name (PN).</summary>
    public string PatientName { get; init; } = "PHANTOM^SYNTHETIC";

    /// <summary>Patient ID.</summary>
    public string PatientId { get; init; } = "SYN0001";

    /// <summary>The transfer syntax of the written files.</summary>
    public DicomTransferSyntax TransferSyntax { get; init; } = DicomTransferSyntax.ExplicitVRLittleEndian;

    /// <summary>Adds ~150 extra elements per file (nested sequences, private tags, long text) as real scanners write.</summary>
    public bool RichHeaders { get; init; }

    /// <summary>Seed for UIDs and noise: the same seed gives the same study.</summary>
    public int Seed { get; init; } = 1;
}
