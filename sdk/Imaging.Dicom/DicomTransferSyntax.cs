namespace Imaging.Dicom;

/// <summary>
/// A transfer syntax: how a data set is encoded — VR explicit or implicit, byte order, deflate,
/// and whether pixel data is encapsulated (PS3.5 §10, PS3.6 Table A-1).
/// </summary>
public sealed class DicomTransferSyntax
{
    private DicomTransferSyntax(string uid, string name, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated, bool lossy = false, bool retired = false)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = explicitVR;
        IsBigEndian = bigEndian;
        IsDeflated = deflated;
        IsEncapsulated = encapsulated;
        IsLossy = lossy;
        IsRetired = retired;
    }

    /// <summary>The transfer syntax UID.</summary>
    public string Uid { get; }

    /// <summary>The name from PS3.6 Table A-1.</summary>
    public string Name { get; }

    /// <summary>True when each element header carries its VR (PS3.5 §7.1.2).</summary>
    public bool IsExplicitVR { get; }

    /// <summary>True for big endian byte order (PS3.5 §7.3; retired).</summary>
    public bool IsBigEndian { get; }

    /// <summary>True when the data set after the file meta information is deflated (PS3.5 §A.5).</summary>
    public bool IsDeflated { get; }

    /// <summary>True when pixel data is encapsulated in fragments (PS3.5 §A.4).</summary>
    public bool IsEncapsulated { get; }

    /// <summary>True when the pixel data compression may be lossy.</summary>
    public bool IsLossy { get; }

    /// <summary>True when PS3.6 lists the transfer syntax as retired.</summary>
    public bool IsRetired { get; }

    /// <summary>True for a syntax this library reads and writes natively (not encapsulated, or encapsulated and kept as frames).</summary>
    public bool IsKnown { get; private init; } = true;

    /// <summary>The name and UID.</summary>
    public override string ToString() => $"{Name} [{Uid}]";

    /// <summary>Implicit VR Little Endian: the default transfer syntax (PS3.5 §A.1).</summary>
    public static readonly DicomTransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    /// <summary>Explicit VR Little Endian (PS3.5 §A.2).</summary>
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    /// <summary>Encapsulated Uncompressed Explicit VR Little Endian (PS3.5 §A.4.11).</summary>
    public static readonly DicomTransferSyntax EncapsulatedUncompressedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", true, false, false, true);
    /// <summary>Deflated Explicit VR Little Endian (PS3.5 §A.5).</summary>
    public static readonly DicomTransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    /// <summary>Explicit VR Big Endian (PS3.5 §A.3, retired).</summary>
    public static readonly DicomTransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false, retired: true);
    /// <summary>JPEG Baseline (Process 1).</summary>
    public static readonly DicomTransferSyntax JPEGBaseline8Bit = new("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, false, false, true, lossy: true);
    /// <summary>JPEG Extended (Process 2 and 4).</summary>
    public static readonly DicomTransferSyntax JPEGExtended12Bit = new("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true, false, false, true, lossy: true);
    /// <summary>JPEG Lossless, Non-Hierarchical (Process 14).</summary>
    public static readonly DicomTransferSyntax JPEGLossless = new("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true, false, false, true);
    /// <summary>JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, Selection Value 1).</summary>
    public static readonly DicomTransferSyntax JPEGLosslessSV1 = new("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", true, false, false, true);
    /// <summary>JPEG-LS Lossless Image Compression.</summary>
    public static readonly DicomTransferSyntax JPEGLSLossless = new("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", true, false, false, true);
    /// <summary>JPEG-LS Lossy (Near-Lossless) Image Compression.</summary>
    public static readonly DicomTransferSyntax JPEGLSNearLossless = new("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", true, false, false, true, lossy: true);
    /// <summary>JPEG 2000 Image Compression (Lossless Only).</summary>
    public static readonly DicomTransferSyntax JPEG2000Lossless = new("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", true, false, false, true);
    /// <summary>JPEG 2000 Image Compression.</summary>
    public static readonly DicomTransferSyntax JPEG2000 = new("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", true, false, false, true, lossy: true);
    /// <summary>JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only).</summary>
    public static readonly DicomTransferSyntax JPEG2000MCLossless = new("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)", true, false, false, true);
    /// <summary>JPEG 2000 Part 2 Multi-component Image Compression.</summary>
    public static readonly DicomTransferSyntax JPEG2000MC = new("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression", true, false, false, true, lossy: true);
    /// <summary>MPEG2 Main Profile / Main Level.</summary>
    public static readonly DicomTransferSyntax MPEG2MPML = new("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", true, false, false, true, lossy: true);
    /// <summary>MPEG-4 AVC/H.264 High Profile / Level 4.1.</summary>
    public static readonly DicomTransferSyntax MPEG4HP41 = new("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", true, false, false, true, lossy: true);
    /// <summary>HEVC/H.265 Main Profile / Level 5.1.</summary>
    public static readonly DicomTransferSyntax HEVCMP51 = new("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", true, false, false, true, lossy: true);
    /// <summary>High-Throughput JPEG 2000 Image Compression (Lossless Only).</summary>
    public static readonly DicomTransferSyntax HTJ2KLossless = new("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", true, false, false, true);
    /// <summary>High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only).</summary>
    public static readonly DicomTransferSyntax HTJ2KLosslessRPCL = new("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", true, false, false, true);
    /// <summary>High-Throughput JPEG 2000 Image Compression.</summary>
    public static readonly DicomTransferSyntax HTJ2K = new("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", true, false, false, true, lossy: true);
    /// <summary>RLE Lossless (PS3.5 Annex G).</summary>
    public static readonly DicomTransferSyntax RLELossless = new("1.2.840.10008.1.2.5", "RLE Lossless", true, false, false, true);

    private static readonly DicomTransferSyntax[] All =
    [
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, EncapsulatedUncompressedExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian,
        ExplicitVRBigEndian, JPEGBaseline8Bit, JPEGExtended12Bit, JPEGLossless, JPEGLosslessSV1, JPEGLSLossless, JPEGLSNearLossless,
        JPEG2000Lossless, JPEG2000, JPEG2000MCLossless, JPEG2000MC, MPEG2MPML, MPEG4HP41, HEVCMP51, HTJ2KLossless, HTJ2KLosslessRPCL, HTJ2K, RLELossless,
    ];

    private static readonly Dictionary<string, DicomTransferSyntax> ByUid = All.ToDictionary(t => t.Uid, StringComparer.Ordinal);

    /// <summary>The transfer syntaxes this library knows by UID.</summary>
    public static IReadOnlyList<DicomTransferSyntax> Known => All;

    /// <summary>
    /// Finds a transfer syntax by UID (trailing NUL/space padding ignored). An unknown UID gives an
    /// explicit VR little endian, encapsulated syntax (PS3.5 §10: every other syntax is one of these),
    /// with <see cref="IsKnown"/> false.
    /// </summary>
    public static DicomTransferSyntax Lookup(string uid)
    {
        var key = uid.TrimEnd('\0', ' ');
        if (ByUid.TryGetValue(key, out var ts)) return ts;
        return new DicomTransferSyntax(key, $"Unknown ({key})", true, false, false, true) { IsKnown = false };
    }
}
