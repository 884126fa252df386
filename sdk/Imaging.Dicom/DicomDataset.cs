using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Imaging.Dicom.IO;
using Imaging.Dicom.Text;
using Imaging.Dicom.Values;

namespace Imaging.Dicom;

/// <summary>
/// A data set: elements kept in ascending tag order (PS3.5 §7.1), with fo-dicom-style typed access
/// (<see cref="GetString"/>, <see cref="GetValues{T}"/>, <see cref="TryGetValue{T}"/>,
/// <see cref="GetSingleValueOrDefault{T}"/>, <see cref="AddOrUpdate{T}(DicomTag, T[])"/>, <see cref="Remove(DicomTag[])"/>).
/// </summary>
public sealed class DicomDataset : IEnumerable<DicomItem>
{
    private readonly List<DicomItem> _items;
    private DicomCharacterSet? _characterSet;
    private bool _unsorted;

    /// <summary>Creates an empty data set.</summary>
    public DicomDataset() => _items = [];

    /// <summary>Creates a data set holding the given entries.</summary>
    public DicomDataset(params IEnumerable<DicomItem> items) : this()
    {
        foreach (var item in items) AddOrUpdate(item);
    }

    internal DicomDataset(List<DicomItem> sortedItems) => _items = sortedItems;

    /// <summary>The number of entries.</summary>
    public int Count => Items.Count;

    /// <summary>The data set that holds the sequence this one is an item of, if any; items inherit its character set.</summary>
    public DicomDataset? Parent { get; internal set; }

    /// <summary>For an item read from a stream, the offset of its item tag (FFFE,E000); DICOMDIR records are linked by these (PS3.3 F.3.2.1).</summary>
    internal long? SourceOffset { get; init; }

    /// <summary>
    /// The character set new text values are encoded with: this data set's (0008,0005) Specific Character Set,
    /// else the parent's (PS3.5 §6.1.2.5, PS3.3 C.12.1.1.2), else the default repertoire.
    /// </summary>
    public DicomCharacterSet CharacterSet
    {
        get
        {
            if (_characterSet is not null) return _characterSet;
            if (TryGetItem(Tags.SpecificCharacterSet, out var item) && item is DicomElement e)
                return _characterSet = DicomCharacterSet.FromTerms(RawTerms(e));
            return Parent?.CharacterSet ?? DicomCharacterSet.Default;
        }
    }

    /// <summary>(0008,0005) values as written, the first one kept even when empty (it then means the default repertoire).</summary>
    internal static string[] RawTerms(DicomElement e)
    {
        var text = System.Text.Encoding.ASCII.GetString(e.Buffer.Memory.Span).TrimEnd(' ', '\0');
        return [.. text.Split('\\').Select(t => t.Trim())];
    }

    /// <summary>True when the data set holds the tag.</summary>
    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    /// <summary>The entry with the tag, or null.</summary>
    public DicomItem? this[DicomTag tag] => TryGetItem(tag, out var item) ? item : null;

    /// <summary>The entry with the tag.</summary>
    public bool TryGetItem(DicomTag tag, [NotNullWhen(true)] out DicomItem? item)
    {
        int i = IndexOf(tag);
        item = i >= 0 ? Items[i] : null;
        return item is not null;
    }

    /// <summary>The element (not sequence) with the tag.</summary>
    public bool TryGetElement(DicomTag tag, [NotNullWhen(true)] out DicomElement? element)
    {
        element = TryGetItem(tag, out var item) ? item as DicomElement : null;
        return element is not null;
    }

    /// <summary>Adds an entry; fails if the tag is present (use <see cref="AddOrUpdate(DicomItem)"/> to replace).</summary>
    /// <exception cref="ArgumentException">The tag is already present.</exception>
    public DicomDataset Add(DicomItem item)
    {
        int i = IndexOf(item.Tag);
        if (i >= 0) throw new ArgumentException($"the data set already holds {item.Tag}.", nameof(item));
        Insert(~i, item);
        return this;
    }

    /// <summary>Adds an entry, replacing any with the same tag.</summary>
    public DicomDataset AddOrUpdate(DicomItem item)
    {
        int i = IndexOf(item.Tag);
        if (i >= 0)
        {
            Items[i] = item;
            Changed(item);
        }
        else Insert(~i, item);
        return this;
    }

    /// <summary>Sets a value, converting <paramref name="values"/> through the VR the dictionary gives the tag.</summary>
    /// <exception cref="DicomException">The tag is unknown to the dictionary (give the VR) or the values do not fit it.</exception>
    public DicomDataset AddOrUpdate<T>(DicomTag tag, params T[] values) => AddOrUpdate(VRFor(tag, typeof(T)), tag, values);

