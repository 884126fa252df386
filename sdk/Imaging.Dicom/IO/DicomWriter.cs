using System.Buffers.Binary;
using Imaging.Dicom.Text;

namespace Imaging.Dicom.IO;

/// <summary>
/// Writes data sets as element streams, the mirror of <see cref="DicomReader"/>: explicit or implicit VR,
/// little or big endian (PS3.5 §7.1, §7.3), sequences and items with delimiters or defined lengths (§7.5),
/// encapsulated pixel data as fragments (§A.4). Text is re-encoded when an element's character set is not the data set's.
/// </summary>
internal sealed class DicomWriter(Stream output, ElementEncoding enc, DicomWriteOptions options)
{
    private readonly byte[] _header = new byte[12];

    /// <param name="ds">The data set.</param>
    /// <param name="body">True for a Part 10 body: group 0002 belongs to the File Meta Information only (PS3.10 §7.1), so it is not written here.</param>
    /// <param name="characterSet">The character set the text is written in; the data set's own when null.</param>
    public void WriteDataset(DicomDataset ds, bool body = false, DicomCharacterSet? characterSet = null)
    {
        var cs = characterSet ?? ds.CharacterSet;
        foreach (var item in ds)
        {
            if (body && item.Tag.Group == 0x0002) continue;
            if (item.Tag.IsGroupLength && item.Tag.Group != 0x0002 && !options.KeepGroupLengths) continue;
            WriteItem(item, cs);
        }
    }

    private void WriteItem(DicomItem item, DicomCharacterSet cs)
    {
        switch (item)
        {
            case DicomElement e:
                WriteElement(e, cs);
                break;
            case DicomSequence s:
                WriteSequence(s, cs);
                break;
            case DicomFragmentSequence f:
                WriteFragments(f);
                break;
        }
    }

    private void WriteElement(DicomElement e, DicomCharacterSet cs)
    {
        var vr = e.VR;
        var buffer = e.Buffer;
        if (vr.UsesSpecificCharacterSet && !SameCharacterSet(e.CharacterSet, cs) && e.Length > 0)
        {
            // Re-encode: the element was read or made under another Specific Character Set (PS3.5 §6.1).
            var text = e.CharacterSet.Decode(buffer.Memory.Span, vr);
            var bytes = cs.Encode(text, vr);
            if ((bytes.Length & 1) == 1) { Array.Resize(ref bytes, bytes.Length + 1); bytes[^1] = vr.PaddingByte; }
            buffer = DicomBuffer.FromMemory(bytes);
        }
        long length = buffer.Length;
        // PS3.5 §7.1.1: value lengths are even. A value read leniently with an odd length gets its VR's padding byte.
        bool pad = (length & 1) == 1;
        if (pad) length++;
        if (enc.ExplicitVR && !vr.HasLongExplicitLength && length > ushort.MaxValue) vr = DicomVR.UN; // PS3.5 §6.2.2 note
        WriteHeader(e.Tag, vr, (uint)length);
        int swap = SwapUnit(vr);
        if (swap > 1)
        {
            var copy = buffer.Memory.ToArray();
            DeferredBuffer.Swap(copy, swap);
            output.Write(copy);
        }
        else buffer.CopyTo(output);
        if (pad) output.WriteByte(e.VR.PaddingByte);
    }

    private int SwapUnit(DicomVR vr) =>
        !enc.BigEndian ? 1 : vr.Kind == DicomVRKind.Binary ? vr.UnitSize : vr == DicomVR.AT ? 2 : 1;

    private void WriteSequence(DicomSequence s, DicomCharacterSet cs)
    {
        bool defined = options.DefinedLengthSequences;
        WriteHeader(s.Tag, DicomVR.SQ, defined ? (uint)SequenceValueLength(s, cs) : DicomReader.UndefinedLength);
        foreach (var item in s)
        {
            var itemCs = ItemCharacterSet(item, cs);
            WriteHeader(new DicomTag(DicomReader.ItemTag), null, defined ? (uint)DatasetLength(item, itemCs) : DicomReader.UndefinedLength);
            WriteDataset(item, characterSet: itemCs);
            if (!defined) WriteHeader(new DicomTag(DicomReader.ItemDelimiterTag), null, 0);
        }
        if (!defined) WriteHeader(new DicomTag(DicomReader.SequenceDelimiterTag), null, 0);
    }

