namespace Imaging.Dicom;

/// <summary>
/// A Value Representation: the data type and format of an element's value (PS3.5 §6.2, Table 6.2-1).
/// Instances are immutable singletons compared by reference; <see cref="Parse"/> maps a two-letter code to one.
/// </summary>
public sealed class DicomVR
{
    private DicomVR(string code, DicomVRKind kind, bool longLength, byte padding, int unitSize, long maxLength, bool multiValued, bool usesCharacterSet, string name)
    {
        Code = code;
        Kind = kind;
        HasLongExplicitLength = longLength;
        PaddingByte = padding;
        UnitSize = unitSize;
        MaxLength = maxLength;
        IsMultiValued = multiValued;
        UsesSpecificCharacterSet = usesCharacterSet;
        Name = name;
        Code16 = (ushort)((code[0] << 8) | code[1]);
    }

    /// <summary>The two-letter code, e.g. "PN".</summary>
    public string Code { get; }

    /// <summary>The name given in PS3.5 Table 6.2-1, e.g. "Person Name".</summary>
    public string Name { get; }

    /// <summary>The two code characters as one big-endian 16-bit number, as they appear in an explicit VR header.</summary>
    public ushort Code16 { get; }

    /// <summary>What kind of value the VR holds.</summary>
    public DicomVRKind Kind { get; }

    /// <summary>True when the VR is encoded as text (PS3.5 §6.2).</summary>
    public bool IsString => Kind == DicomVRKind.Text;

    /// <summary>
    /// True when an explicit VR header uses two reserved bytes and a 32-bit length
    /// (OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV; PS3.5 §7.1.2).
    /// </summary>
    public bool HasLongExplicitLength { get; }

    /// <summary>The byte used to pad a value to even length: space for text, NUL for UI and binary VRs (PS3.5 §6.2).</summary>
    public byte PaddingByte { get; }

    /// <summary>The size in bytes of one binary value (2 for US, 8 for FD, 1 for OB); 1 for text.</summary>
    public int UnitSize { get; }

    /// <summary>The maximum length of one value in bytes (text) or of the whole value, as PS3.5 Table 6.2-1 gives it; <see cref="long.MaxValue"/> when unbounded.</summary>
    public long MaxLength { get; }

    /// <summary>True when a text value may hold several values separated by backslash (all text VRs but LT, ST, UR and UT).</summary>
    public bool IsMultiValued { get; }

    /// <summary>True when the value is encoded with the Specific Character Set (SH, LO, ST, LT, PN, UC, UT; PS3.5 §6.1.2.3).</summary>
    public bool UsesSpecificCharacterSet { get; }

    /// <summary>The two-letter code.</summary>
    public override string ToString() => Code;