    /// <summary>Sets a value of an explicit VR; text is encoded with this data set's <see cref="CharacterSet"/>.</summary>
    public DicomDataset AddOrUpdate<T>(DicomVR vr, DicomTag tag, params T[] values)
    {
        if (vr == DicomVR.SQ)
        {
            var seq = new DicomSequence(tag, values.OfType<DicomDataset>());
            foreach (var d in seq) d.Parent = this;
            return AddOrUpdate(seq);
        }
        var cs = tag == Tags.SpecificCharacterSet ? DicomCharacterSet.Default : CharacterSet;
        return AddOrUpdate(new DicomElement(tag, vr, ValueConverter.Encode(vr, cs, values), cs));
    }

    /// <summary>Removes the entries with these tags; absent tags are ignored.</summary>
    public DicomDataset Remove(params DicomTag[] tags)
    {
        foreach (var tag in tags)
        {
            int i = IndexOf(tag);
            if (i < 0) continue;
            Items.RemoveAt(i);
            if (tag == Tags.SpecificCharacterSet) _characterSet = null;
        }
        return this;
    }

    /// <summary>Removes the entries that match a condition.</summary>
    public DicomDataset Remove(Func<DicomItem, bool> condition)
    {
        Items.RemoveAll(i => condition(i));
        _characterSet = null;
        return this;
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        Items.Clear();
        _characterSet = null;
    }

    /// <summary>The whole value of an element as text (every value, backslash-separated, padding stripped).</summary>
    /// <exception cref="DicomException">The tag is absent or is a sequence.</exception>
    public string GetString(DicomTag tag) => Element(tag).GetString();

    /// <summary>The whole value of an element as text.</summary>
    public bool TryGetString(DicomTag tag, [NotNullWhen(true)] out string? value)
    {
        value = TryGetElement(tag, out var e) ? e.GetString() : null;
        return value is not null;
    }

    /// <summary>The value at an index, converted to <typeparamref name="T"/> (see <see cref="DicomElement.Get{T}"/>).</summary>
    public T GetValue<T>(DicomTag tag, int index = 0) => Element(tag).Get<T>(index);

    /// <summary>Every value, converted to <typeparamref name="T"/>.</summary>
    public T[] GetValues<T>(DicomTag tag) => Element(tag).GetValues<T>();

    /// <summary>The one value of a single-valued element.</summary>
    /// <exception cref="DicomException">Absent, or more or fewer than one value.</exception>
    public T GetSingleValue<T>(DicomTag tag)
    {
        var e = Element(tag);
        int n = e.Count;
        if (n != 1) throw new DicomException($"{tag} has {n} values, not one.");
        return e.Get<T>();
    }

    /// <summary>The one value of a single-valued element, or <paramref name="defaultValue"/> when it is absent, empty or not convertible.</summary>
    public T GetSingleValueOrDefault<T>(DicomTag tag, T defaultValue) =>
        TryGetElement(tag, out var e) && e.Count == 1 && TryConvert(e, 0, out T? v) ? v! : defaultValue;

    /// <summary>The value at an index, or <paramref name="defaultValue"/> when absent or not convertible.</summary>
    public T GetValueOrDefault<T>(DicomTag tag, int index, T defaultValue) =>
        TryGetValue(tag, index, out T? v) ? v! : defaultValue;

    /// <summary>The value at an index, converted; false when absent, too short or not convertible.</summary>
    public bool TryGetValue<T>(DicomTag tag, int index, [MaybeNullWhen(false)] out T value)
    {
        value = default;
        return TryGetElement(tag, out var e) && TryConvert(e, index, out value);
    }

    /// <summary>Every value, converted; false when absent or not convertible.</summary>
    public bool TryGetValues<T>(DicomTag tag, [NotNullWhen(true)] out T[]? values)
    {
        values = null;
        if (!TryGetElement(tag, out var e)) return false;
        try { values = e.GetValues<T>(); }
        catch (Exception ex) when (ex is DicomException or FormatException or OverflowException) { return false; }
        return true;
    }

    /// <summary>The sequence with the tag.</summary>
    /// <exception cref="DicomException">Absent or not a sequence.</exception>
    public DicomSequence GetSequence(DicomTag tag) =>
        TryGetSequence(tag, out var s) ? s : throw new DicomException($"the data set has no sequence {tag}.");

    /// <summary>The sequence with the tag.</summary>
    public bool TryGetSequence(DicomTag tag, [NotNullWhen(true)] out DicomSequence? sequence)
    {
        sequence = TryGetItem(tag, out var item) ? item as DicomSequence : null;
        return sequence is not null;
    }

    /// <summary>
    /// The Private Creator of a private element's block, e.g. "SIEMENS CSA HEADER" for (0029,1010) when
    /// (0029,0010) holds it (PS3.5 §7.8.1); null for standard or unreserved tags.
    /// </summary>
    public string? GetPrivateCreator(DicomTag tag) =>
        tag.PrivateCreatorTag is { } creator && TryGetString(creator, out var s) ? s : null;

    /// <summary>A deep copy: sequences and their items are copied; value buffers are shared (they are immutable).</summary>
    public DicomDataset Clone()
    {
        var copy = new DicomDataset(new List<DicomItem>(Items.Count));
        foreach (var item in Items)
        {
            copy._items.Add(item switch
            {
                DicomSequence s => CloneSequence(s, copy),
                DicomFragmentSequence f => new DicomFragmentSequence(f.Tag, f.VR, f.OffsetTableBuffer, f.Fragments),
                _ => item,
            });
        }
        return copy;
    }