    private void WriteFragments(DicomFragmentSequence f)
    {
        WriteHeader(f.Tag, f.VR, DicomReader.UndefinedLength);
        WriteHeader(new DicomTag(DicomReader.ItemTag), null, (uint)f.OffsetTableBuffer.Length);
        f.OffsetTableBuffer.CopyTo(output);
        foreach (var fragment in f.Fragments)
        {
            // PS3.5 §A.4: fragments have even length; an odd one read leniently is padded with NUL.
            bool pad = (fragment.Length & 1) == 1;
            WriteHeader(new DicomTag(DicomReader.ItemTag), null, (uint)(fragment.Length + (pad ? 1 : 0)));
            fragment.CopyTo(output);
            if (pad) output.WriteByte(0);
        }
        WriteHeader(new DicomTag(DicomReader.SequenceDelimiterTag), null, 0);
    }

    /// <summary>Writes a header; <paramref name="vr"/> null for items and delimiters (which never carry one).</summary>
    private void WriteHeader(DicomTag tag, DicomVR? vr, uint length)
    {
        var h = _header.AsSpan();
        bool be = enc.BigEndian;
        if (be) { BinaryPrimitives.WriteUInt16BigEndian(h, tag.Group); BinaryPrimitives.WriteUInt16BigEndian(h[2..], tag.Element); }
        else { BinaryPrimitives.WriteUInt16LittleEndian(h, tag.Group); BinaryPrimitives.WriteUInt16LittleEndian(h[2..], tag.Element); }
        if (vr is null || !enc.ExplicitVR)
        {
            if (be) BinaryPrimitives.WriteUInt32BigEndian(h[4..], length); else BinaryPrimitives.WriteUInt32LittleEndian(h[4..], length);
            output.Write(h[..8]);
            return;
        }
        h[4] = (byte)vr.Code[0];
        h[5] = (byte)vr.Code[1];
        if (vr.HasLongExplicitLength)
        {
            h[6] = h[7] = 0;
            if (be) BinaryPrimitives.WriteUInt32BigEndian(h[8..], length); else BinaryPrimitives.WriteUInt32LittleEndian(h[8..], length);
            output.Write(h[..12]);
        }
        else
        {
            if (be) BinaryPrimitives.WriteUInt16BigEndian(h[6..], (ushort)length); else BinaryPrimitives.WriteUInt16LittleEndian(h[6..], (ushort)length);
            output.Write(h[..8]);
        }
    }

    /// <summary>The encoded length of a data set's elements (for defined-length items and group lengths).</summary>
    public long DatasetLength(DicomDataset ds, DicomCharacterSet? characterSet = null)
    {
        var counter = new CountingStream();
        new DicomWriter(counter, enc, options).WriteDataset(ds, characterSet: characterSet);
        return counter.Length;
    }

    private long SequenceValueLength(DicomSequence s, DicomCharacterSet cs)
    {
        long total = 0;
        foreach (var item in s) total += 8 + DatasetLength(item, ItemCharacterSet(item, cs));
        return total;
    }

    /// <summary>
    /// An item's text is in its own (0008,0005) when it has one, else in the enclosing data set's (PS3.5 §6.1.2.5),
    /// also for an item added through <see cref="DicomSequence.Items"/>, which does not know its parent.
    /// </summary>
    private static DicomCharacterSet ItemCharacterSet(DicomDataset item, DicomCharacterSet enclosing) =>
        item.Contains(DicomDataset.Tags.SpecificCharacterSet) ? item.CharacterSet : enclosing;

    private static bool SameCharacterSet(DicomCharacterSet a, DicomCharacterSet b) =>
        ReferenceEquals(a, b) || a.Terms.SequenceEqual(b.Terms, StringComparer.Ordinal) || (a.IsDefault && b.IsDefault);


    /// <summary>A stream that only counts what is written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
