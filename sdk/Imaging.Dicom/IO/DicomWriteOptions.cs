namespace Imaging.Dicom.IO;

/// <summary>How <see cref="DicomFile.Save(string, DicomWriteOptions?)"/> encodes a file.</summary>
public sealed record DicomWriteOptions
{
    /// <summary>The defaults: the file's own transfer syntax, sequences and items of undefined length, no group lengths.</summary>
    public static DicomWriteOptions Default { get; } = new();

    /// <summary>
    /// The transfer syntax to write; null keeps the file's. Changing between uncompressed syntaxes (implicit,
    /// explicit, big endian, deflated) re-encodes; changing to or from an encapsulated one needs a codec and fails here.
    /// </summary>
    public DicomTransferSyntax? TransferSyntax { get; init; }

    /// <summary>Write sequences and items with defined lengths instead of delimiters (PS3.5 §7.5.1, both forms are valid).</summary>
    public bool DefinedLengthSequences { get; init; }

    /// <summary>Keep group length elements (gggg,0000) outside group 0002; PS3.5 §7.2 retired them, so they are dropped by default.</summary>
    public bool KeepGroupLengths { get; init; }

    /// <summary>(0002,0012) Implementation Class UID written in the meta information.</summary>
    public string ImplementationClassUid { get; init; } = "1.2.826.0.1.3680043.10.1561.1";

    /// <summary>(0002,0013) Implementation Version Name written in the meta information.</summary>
    public string ImplementationVersionName { get; init; } = "IMAGING_1_0";
}
