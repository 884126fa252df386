using System.Buffers.Binary;

namespace Imaging.Dicom.IO;

/// <summary>
/// The token reader: yields element headers, item headers and delimiters from a <see cref="DicomInput"/>;
/// the data set builder (<see cref="DicomDatasetReader"/>) above it decides what the values mean.
/// </summary>
internal sealed class DicomReader(DicomInput input)
{
    public const uint UndefinedLength = 0xFFFFFFFF;
    public const uint ItemTag = 0xFFFEE000;
    public const uint ItemDelimiterTag = 0xFFFEE00D;
    public const uint SequenceDelimiterTag = 0xFFFEE0DD;

    public DicomInput Input => input;

    /// <summary>Reads the next header; false at the end of input (a partial header at the very end is reported in <paramref name="trailing"/>).</summary>
    public bool TryReadHeader(ElementEncoding enc, out ElementHeader header, out int trailing)
    {
        header = default;
        trailing = 0;
        long offset = input.Position;
        if (!input.Ensure(8))
        {
            trailing = input.Buffered;
            return false;
        }
        var s = input.Span;
        ushort group = enc.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
        ushort element = enc.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s[2..]) : BinaryPrimitives.ReadUInt16LittleEndian(s[2..]);
        var tag = new DicomTag(group, element);
        if (group == 0xFFFE)
        {
            // Items and delimiters never carry a VR (PS3.5 §7.5).
            uint len = enc.BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s[4..]) : BinaryPrimitives.ReadUInt32LittleEndian(s[4..]);
            input.Advance(8);
            header = new ElementHeader(tag, null, len, offset);
            return true;
        }
        if (!enc.ExplicitVR)
        {
            uint len = BinaryPrimitives.ReadUInt32LittleEndian(s[4..]);
            input.Advance(8);
            header = new ElementHeader(tag, null, len, offset);
            return true;
        }
        byte a = s[4], b = s[5];
        if (DicomVR.TryParse(a, b, out var vr))
        {
            if (vr.HasLongExplicitLength)
            {
                if (!input.Ensure(12))
                {
                    trailing = input.Buffered;
                    return false;
                }
                s = input.Span;
                uint len = enc.BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(s[8..]);
                input.Advance(12);
                header = new ElementHeader(tag, vr, len, offset);
            }
            else
            {
                uint len = enc.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s[6..]) : BinaryPrimitives.ReadUInt16LittleEndian(s[6..]);
                input.Advance(8);
                header = new ElementHeader(tag, vr, len, offset);
            }
            return true;
        }
        if (IsUpper(a) && IsUpper(b))
        {
            // Letters but no VR we know (e.g. a newer standard's, or "??"): PS3.5 §6.2 reserves the 2-byte form; read as UN.
            uint len = enc.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s[6..]) : BinaryPrimitives.ReadUInt16LittleEndian(s[6..]);
            input.Advance(8);
            header = new ElementHeader(tag, DicomVR.UN, len, offset, ImplicitInExplicit: false);
            return true;
        }
        // No VR at all: an implicit VR element in an explicit VR stream (a common writer bug); the length is 32-bit.
        uint ilen = enc.BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s[4..]) : BinaryPrimitives.ReadUInt32LittleEndian(s[4..]);
        input.Advance(8);
        header = new ElementHeader(tag, null, ilen, offset, ImplicitInExplicit: true);
        return true;
    }

    /// <summary>Peeks at the next tag without consuming it; null at end of input.</summary>
    public DicomTag? PeekTag(ElementEncoding enc)
    {
        if (!input.Ensure(4)) return null;
        var s = input.Span;
        return enc.BigEndian
            ? new DicomTag(BinaryPrimitives.ReadUInt16BigEndian(s), BinaryPrimitives.ReadUInt16BigEndian(s[2..]))
            : new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(s), BinaryPrimitives.ReadUInt16LittleEndian(s[2..]));
    }

    /// <summary>True when the 2 bytes after the next tag spell a known VR: the stream is explicit VR here.</summary>
    public bool? PeekLooksExplicit()
    {
        if (!input.Ensure(6)) return null;
        var s = input.Span;
        return DicomVR.TryParse(s[4], s[5], out _);
    }

    private static bool IsUpper(byte c) => c >= (byte)'A' && c <= (byte)'Z';
}
