using System.Buffers.Binary;
using System.Text;

namespace Imaging.Plugins.Nifti.Format;

/// <summary>
/// Reads and writes the NIfTI-1 (348-byte) and NIfTI-2 (540-byte) headers, field by field at the offsets of nifti1.h and
/// nifti2.h. The byte order is found from <c>sizeof_hdr</c> (348 or 540 read one way or the other); writing is little endian.
/// </summary>
internal static class NiftiHeaderCodec
{
    /// <summary>sizeof_hdr of NIfTI-1.</summary>
    public const int Nifti1Size = 348;

    /// <summary>sizeof_hdr of NIfTI-2.</summary>
    public const int Nifti2Size = 540;

    /// <summary>The 4 bytes after the header in a .nii file: the extension flag (all zero: no extensions).</summary>
    public const int ExtensionFlagSize = 4;

    /// <summary>The NIfTI version and byte order from the first 4 bytes, or null when they are not a NIfTI header.</summary>
    public static (int Version, bool BigEndian)? Detect(ReadOnlySpan<byte> first4)
    {
        if (first4.Length < 4) return null;
        int le = BinaryPrimitives.ReadInt32LittleEndian(first4), be = BinaryPrimitives.ReadInt32BigEndian(first4);
        return le switch
        {
            Nifti1Size => (1, false),
            Nifti2Size => (2, false),
            _ => be switch { Nifti1Size => (1, true), Nifti2Size => (2, true), _ => null },
        };
    }

    /// <summary>Parses a header; <paramref name="bytes"/> holds at least its 348 or 540 bytes.</summary>
    /// <exception cref="FormatException">Not a NIfTI header (the message says what is wrong).</exception>
    public static NiftiHeader Read(ReadOnlySpan<byte> bytes)
    {
        var detected = Detect(bytes) ?? throw new FormatException($"sizeof_hdr is {BinaryPrimitives.ReadInt32LittleEndian(bytes)}, neither 348 (NIfTI-1) nor 540 (NIfTI-2) in either byte order");
        var r = new FieldReader(bytes, detected.BigEndian);
        var h = new NiftiHeader { Version = detected.Version, BigEndian = detected.BigEndian };
        if (bytes.Length < h.HeaderSize) throw new FormatException($"the file ends inside the {h.HeaderSize}-byte header ({bytes.Length} bytes)");
        if (h.Version == 1) ReadNifti1(r, h, bytes); else ReadNifti2(r, h, bytes);
        if (h.Dim[0] is < 1 or > 7) throw new FormatException($"dim[0] is {h.Dim[0]}, not 1 to 7");
        for (int d = 1; d <= h.Dim[0]; d++)
            if (h.Dim[d] < 1) throw new FormatException($"dim[{d}] is {h.Dim[d]}, not a positive size");
        return h;
    }

    /// <summary>Serialises <paramref name="h"/> in its <see cref="NiftiHeader.Version"/>, little endian, without the extension flag.</summary>
    public static byte[] Write(NiftiHeader h)
    {
        var bytes = new byte[h.HeaderSize];
        if (h.Version == 1) WriteNifti1(bytes, h); else WriteNifti2(bytes, h);
        return bytes;
    }

    private static void ReadNifti1(FieldReader r, NiftiHeader h, ReadOnlySpan<byte> b)
    {
        string magic = Text(b.Slice(344, 4));
        h.SingleFile = magic switch
        {
            "n+1" => true,
            "ni1" => false,
            _ => throw new FormatException($"magic is '{magic}', not 'n+1' or 'ni1' (an ANALYZE 7.5 header is not read)"),
        };
        h.DimInfo = b[39];
        for (int i = 0; i < 8; i++) h.Dim[i] = r.Int16(40 + 2 * i);
        for (int i = 0; i < 3; i++) h.IntentP[i] = r.Float(56 + 4 * i);
        h.IntentCode = r.Int16(68);
        h.DataType = (NiftiDataType)r.Int16(70);
        h.BitPix = r.Int16(72);
        h.SliceStart = r.Int16(74);
        for (int i = 0; i < 8; i++) h.PixDim[i] = r.Float(76 + 4 * i);
        h.VoxOffset = (long)r.Float(108);
        h.SclSlope = r.Float(112);
        h.SclInter = r.Float(116);
        h.SliceEnd = r.Int16(120);
        h.SliceCode = b[122];
        h.XyztUnits = b[123];
        h.CalMax = r.Float(124);
        h.CalMin = r.Float(128);
        h.SliceDuration = r.Float(132);
        h.TOffset = r.Float(136);
        h.Description = Text(b.Slice(148, 80));
        h.AuxFile = Text(b.Slice(228, 24));
        h.QformCode = r.Int16(252);
        h.SformCode = r.Int16(254);
        for (int i = 0; i < 3; i++) h.Quatern[i] = r.Float(256 + 4 * i);
        for (int i = 0; i < 3; i++) h.QOffset[i] = r.Float(268 + 4 * i);
        for (int row = 0; row < 3; row++)
            for (int c = 0; c < 4; c++) h.SRow[row][c] = r.Float(280 + 16 * row + 4 * c);
        h.IntentName = Text(b.Slice(328, 16));
    }

