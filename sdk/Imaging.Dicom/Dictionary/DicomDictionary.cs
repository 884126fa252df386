using System.Collections.ObjectModel;
using System.Numerics;

namespace Imaging.Dicom;

/// <summary>
/// A data dictionary: what the standard (PS3.6 §6) or a vendor (PS3.5 §7.8) says about each data element,
/// looked up by tag or keyword. <see cref="Standard"/> is generated from the standard at build time and
/// immutable; a user dictionary layers additions on a parent (like MATLAB's <c>dicomdict</c>) without touching it.
/// </summary>
/// <remarks>
/// <see cref="Lookup(DicomTag, string?)"/> is on the hot path of Implicit VR parsing (PS3.5 §7.1.3): one hash
/// lookup for exact tags, then a short scan of the repeating-group entries, and no allocation.
/// The standard dictionary is safe to share between threads. A user dictionary may be read by many threads
/// once it is filled; <see cref="Add"/> must not run concurrently with reads.
/// </remarks>
public sealed partial class DicomDictionary
{
    private static readonly ReadOnlyCollection<DicomVR> UL = new([DicomVR.UL]);
    private static readonly ReadOnlyCollection<DicomVR> LO = new([DicomVR.LO]);

    /// <summary>The entry returned for any Group Length element (gggg,0000) the dictionary does not list (PS3.5 §7.2).</summary>
    private static readonly DicomDictionaryEntry GroupLength = new(0x00000000, 0x0000FFFF, "GroupLength", "Group Length", UL, "1", isRetired: false);

    /// <summary>The entry returned for any Private Creator element (gggg,0010-00FF) of a private group (PS3.5 §7.8.1).</summary>
    private static readonly DicomDictionaryEntry PrivateCreatorEntry = new(0x00010000, 0x0001FF00, "PrivateCreator", "Private Creator", LO, "1", isRetired: false);

    private readonly DicomDictionary? _parent;
    private readonly bool _isReadOnly;
    private readonly Dictionary<uint, DicomDictionaryEntry> _exact;
    private readonly Dictionary<string, DicomDictionaryEntry> _byKeyword;
    private readonly Dictionary<PrivateEntryKey, DicomDictionaryEntry> _private = new(PrivateEntryKey.Comparer);
    private MaskTable[] _maskTables = [];
    private readonly List<DicomDictionaryEntry> _entries;

    /// <summary>
    /// Creates an empty, mutable dictionary. Lookups that find nothing here continue in <paramref name="parent"/>,
    /// e.g. <c>new DicomDictionary(DicomDictionary.Standard)</c>; with no parent the dictionary stands alone
    /// (only Group Length and Private Creator elements are known without entries).
    /// </summary>
    public DicomDictionary(DicomDictionary? parent = null)
        : this(parent, isReadOnly: false, capacity: 0)
    {
    }

    private DicomDictionary(DicomDictionary? parent, bool isReadOnly, int capacity)
    {
        _parent = parent;
        _isReadOnly = isReadOnly;
        _exact = new Dictionary<uint, DicomDictionaryEntry>(capacity);
        _byKeyword = new Dictionary<string, DicomDictionaryEntry>(capacity, StringComparer.Ordinal);
        _entries = new List<DicomDictionaryEntry>(capacity);
    }

    /// <summary>
    /// The registry of DICOM data elements (PS3.6 §6, Tables 6-1, 7-1, 8-1 and 9-1), generated from
    /// shared/dicom-standard at build time. Immutable; built once, on first use, in a few milliseconds.
    /// </summary>
    public static DicomDictionary Standard => StandardHolder.Instance;

    /// <summary>The dictionary lookups fall back to, or null.</summary>
    public DicomDictionary? Parent => _parent;

    /// <summary>True for <see cref="Standard"/>, which <see cref="Add"/> refuses to change.</summary>
    public bool IsReadOnly => _isReadOnly;

    /// <summary>
    /// Every entry this dictionary knows: its own in the order added, then its parent's that it does not replace
    /// (same tag and mask, or same creator and private element).
    /// </summary>
    public IEnumerable<DicomDictionaryEntry> Entries => _parent is null ? _entries.AsReadOnly() : LayeredEntries();

