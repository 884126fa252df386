using System.Collections.ObjectModel;

namespace Imaging.Dicom;

/// <summary>
/// One entry of a data dictionary: the tag, keyword, name, VR(s) and VM of a data element
/// (PS3.6 §6, Table 6-1; for private elements PS3.5 §7.8).
/// </summary>
/// <remarks>
/// A repeating-group entry such as Overlay Data (60xx,3000) has the lowest tag of the group, (6000,3000), and a
/// <see cref="Mask"/> with 0 for the repeating bits: a tag matches when <c>(tag.Value &amp; Mask) == (Tag.Value &amp; Mask)</c>.
/// A private entry (with a <see cref="PrivateCreator"/>) matches on the creator, the group and the low byte of
/// the element: the high byte is the block the creator reserved in each data set (PS3.5 §7.8.1).
/// </remarks>
public sealed class DicomDictionaryEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="tag">The tag; for a repeating tag, bits outside <paramref name="mask"/> are cleared.</param>
    /// <param name="keyword">The keyword, e.g. "PatientName"; may be empty for a private element without one.</param>
    /// <param name="name">The name, e.g. "Patient's Name".</param>
    /// <param name="vrs">The allowed VRs, most usual first ("US or SS" → US, SS); empty for items and delimiters.</param>
    /// <param name="valueMultiplicity">The VM as PS3.6 prints it, e.g. "1", "1-n", "2-2n".</param>
    /// <param name="isRetired">True for a retired element.</param>
    /// <param name="privateCreator">For a private element, the Private Creator value (PS3.5 §7.8.1); trailing spaces are ignored.</param>
    /// <param name="mask">The tag bits that must match; 0xFFFFFFFF for an exact tag.</param>
    /// <exception cref="ArgumentNullException">An argument or a VR is null.</exception>
    /// <exception cref="ArgumentException">The creator is empty, or given for a tag outside a private group.</exception>
    public DicomDictionaryEntry(DicomTag tag, string keyword, string name, IReadOnlyList<DicomVR> vrs, string valueMultiplicity,
        bool isRetired = false, string? privateCreator = null, uint mask = 0xFFFFFFFF)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(vrs);
        ArgumentNullException.ThrowIfNull(valueMultiplicity);
        var copy = new DicomVR[vrs.Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = vrs[i] ?? throw new ArgumentNullException(nameof(vrs), "A VR is null.");
        if (privateCreator is not null)
        {
            privateCreator = privateCreator.TrimEnd(' ', '\0');
            if (privateCreator.Length == 0) throw new ArgumentException("The private creator is empty; pass null for a public element.", nameof(privateCreator));
            if (!tag.IsPrivate) throw new ArgumentException($"{tag} is not in a private (odd) group, so it cannot have a private creator.", nameof(privateCreator));
        }
        Tag = new DicomTag(tag.Value & mask);
        Mask = mask;
        Keyword = keyword;
        Name = name;
        ValueRepresentations = new ReadOnlyCollection<DicomVR>(copy);
        ValueMultiplicity = valueMultiplicity;
        IsRetired = isRetired;
        PrivateCreator = privateCreator;
        DefaultVR = copy.Length > 0 ? copy[0] : DicomVR.UN;
    }

    /// <summary>Creates an entry of the standard table without copying or checking (the generator checked it).</summary>
    internal DicomDictionaryEntry(uint tag, uint mask, string keyword, string name, ReadOnlyCollection<DicomVR> vrs, string valueMultiplicity, bool isRetired)
    {
        Tag = new DicomTag(tag);
        Mask = mask;
        Keyword = keyword;
        Name = name;
        ValueRepresentations = vrs;
        ValueMultiplicity = valueMultiplicity;
        IsRetired = isRetired;
        DefaultVR = vrs.Count > 0 ? vrs[0] : DicomVR.UN;
    }

    /// <summary>The tag; for a repeating tag its lowest instance, e.g. (6000,3000) for Overlay Data.</summary>
    public DicomTag Tag { get; }

    /// <summary>The bits of a tag that must equal <see cref="Tag"/>'s; 0xFFFFFFFF for an exact tag (PS3.5 §7.6 repeating groups).</summary>
    public uint Mask { get; }

    /// <summary>The keyword (PS3.6 §6), e.g. "PatientName".</summary>
    public string Keyword { get; }

    /// <summary>The name (PS3.6 §6), e.g. "Patient's Name".</summary>
    public string Name { get; }

    /// <summary>The allowed VRs (PS3.6 §6), e.g. US and SS for "US or SS"; empty for items and delimiters (PS3.5 §7.5).</summary>
    public IReadOnlyList<DicomVR> ValueRepresentations { get; }

    /// <summary>The value multiplicity as PS3.6 prints it (PS3.5 §6.4), e.g. "1-n".</summary>
    public string ValueMultiplicity { get; }

    /// <summary>True for a retired element (PS3.6 §6).</summary>
    public bool IsRetired { get; }

    /// <summary>The Private Creator of a private element (PS3.5 §7.8.1); null for a public element.</summary>
    public string? PrivateCreator { get; }

    /// <summary>The first VR, or UN when the entry has none: the VR to assume when reading Implicit VR (PS3.5 §7.1.3).</summary>
    public DicomVR DefaultVR { get; }

    /// <summary>True when <paramref name="tag"/> is this entry's tag or an instance of its repeating group.</summary>
    public bool Matches(DicomTag tag) => (tag.Value & Mask) == Tag.Value;

    /// <summary>"(gggg,eeee) VR Keyword", with x for repeating digits.</summary>
    public override string ToString()
    {
        Span<char> digits = stackalloc char[8];
        for (var i = 0; i < 8; i++)
        {
            var shift = 28 - (4 * i);
            digits[i] = ((Mask >> shift) & 0xF) != 0xF ? 'x' : "0123456789ABCDEF"[(int)((Tag.Value >> shift) & 0xF)];
        }
        var creator = PrivateCreator is null ? "" : $" [{PrivateCreator}]";
        return $"({digits[..4]},{digits[4..]}) {string.Join('/', ValueRepresentations)} {Keyword}{creator}";
    }
}