    private static void ReadNifti2(FieldReader r, NiftiHeader h, ReadOnlySpan<byte> b)
    {
        string magic = Text(b.Slice(4, 4));
        h.SingleFile = magic switch
        {
            "n+2" => true,
            "ni2" => false,
            _ => throw new FormatException($"magic is '{magic}', not 'n+2' or 'ni2'"),
        };
        h.DataType = (NiftiDataType)r.Int16(12);
        h.BitPix = r.Int16(14);
        for (int i = 0; i < 8; i++) h.Dim[i] = r.Int64(16 + 8 * i);
        for (int i = 0; i < 3; i++) h.IntentP[i] = r.Double(80 + 8 * i);
        for (int i = 0; i < 8; i++) h.PixDim[i] = r.Double(104 + 8 * i);
        h.VoxOffset = r.Int64(168);
        h.SclSlope = r.Double(176);
        h.SclInter = r.Double(184);
        h.CalMax = r.Double(192);
        h.CalMin = r.Double(200);
        h.SliceDuration = r.Double(208);
        h.TOffset = r.Double(216);
        h.SliceStart = r.Int64(224);
        h.SliceEnd = r.Int64(232);
        h.Description = Text(b.Slice(240, 80));
        h.AuxFile = Text(b.Slice(320, 24));
        h.QformCode = r.Int32(344);
        h.SformCode = r.Int32(348);
        for (int i = 0; i < 3; i++) h.Quatern[i] = r.Double(352 + 8 * i);
        for (int i = 0; i < 3; i++) h.QOffset[i] = r.Double(376 + 8 * i);
        for (int row = 0; row < 3; row++)
            for (int c = 0; c < 4; c++) h.SRow[row][c] = r.Double(400 + 32 * row + 8 * c);
        h.SliceCode = r.Int32(496);
        h.XyztUnits = r.Int32(500);
        h.IntentCode = r.Int32(504);
        h.IntentName = Text(b.Slice(508, 16));
        h.DimInfo = b[524];
    }

    private static void WriteNifti1(Span<byte> b, NiftiHeader h)
    {
        BinaryPrimitives.WriteInt32LittleEndian(b, Nifti1Size);
        b[38] = (byte)'r'; // "regular", as nifti1_io writes it
        b[39] = h.DimInfo;
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteInt16LittleEndian(b[(40 + 2 * i)..], checked((short)h.Dim[i]));
        for (int i = 0; i < 3; i++) Float(b, 56 + 4 * i, h.IntentP[i]);
        BinaryPrimitives.WriteInt16LittleEndian(b[68..], checked((short)h.IntentCode));
        BinaryPrimitives.WriteInt16LittleEndian(b[70..], (short)h.DataType);
        BinaryPrimitives.WriteInt16LittleEndian(b[72..], checked((short)h.BitPix));
        BinaryPrimitives.WriteInt16LittleEndian(b[74..], checked((short)h.SliceStart));
        for (int i = 0; i < 8; i++) Float(b, 76 + 4 * i, h.PixDim[i]);
        Float(b, 108, h.VoxOffset);
        Float(b, 112, h.SclSlope);
        Float(b, 116, h.SclInter);
        BinaryPrimitives.WriteInt16LittleEndian(b[120..], checked((short)h.SliceEnd));
        b[122] = checked((byte)h.SliceCode);
        b[123] = checked((byte)h.XyztUnits);
        Float(b, 124, h.CalMax);
        Float(b, 128, h.CalMin);
        Float(b, 132, h.SliceDuration);
        Float(b, 136, h.TOffset);
        PutText(b.Slice(148, 80), h.Description);
        PutText(b.Slice(228, 24), h.AuxFile);
        BinaryPrimitives.WriteInt16LittleEndian(b[252..], checked((short)h.QformCode));
        BinaryPrimitives.WriteInt16LittleEndian(b[254..], checked((short)h.SformCode));
        for (int i = 0; i < 3; i++) Float(b, 256 + 4 * i, h.Quatern[i]);
        for (int i = 0; i < 3; i++) Float(b, 268 + 4 * i, h.QOffset[i]);
        for (int row = 0; row < 3; row++)
            for (int c = 0; c < 4; c++) Float(b, 280 + 16 * row + 4 * c, h.SRow[row][c]);
        PutText(b.Slice(328, 16), h.IntentName);
        PutText(b.Slice(344, 4), h.SingleFile ? "n+1" : "ni1");
    }