    /// <summary>Adds an entry to this dictionary (not to its parent). An entry for a tag the parent knows replaces it here.</summary>
    /// <exception cref="InvalidOperationException">The dictionary is <see cref="Standard"/>.</exception>
    /// <exception cref="ArgumentException">This dictionary already has an entry for the tag (or private element), or one with the keyword.</exception>
    public void Add(DicomDictionaryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_isReadOnly)
            throw new InvalidOperationException("DicomDictionary.Standard is immutable; add to new DicomDictionary(DicomDictionary.Standard) instead.");
        AddCore(entry);
    }

    /// <summary>
    /// Finds the entry for <paramref name="tag"/> (PS3.6 §6, PS3.5 §7.8). In each dictionary from this one to the
    /// root: the private entry of <paramref name="privateCreator"/> for a private data element (gggg,xxee),
    /// then the exact tag, then repeating-group entries such as (60xx,3000). Failing those, any (gggg,0000) is a
    /// UL Group Length and any (gggg,0010-00FF) in a private group is an LO Private Creator.
    /// </summary>
    /// <remarks>
    /// The generic Group Length and Private Creator entries stand for many tags: their <see cref="DicomDictionaryEntry.Tag"/>
    /// is a representative, (0000,0000) and (0001,0000), and <see cref="DicomDictionaryEntry.Matches"/> is approximate.
    /// </remarks>
    /// <param name="tag">The tag.</param>
    /// <param name="privateCreator">For a private data element, the value of its Private Creator element (gggg,00xx); padding is ignored.</param>
    /// <returns>The entry, or null when the tag is unknown.</returns>
    public DicomDictionaryEntry? Lookup(DicomTag tag, string? privateCreator = null)
    {
        for (var d = this; d is not null; d = d._parent)
        {
            var entry = d.FindOwn(tag, privateCreator);
            if (entry is not null) return entry;
        }
        if (tag.IsGroupLength) return GroupLength;
        if (tag.IsPrivateCreator) return PrivateCreatorEntry;
        return null;
    }

    /// <summary>Finds the public entry with <paramref name="keyword"/> (PS3.6 §6), case-sensitive; private entries are not found by keyword.</summary>
    /// <returns>The entry, or null.</returns>
    public DicomDictionaryEntry? Lookup(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        for (var d = this; d is not null; d = d._parent)
        {
            if (d._byKeyword.TryGetValue(keyword, out var entry)) return entry;
        }
        return null;
    }

    /// <summary>Finds the tag of the public element with <paramref name="keyword"/>, e.g. "PatientName" → (0010,0010).</summary>
    /// <returns>True when found; a repeating tag gives its lowest instance, e.g. (6000,3000) for "OverlayData".</returns>
    public bool TryGetTag(string keyword, out DicomTag tag)
    {
        var entry = Lookup(keyword);
        tag = entry?.Tag ?? default;
        return entry is not null;
    }

    private DicomDictionaryEntry? FindOwn(DicomTag tag, string? privateCreator)
    {
        var value = tag.Value;
        if (privateCreator is not null && _private.Count > 0 && tag.IsPrivate && tag.Element >= 0x1000
            && _private.TryGetValue(PrivateEntryKey.For(privateCreator, tag), out var privateEntry))
        {
            return privateEntry;
        }
        if (_exact.TryGetValue(value, out var entry)) return entry;
        if (tag.Element == 0) return null; // a group length, never an instance of a repeating tag (PS3.5 §7.2)
        foreach (var table in _maskTables)
        {
            if (table.Entries.TryGetValue(value & table.Mask, out entry)) return entry;
        }
        return null;
    }

    private void AddCore(DicomDictionaryEntry entry)
    {
        var isPublic = entry.PrivateCreator is null;
        if (isPublic && entry.Keyword.Length > 0 && _byKeyword.ContainsKey(entry.Keyword))
            throw new ArgumentException($"This dictionary already has an entry with keyword '{entry.Keyword}'.", nameof(entry));
        if (!isPublic)
        {
            if (!_private.TryAdd(PrivateEntryKey.For(entry.PrivateCreator!, entry.Tag), entry))
                throw new ArgumentException($"This dictionary already has an entry for {entry}.", nameof(entry));
        }
        else if (entry.Mask == 0xFFFFFFFF)
        {
            if (!_exact.TryAdd(entry.Tag.Value, entry))
                throw new ArgumentException($"This dictionary already has an entry for {entry.Tag}.", nameof(entry));
        }
        else
        {
            AddMasked(entry);
        }
        if (isPublic && entry.Keyword.Length > 0) _byKeyword.Add(entry.Keyword, entry);
        _entries.Add(entry);
    }

    /// <summary>
    /// Files a repeating-group entry under its mask: one hash table per distinct mask (five in the standard),
    /// kept most specific (most mask bits) first, so a lookup is at most one probe per mask.
    /// </summary>
    private void AddMasked(DicomDictionaryEntry entry)
    {
        var table = Array.Find(_maskTables, t => t.Mask == entry.Mask);
        if (table is null)
        {
            table = new MaskTable(entry.Mask);
            var tables = new List<MaskTable>(_maskTables) { table };
            _maskTables = [.. tables.OrderByDescending(t => BitOperations.PopCount(t.Mask))]; // stable: ties keep their order
        }
        if (!table.Entries.TryAdd(entry.Tag.Value, entry))
            throw new ArgumentException($"This dictionary already has an entry for {table.Entries[entry.Tag.Value]}.", nameof(entry));
    }

    private bool Replaces(DicomDictionaryEntry entry) => entry.PrivateCreator is not null
        ? _private.ContainsKey(PrivateEntryKey.For(entry.PrivateCreator, entry.Tag))
        : entry.Mask == 0xFFFFFFFF
            ? _exact.ContainsKey(entry.Tag.Value)
            : Array.Exists(_maskTables, t => t.Mask == entry.Mask && t.Entries.ContainsKey(entry.Tag.Value));

    private IEnumerable<DicomDictionaryEntry> LayeredEntries()
    {
        foreach (var entry in _entries) yield return entry;
        foreach (var entry in _parent!.Entries)
        {
            if (!Replaces(entry)) yield return entry;
        }
    }

    /// <summary>Builds the standard dictionary from the generated tables.</summary>
    internal static DicomDictionary CreateStandard()
    {
        var dictionary = new DicomDictionary(parent: null, isReadOnly: true, StandardDictionaryData.Count);
        foreach (var entry in StandardDictionaryLoader.ReadEntries()) dictionary.AddCore(entry);
        return dictionary;
    }

    /// <summary>The repeating-group entries that share one mask, keyed by their (masked) tag.</summary>
    private sealed class MaskTable(uint mask)
    {
        public uint Mask { get; } = mask;

        public Dictionary<uint, DicomDictionaryEntry> Entries { get; } = [];
    }

    private static class StandardHolder
    {
        internal static readonly DicomDictionary Instance = CreateStandard();

        // An explicit static constructor keeps the type from being marked beforefieldinit, so the table is
        // built on the first use of Standard, not earlier.
        static StandardHolder()
        {
        }
    }
}
