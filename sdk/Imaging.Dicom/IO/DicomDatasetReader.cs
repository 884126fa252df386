using Imaging.Dicom.Text;

namespace Imaging.Dicom.IO;

/// <summary>
/// Builds data sets from the token stream of a <see cref="DicomReader"/>: sequences of defined and undefined
/// length to any depth, encapsulated pixel data, UN re-interpretation, deferred values, lenient recovery.
/// </summary>
internal sealed class DicomDatasetReader
{
    private const int MaxDepth = 128;
    private const int UnknownLengthChunk = 1 << 20;
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);
    private static readonly DicomTag FloatPixelData = new(0x7FE0, 0x0008);
    private static readonly DicomTag DoubleFloatPixelData = new(0x7FE0, 0x0009);
    private static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);

    private readonly DicomReader _reader;
    private readonly DicomInput _input;
    private readonly FileReadOptions _options;
    private readonly DicomDictionary _dictionary;
    private readonly List<DicomReadWarning> _warnings;
    private bool _stopped;

    public DicomDatasetReader(DicomInput input, FileReadOptions options, List<DicomReadWarning> warnings)
    {
        _input = input;
        _reader = new DicomReader(input);
        _options = options;
        _dictionary = options.Dictionary ?? DicomDictionary.Standard;
        _warnings = warnings;
    }

    public DicomReader Reader => _reader;

    /// <summary>True when reading stopped early on purpose (pixel data, stop tag) or on truncated input.</summary>
    public bool StoppedEarly => _stopped;

    public void Warn(long offset, DicomTag? tag, string message)
    {
        if (_options.Strict) throw new DicomFormatException(message, _input.Path, offset, tag);
        _warnings.Add(new DicomReadWarning(offset, tag, message));
    }

    /// <summary>Reads group 0002 elements while the next tag is in group 0002 (PS3.10 §7.1: explicit VR little endian).</summary>
    public DicomDataset ReadMeta()
    {
        var meta = new DicomDataset();
        var enc = _reader.PeekLooksExplicit() == false ? ElementEncoding.ImplicitLittle : ElementEncoding.ExplicitLittle;
        if (!enc.ExplicitVR) Warn(_input.Position, null, "the file meta information is implicit VR; PS3.10 §7.1 requires explicit VR little endian");
        long start = _input.Position;
        long? groupEnd = null;
        while (_reader.PeekTag(enc) is { Group: 0x0002 })
        {
            if (!ReadOne(meta, enc, DicomCharacterSet.Default, depth: 0, topLevel: false, out var h)) break;
            if (h.Tag.Element == 0 && meta.TryGetElement(h.Tag, out var gl) && gl.Length == 4)
                groupEnd = _input.Position + System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(gl.Buffer.Memory.Span);
        }
        // PS3.10 §7.1: (0002,0000) gives the length of the rest of the group. Like pydicom, the group is read to its
        // last 0002 element whatever it says; a wrong value is only reported.
        if (groupEnd is { } expected && expected != _input.Position)
            Warn(start, new DicomTag(0x0002, 0x0000), $"File Meta Information Group Length says the group ends at offset {expected}, but it ends at {_input.Position}");
        meta.CompleteReading();
        return meta;
    }

    /// <summary>Reads a data set until the end of input (top level).</summary>
    public DicomDataset ReadTopLevel(ElementEncoding enc)
    {
        var ds = new DicomDataset();
        ReadItems(ds, enc, DicomCharacterSet.Default, end: null, untilDelimiter: false, depth: 0, topLevel: true);
        ds.CompleteReading();
        return ds;
    }

    /// <summary>Reads entries into <paramref name="ds"/> until <paramref name="end"/>, an item delimiter, or the end of input. Returns true when a sequence delimiter ended it early.</summary>
    private bool ReadItems(DicomDataset ds, ElementEncoding enc, DicomCharacterSet cs, long? end, bool untilDelimiter, int depth, bool topLevel)
    {
        while (!_stopped)
        {
            if (end is { } e && _input.Position >= e)
            {
                if (_input.Position > e) Warn(_input.Position, null, $"an item's elements run {_input.Position - e} bytes past its defined length");
                return false;
            }
            long before = _input.Position;
            if (!_reader.TryReadHeader(enc, out var h, out int trailing))
            {
                if (trailing > 0) Warn(before, null, $"{trailing} trailing bytes after the last element were ignored");
                if (untilDelimiter || end is not null) Warn(before, null, "the input ends inside an item (no item delimiter)");
                _stopped = untilDelimiter || end is not null;
                return false;
            }
            if (h.IsItemDelimiter)
            {
                if (untilDelimiter) return false;
                Warn(h.Offset, h.Tag, "an item delimiter outside an item of undefined length was ignored");
                continue;
            }
            if (h.IsSequenceDelimiter)
            {
                if (depth > 0) { Warn(h.Offset, h.Tag, "a sequence delimiter ended an item that had no item delimiter"); return true; }
                Warn(h.Offset, h.Tag, "a sequence delimiter at the top level was ignored");
                continue;
            }
            if (h.IsItem)
            {
                Warn(h.Offset, h.Tag, "an item tag where an element was expected; the rest of this level was skipped");
                _stopped = true;
                return false;
            }
            if (topLevel && ShouldStop(h.Tag))
            {
                _stopped = true;
                return false;
            }
            ReadValue(ds, h, enc, ref cs, depth, topLevel);
        }
        return false;
    }

    private bool ReadOne(DicomDataset ds, ElementEncoding enc, DicomCharacterSet cs, int depth, bool topLevel, out ElementHeader header)
    {
        if (!_reader.TryReadHeader(enc, out header, out _)) return false;
        ReadValue(ds, header, enc, ref cs, depth, topLevel);
        return true;
    }

    private bool ShouldStop(DicomTag tag)
    {
        if (_options.StopAtTag is { } stop && tag >= stop) return true;
        return _options.StopBeforePixelData && (tag == PixelData || tag == FloatPixelData || tag == DoubleFloatPixelData);
    }

    private void ReadValue(DicomDataset ds, ElementHeader h, ElementEncoding enc, ref DicomCharacterSet cs, int depth, bool topLevel)
    {
        var tag = h.Tag;
        var vr = h.VR;
        if (h.ImplicitInExplicit)
            Warn(h.Offset, tag, "an element without a VR in an explicit VR data set; read as implicit VR");
        bool implicitHere = vr is null;
        bool unReplaced = false;
        if (vr is null) vr = VRFromDictionary(tag, ds, h);
        else if (vr == DicomVR.UN && _options.ReplaceUnknownVR && !h.IsUndefinedLength)
        {
            var known = VRFromDictionary(tag, ds, h);
            if (known != DicomVR.UN)
            {
                // PS3.5 §6.2.2: a UN value is the implicit VR little endian encoding of the element.
                if (known == DicomVR.SQ) { ReadSequence(ds, tag, h.Length, ElementEncoding.ImplicitLittle, cs, depth); return; }
                vr = known;
                unReplaced = true;
            }
        }

        if (h.IsUndefinedLength)
        {
            if (tag == PixelData || ((tag.Group & 0xFF00) == 0x7F00 && tag.Element == 0x0010 && vr != DicomVR.SQ))
            {
                // PS3.5 §A.4: encapsulated pixel data is OB; an OW that an explicit VR header gives is kept, but the
                // dictionary's "OB or OW" of an implicit VR stream is OB here (as pydicom resolves it), not the native OW.
                ReadFragments(ds, tag, vr == DicomVR.OW && !implicitHere ? DicomVR.OW : DicomVR.OB, enc);
                return;
            }
            // PS3.5 §6.2.2 and §7.5: undefined length means a sequence; a UN one is encoded implicit VR little endian.
            var inner = vr == DicomVR.UN ? ElementEncoding.ImplicitLittle : enc;
            if (vr != DicomVR.SQ && vr != DicomVR.UN) Warn(h.Offset, tag, $"undefined length on a {vr.Code} element; read as a sequence");
            ReadSequence(ds, tag, h.Length, inner, cs, depth);
            return;
        }
        if (vr == DicomVR.SQ)
        {
            ReadSequence(ds, tag, h.Length, enc, cs, depth);
            return;
        }
        if ((h.Length & 1) == 1 && tag.Group != 0xFFFE)
            Warn(h.Offset, tag, $"odd value length {h.Length}; PS3.5 §7.1.1 requires even lengths");

        // A UN value is little endian whatever the transfer syntax (PS3.5 §6.2.2), so it is not swapped.
        var buffer = ReadBuffer(h, vr, unReplaced ? enc with { BigEndian = false } : enc, out bool complete);
        var element = new DicomElement(tag, vr, buffer, vr.UsesSpecificCharacterSet ? cs : null);
        ds.AppendSorted(element);
        if (tag.IsPrivateCreator || tag == PixelRepresentation) NoteForLaterVRs(ds, element);
        if (tag == DicomDataset.Tags.SpecificCharacterSet) cs = ds.CharacterSet;
        if (!complete) _stopped = true;
    }

    private DicomBuffer ReadBuffer(ElementHeader h, DicomVR vr, ElementEncoding enc, out bool complete)
    {
        complete = true;
        long length = h.Length;
        long valueOffset = _input.Position;
        int swap = enc.BigEndian ? (vr.Kind == DicomVRKind.Binary ? vr.UnitSize : vr == DicomVR.AT ? 2 : 1) : 1;
        if (_input.Length is { } total && valueOffset + length > total)
        {
            Warn(valueOffset, h.Tag, $"the value is {length} bytes but the input ends after {total - valueOffset}; the value was cut and reading stopped");
            length = total - valueOffset;
            complete = false;
        }
        bool mustDefer = length > Array.MaxLength;
        bool defer = _input.Source is not null && (mustDefer || (_options.DeferValuesLongerThan is { } limit && length > limit));
        if (defer)
        {
            _input.Skip(length);
            return new DeferredBuffer(_input.Source!, valueOffset, length, swap);
        }
        if (mustDefer)
            throw new DicomFormatException($"a {length}-byte value cannot be held in memory and the input cannot be re-read; open the file by path", _input.Path, valueOffset, h.Tag);
        if (length == 0) return DicomBuffer.Empty;
        // When the input's length is unknown (deflated, or a stream that cannot seek) the header's length was not
        // checked above: a bogus one must not be allocated up front (a 2 GiB length in a tiny deflated file), so
        // large values are read in growing chunks.
        byte[] bytes;
        int got;
        if (_input.Length is null && length > UnknownLengthChunk) bytes = ReadGrowing(length, out got);
        else
        {
            bytes = new byte[length];
            got = _input.Read(bytes);
        }
        if (got < length)
        {
            Warn(valueOffset, h.Tag, $"the value is {length} bytes but the input ends after {got}; the value was cut and reading stopped");
            Array.Resize(ref bytes, got);
            complete = false;
        }
        if (swap > 1) DeferredBuffer.Swap(bytes, swap);
        return DicomBuffer.FromMemory(bytes);
    }

    /// <summary>Reads up to <paramref name="length"/> bytes, allocating no more than twice what the input really holds.</summary>
    private byte[] ReadGrowing(long length, out int got)
    {
        var bytes = new byte[UnknownLengthChunk];
        got = 0;
        while (true)
        {
            got += _input.Read(bytes.AsSpan(got));
            if (got < bytes.Length || got == length) return bytes;
            Array.Resize(ref bytes, (int)Math.Min(length, 2L * bytes.Length));
        }
    }

    private void ReadSequence(DicomDataset ds, DicomTag tag, uint length, ElementEncoding enc, DicomCharacterSet cs, int depth)
    {
        if (depth >= MaxDepth)
            throw new DicomFormatException($"sequences are nested deeper than {MaxDepth} levels", _input.Path, _input.Position, tag);
        var seq = new DicomSequence(tag);
        long? end = length == DicomReader.UndefinedLength ? null : _input.Position + length;
        while (!_stopped)
        {
            if (end is { } e && _input.Position >= e) break;
            long at = _input.Position;
            if (!_reader.TryReadHeader(enc, out var h, out _))
            {
                if (end is null) Warn(at, tag, "the input ends inside a sequence (no sequence delimiter)");
                _stopped = true;
                break;
            }
            if (h.IsSequenceDelimiter)
            {
                if (end is not null) Warn(h.Offset, tag, "a sequence delimiter in a sequence of defined length");
                break;
            }
            if (h.IsItemDelimiter)
            {
                Warn(h.Offset, tag, "a stray item delimiter in a sequence was ignored");
                continue;
            }
            if (!h.IsItem)
            {
                throw new DicomFormatException($"expected an item (FFFE,E000) in sequence {tag} but found {h.Tag}", _input.Path, h.Offset, tag);
            }
            var item = new DicomDataset { Parent = ds, SourceOffset = h.Offset };
            bool undefined = h.IsUndefinedLength;
            long? itemEnd = undefined ? null : _input.Position + h.Length;
            if (end is { } se && itemEnd > se)
                Warn(h.Offset, tag, $"an item of {h.Length} bytes runs past the end of its sequence");
            bool sequenceEnded = ReadItems(item, enc, cs, itemEnd, undefined, depth + 1, topLevel: false);
            item.CompleteReading();
            seq.Items.Add(item);
            if (sequenceEnded) break;
        }
        if (end is { } fin && _input.Position != fin && !_stopped)
            Warn(_input.Position, tag, $"the sequence's items end {_input.Position - fin} bytes off its defined length");
        ds.AppendSorted(seq);
    }

    private void ReadFragments(DicomDataset ds, DicomTag tag, DicomVR vr, ElementEncoding enc)
    {
        DicomBuffer? offsetTable = null;
        var fragments = new List<DicomBuffer>();
        while (true)
        {
            long at = _input.Position;
            if (!_reader.TryReadHeader(ElementEncoding.ImplicitLittle with { BigEndian = enc.BigEndian }, out var h, out _))
            {
                Warn(at, tag, "the input ends inside encapsulated pixel data (no sequence delimiter)");
                _stopped = true;
                break;
            }
            if (h.IsSequenceDelimiter) break;
            if (!h.IsItem || h.IsUndefinedLength)
                throw new DicomFormatException($"expected a fragment item in encapsulated pixel data but found {h.Tag} with length {h.Length}", _input.Path, h.Offset, tag);
            var buffer = ReadBuffer(h, DicomVR.OB, enc, out bool complete);
            if (offsetTable is null) offsetTable = buffer; else fragments.Add(buffer);
            if (!complete) { _stopped = true; break; }
        }
        ds.AppendSorted(new DicomFragmentSequence(tag, vr, offsetTable ?? DicomBuffer.Empty, fragments));
    }

    /// <summary>The VR for an element whose header has none: the dictionary's, with "US or SS" and "OB or OW" resolved as pydicom and PS3.5 §A.1 do.</summary>
    private DicomVR VRFromDictionary(DicomTag tag, DicomDataset ds, ElementHeader h)
    {
        if (tag.IsGroupLength) return DicomVR.UL;
        if (tag.IsPrivateCreator) return DicomVR.LO;
        string? creator = tag.IsPrivate && tag.PrivateCreatorTag is { } ct && ds.Reading?.PrivateCreators.TryGetValue(ct.Value, out var c) == true ? c : null;
        if (tag.IsPrivate && creator is null) return DicomVR.UN;
        var entry = _dictionary.Lookup(tag, creator);
        if (entry is null || entry.ValueRepresentations.Count == 0) return DicomVR.UN;
        var vrs = entry.ValueRepresentations;
        if (vrs.Count == 1) return vrs[0];
        if (vrs.Contains(DicomVR.OW) && vrs.Contains(DicomVR.OB))
        {
            // PS3.5 §A.1: implicit VR pixel data is OW; 8-bit data in explicit streams is OB.
            return DicomVR.OW;
        }
        if (vrs.Contains(DicomVR.SS) && vrs.Contains(DicomVR.US))
        {
            var pr = FindUp(ds);
            return pr == 1 ? DicomVR.SS : DicomVR.US;
        }
        return vrs[0];
    }

    private static void NoteForLaterVRs(DicomDataset ds, DicomElement element)
    {
        var context = ds.Reading ??= new DicomDataset.ReaderContext();
        if (element.Tag == PixelRepresentation)
        {
            var span = element.Buffer.Memory.Span;
            if (span.Length >= 2) context.PixelRepresentation = span[0] | (span[1] << 8);
        }
        else context.PrivateCreators[element.Tag.Value] = element.GetString().Trim();
    }

    /// <summary>(0028,0103) as met by the reader in this data set or an enclosing one (PS3.5 §7.5: items see their parents').</summary>
    private static int? FindUp(DicomDataset? ds)
    {
        // Every enclosing data set of an item being read is itself still being read, so its context is current.
        for (; ds is not null; ds = ds.Parent)
            if (ds.Reading?.PixelRepresentation is { } pr) return pr;
        return null;
    }
}