    /// <summary>Application Entity.</summary>
    public static readonly DicomVR AE = new("AE", DicomVRKind.Text, false, 0x20, 1, 16, true, false, "Application Entity");
    /// <summary>Age String.</summary>
    public static readonly DicomVR AS = new("AS", DicomVRKind.Text, false, 0x20, 1, 4, true, false, "Age String");
    /// <summary>Attribute Tag.</summary>
    public static readonly DicomVR AT = new("AT", DicomVRKind.Tag, false, 0x00, 4, 4, false, false, "Attribute Tag");
    /// <summary>Code String.</summary>
    public static readonly DicomVR CS = new("CS", DicomVRKind.Text, false, 0x20, 1, 16, true, false, "Code String");
    /// <summary>Date.</summary>
    public static readonly DicomVR DA = new("DA", DicomVRKind.Text, false, 0x20, 1, 8, true, false, "Date");
    /// <summary>Decimal String.</summary>
    public static readonly DicomVR DS = new("DS", DicomVRKind.Text, false, 0x20, 1, 16, true, false, "Decimal String");
    /// <summary>Date Time.</summary>
    public static readonly DicomVR DT = new("DT", DicomVRKind.Text, false, 0x20, 1, 26, true, false, "Date Time");
    /// <summary>Floating Point Double.</summary>
    public static readonly DicomVR FD = new("FD", DicomVRKind.Binary, false, 0x00, 8, 8, false, false, "Floating Point Double");
    /// <summary>Floating Point Single.</summary>
    public static readonly DicomVR FL = new("FL", DicomVRKind.Binary, false, 0x00, 4, 4, false, false, "Floating Point Single");
    /// <summary>Integer String.</summary>
    public static readonly DicomVR IS = new("IS", DicomVRKind.Text, false, 0x20, 1, 12, true, false, "Integer String");
    /// <summary>Long String.</summary>
    public static readonly DicomVR LO = new("LO", DicomVRKind.Text, false, 0x20, 1, 64, true, true, "Long String");
    /// <summary>Long Text.</summary>
    public static readonly DicomVR LT = new("LT", DicomVRKind.Text, false, 0x20, 1, 10240, false, true, "Long Text");
    /// <summary>Other Byte.</summary>
    public static readonly DicomVR OB = new("OB", DicomVRKind.Bytes, true, 0x00, 1, uint.MaxValue - 1, false, false, "Other Byte");
    /// <summary>Other Double.</summary>
    public static readonly DicomVR OD = new("OD", DicomVRKind.Binary, true, 0x00, 8, uint.MaxValue - 8, false, false, "Other Double");
    /// <summary>Other Float.</summary>
    public static readonly DicomVR OF = new("OF", DicomVRKind.Binary, true, 0x00, 4, uint.MaxValue - 4, false, false, "Other Float");
    /// <summary>Other Long.</summary>
    public static readonly DicomVR OL = new("OL", DicomVRKind.Binary, true, 0x00, 4, uint.MaxValue - 4, false, false, "Other Long");
    /// <summary>Other 64-bit Very Long.</summary>
    public static readonly DicomVR OV = new("OV", DicomVRKind.Binary, true, 0x00, 8, uint.MaxValue - 8, false, false, "Other 64-bit Very Long");
    /// <summary>Other Word.</summary>
    public static readonly DicomVR OW = new("OW", DicomVRKind.Binary, true, 0x00, 2, uint.MaxValue - 2, false, false, "Other Word");
    /// <summary>Person Name.</summary>
    public static readonly DicomVR PN = new("PN", DicomVRKind.Text, false, 0x20, 1, 64, true, true, "Person Name");
    /// <summary>Short String.</summary>
    public static readonly DicomVR SH = new("SH", DicomVRKind.Text, false, 0x20, 1, 16, true, true, "Short String");
    /// <summary>Signed Long.</summary>
    public static readonly DicomVR SL = new("SL", DicomVRKind.Binary, false, 0x00, 4, 4, false, false, "Signed Long");
    /// <summary>Sequence of Items.</summary>
    public static readonly DicomVR SQ = new("SQ", DicomVRKind.Sequence, true, 0x00, 1, uint.MaxValue, false, false, "Sequence of Items");
    /// <summary>Signed Short.</summary>
    public static readonly DicomVR SS = new("SS", DicomVRKind.Binary, false, 0x00, 2, 2, false, false, "Signed Short");
    /// <summary>Short Text.</summary>
    public static readonly DicomVR ST = new("ST", DicomVRKind.Text, false, 0x20, 1, 1024, false, true, "Short Text");
    /// <summary>Signed 64-bit Very Long.</summary>
    public static readonly DicomVR SV = new("SV", DicomVRKind.Binary, true, 0x00, 8, 8, false, false, "Signed 64-bit Very Long");
    /// <summary>Time.</summary>
    public static readonly DicomVR TM = new("TM", DicomVRKind.Text, false, 0x20, 1, 14, true, false, "Time");
    /// <summary>Unlimited Characters.</summary>
    public static readonly DicomVR UC = new("UC", DicomVRKind.Text, true, 0x20, 1, uint.MaxValue - 1, true, true, "Unlimited Characters");
    /// <summary>Unique Identifier (UID).</summary>
    public static readonly DicomVR UI = new("UI", DicomVRKind.Text, false, 0x00, 1, 64, true, false, "Unique Identifier");
    /// <summary>Unsigned Long.</summary>
    public static readonly DicomVR UL = new("UL", DicomVRKind.Binary, false, 0x00, 4, 4, false, false, "Unsigned Long");
    /// <summary>Unknown.</summary>
    public static readonly DicomVR UN = new("UN", DicomVRKind.Bytes, true, 0x00, 1, uint.MaxValue - 1, false, false, "Unknown");
    /// <summary>Universal Resource Identifier or Universal Resource Locator (URI/URL).</summary>
    public static readonly DicomVR UR = new("UR", DicomVRKind.Text, true, 0x20, 1, uint.MaxValue - 1, false, false, "Universal Resource Identifier or Locator");
    /// <summary>Unsigned Short.</summary>
    public static readonly DicomVR US = new("US", DicomVRKind.Binary, false, 0x00, 2, 2, false, false, "Unsigned Short");
    /// <summary>Unlimited Text.</summary>
    public static readonly DicomVR UT = new("UT", DicomVRKind.Text, true, 0x20, 1, uint.MaxValue - 1, false, true, "Unlimited Text");
    /// <summary>Unsigned 64-bit Very Long.</summary>
    public static readonly DicomVR UV = new("UV", DicomVRKind.Binary, true, 0x00, 8, 8, false, false, "Unsigned 64-bit Very Long");

    private static readonly DicomVR[] All =
    [
        AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH,
        SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV,
    ];

    private static readonly Dictionary<ushort, DicomVR> ByCode16 = All.ToDictionary(v => v.Code16);

    /// <summary>Every VR defined by PS3.5 Table 6.2-1.</summary>
    public static IReadOnlyList<DicomVR> Values => All;

    /// <summary>Finds the VR for a two-letter code.</summary>
    /// <exception cref="FormatException">The code is not a VR.</exception>
    public static DicomVR Parse(string code) =>
        TryParse(code, out var vr) ? vr : throw new FormatException($"'{code}' is not a DICOM value representation.");

    /// <summary>Finds the VR for a two-letter code.</summary>
    public static bool TryParse(string? code, out DicomVR vr)
    {
        vr = null!;
        if (code is null || code.Length != 2) return false;
        return TryParse((byte)code[0], (byte)code[1], out vr);
    }

    /// <summary>Finds the VR for the two bytes of an explicit VR header.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr) =>
        ByCode16.TryGetValue((ushort)((first << 8) | second), out vr!);
}

/// <summary>What kind of value a <see cref="DicomVR"/> holds.</summary>
public enum DicomVRKind
{
    /// <summary>Character strings (AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT).</summary>
    Text,
    /// <summary>Fixed-size binary numbers (FD, FL, SL, SS, SV, UL, US, UV, OD, OF, OL, OV, OW).</summary>
    Binary,
    /// <summary>Raw bytes (OB, UN).</summary>
    Bytes,
    /// <summary>Attribute tags (AT).</summary>
    Tag,
    /// <summary>A sequence of items (SQ).</summary>
    Sequence,
}