    private static void WriteNifti2(Span<byte> b, NiftiHeader h)
    {
        BinaryPrimitives.WriteInt32LittleEndian(b, Nifti2Size);
        // magic: "n+2\0" then "\r\n\032\n", which catches transfers that mangle line ends (nifti2.h).
        PutText(b.Slice(4, 4), h.SingleFile ? "n+2" : "ni2");
        b[8] = 0x0D; b[9] = 0x0A; b[10] = 0x1A; b[11] = 0x0A;
        BinaryPrimitives.WriteInt16LittleEndian(b[12..], (short)h.DataType);
        BinaryPrimitives.WriteInt16LittleEndian(b[14..], checked((short)h.BitPix));
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteInt64LittleEndian(b[(16 + 8 * i)..], h.Dim[i]);
        for (int i = 0; i < 3; i++) BinaryPrimitives.WriteDoubleLittleEndian(b[(80 + 8 * i)..], h.IntentP[i]);
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteDoubleLittleEndian(b[(104 + 8 * i)..], h.PixDim[i]);
        BinaryPrimitives.WriteInt64LittleEndian(b[168..], h.VoxOffset);
        BinaryPrimitives.WriteDoubleLittleEndian(b[176..], h.SclSlope);
        BinaryPrimitives.WriteDoubleLittleEndian(b[184..], h.SclInter);
        BinaryPrimitives.WriteDoubleLittleEndian(b[192..], h.CalMax);
        BinaryPrimitives.WriteDoubleLittleEndian(b[200..], h.CalMin);
        BinaryPrimitives.WriteDoubleLittleEndian(b[208..], h.SliceDuration);
        BinaryPrimitives.WriteDoubleLittleEndian(b[216..], h.TOffset);
        BinaryPrimitives.WriteInt64LittleEndian(b[224..], h.SliceStart);
        BinaryPrimitives.WriteInt64LittleEndian(b[232..], h.SliceEnd);
        PutText(b.Slice(240, 80), h.Description);
        PutText(b.Slice(320, 24), h.AuxFile);
        BinaryPrimitives.WriteInt32LittleEndian(b[344..], h.QformCode);
        BinaryPrimitives.WriteInt32LittleEndian(b[348..], h.SformCode);
        for (int i = 0; i < 3; i++) BinaryPrimitives.WriteDoubleLittleEndian(b[(352 + 8 * i)..], h.Quatern[i]);
        for (int i = 0; i < 3; i++) BinaryPrimitives.WriteDoubleLittleEndian(b[(376 + 8 * i)..], h.QOffset[i]);
        for (int row = 0; row < 3; row++)
            for (int c = 0; c < 4; c++) BinaryPrimitives.WriteDoubleLittleEndian(b[(400 + 32 * row + 8 * c)..], h.SRow[row][c]);
        BinaryPrimitives.WriteInt32LittleEndian(b[496..], h.SliceCode);
        BinaryPrimitives.WriteInt32LittleEndian(b[500..], h.XyztUnits);
        BinaryPrimitives.WriteInt32LittleEndian(b[504..], h.IntentCode);
        PutText(b.Slice(508, 16), h.IntentName);
        b[524] = h.DimInfo;
    }

    private static void Float(Span<byte> b, int offset, double value) => BinaryPrimitives.WriteSingleLittleEndian(b[offset..], (float)value);

    private static string Text(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end < 0 ? field : field[..end]);
    }

    /// <summary>Writes <paramref name="text"/> as a NUL-terminated Latin-1 string, cut to fit with its terminator.</summary>
    private static void PutText(Span<byte> field, string text)
    {
        field.Clear();
        var value = text.Length >= field.Length ? text[..(field.Length - 1)] : text;
        Encoding.Latin1.GetBytes(value, field);
    }

    /// <summary>Reads fields in the header's byte order.</summary>
    private readonly ref struct FieldReader(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        private readonly ReadOnlySpan<byte> _b = bytes;

        public short Int16(int o) => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(_b[o..]) : BinaryPrimitives.ReadInt16LittleEndian(_b[o..]);

        public int Int32(int o) => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(_b[o..]) : BinaryPrimitives.ReadInt32LittleEndian(_b[o..]);

        public long Int64(int o) => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(_b[o..]) : BinaryPrimitives.ReadInt64LittleEndian(_b[o..]);

        public double Float(int o) => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(_b[o..]) : BinaryPrimitives.ReadSingleLittleEndian(_b[o..]);

        public double Double(int o) => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(_b[o..]) : BinaryPrimitives.ReadDoubleLittleEndian(_b[o..]);
    }
}