    private static DicomSequence CloneSequence(DicomSequence s, DicomDataset parent)
    {
        var seq = new DicomSequence(s.Tag, s.Items.Select(i => i.Clone()));
        foreach (var d in seq) d.Parent = parent;
        return seq;
    }

    /// <inheritdoc />
    public IEnumerator<DicomItem> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>"DicomDataset, N elements".</summary>
    public override string ToString() => $"DicomDataset, {Count} element{(Count == 1 ? "" : "s")}";

    private DicomElement Element(DicomTag tag)
    {
        if (!TryGetItem(tag, out var item)) throw new DicomException($"the data set has no element {tag}.");
        return item as DicomElement ?? throw new DicomException($"{tag} is a {item.VR.Code}, not an element with a value.");
    }

    private static bool TryConvert<T>(DicomElement e, int index, [MaybeNullWhen(false)] out T value)
    {
        value = default;
        if (index < 0 || index >= e.Count) return false;
        try { value = e.Get<T>(index); }
        catch (Exception ex) when (ex is DicomException or FormatException or OverflowException or InvalidCastException) { return false; }
        return true;
    }

    private static DicomVR VRFor(DicomTag tag, Type valueType)
    {
        var entry = DicomDictionary.Standard.Lookup(tag);
        if (entry is null || entry.ValueRepresentations.Count == 0)
            throw new DicomException($"{tag} is not in the dictionary; give its VR: AddOrUpdate(DicomVR.XX, tag, values).");
        var vrs = entry.ValueRepresentations;
        if (vrs.Count > 1)
        {
            // "US or SS", "OB or OW": the value type decides.
            if (valueType == typeof(short) && vrs.Contains(DicomVR.SS)) return DicomVR.SS;
            if (valueType == typeof(ushort) && vrs.Contains(DicomVR.US)) return DicomVR.US;
            if (valueType == typeof(byte) && vrs.Contains(DicomVR.OB)) return DicomVR.OB;
        }
        return vrs[0];
    }

    private int IndexOf(DicomTag tag)
    {
        var items = Items;
        int n = items.Count;
        if (n > 0 && items[n - 1].Tag < tag) return ~n;
        int lo = 0, hi = n - 1;
        uint key = tag.Value;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            uint v = items[mid].Tag.Value;
            if (v == key) return mid;
            if (v < key) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    private void Insert(int index, DicomItem item)
    {
        Items.Insert(index, item);
        Changed(item);
    }

    private void Changed(DicomItem item)
    {
        if (item.Tag == Tags.SpecificCharacterSet) _characterSet = null;
        if (item is DicomSequence s) foreach (var d in s) d.Parent = this;
    }

    /// <summary>
    /// Appends an entry as the reader meets it. In order (PS3.5 §7.1 requires ascending tags) it is a plain append;
    /// out of order it is appended too and the list is sorted once on next use, so a file written in descending order
    /// costs n log n, not n² (found by fuzzing).
    /// </summary>
    internal void AppendSorted(DicomItem item)
    {
        if (_items.Count > 0 && _items[^1].Tag >= item.Tag) _unsorted = true;
        _items.Add(item);
        if (item.Tag == Tags.SpecificCharacterSet) _characterSet = null;
    }

    /// <summary>What the reader has met so far in this data set that later elements' VRs depend on (PS3.5 §7.8.1 private
    /// creators, (0028,0103) for "US or SS"), kept aside so that resolving them never needs a lookup in a list that
    /// may still be out of order.</summary>
    internal ReaderContext? Reading { get; set; }

    internal sealed class ReaderContext
    {
        public Dictionary<uint, string> PrivateCreators { get; } = [];
        public int? PixelRepresentation { get; set; }
    }

    /// <summary>Puts entries appended out of order in place now (the reader calls it when a data set is complete, so that
    /// a finished data set is never mutated by a read from several threads).</summary>
    internal void CompleteReading()
    {
        _ = Items;
        Reading = null;
    }

    /// <summary>The entries in ascending tag order; sorts what <see cref="AppendSorted"/> left out of order (a later duplicate wins, as with AddOrUpdate).</summary>
    private List<DicomItem> Items
    {
        get
        {
            if (!_unsorted) return _items;
            var sorted = _items.Select((item, index) => (item, index)).OrderBy(p => p.item.Tag.Value).ThenBy(p => p.index).ToList();
            _items.Clear();
            for (int i = 0; i < sorted.Count; i++)
            {
                if (i + 1 < sorted.Count && sorted[i + 1].item.Tag == sorted[i].item.Tag) continue;
                _items.Add(sorted[i].item);
            }
            _unsorted = false;
            return _items;
        }
    }

    /// <summary>Tags the core needs before the generated dictionary is consulted.</summary>
    internal static class Tags
    {
        public static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);
    }
}
