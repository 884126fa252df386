namespace Imaging.Dicom.Generator;

/// <summary>One data element of PS3.6 Table 6-1 (and 7-1, 8-1), as read from attributes.json.</summary>
/// <param name="TagText">The tag as the standard prints it, e.g. "(60XX,3000)".</param>
/// <param name="Tag">The tag with every "X" replaced by 0: the lowest tag of a repeating group.</param>
/// <param name="Mask">The bits of a tag that must equal <paramref name="Tag"/>; 0xFFFFFFFF for an exact tag.</param>
/// <param name="Keyword">The keyword, a C# identifier.</param>
/// <param name="FieldName">The name of the DicomTag member: the keyword, with a '_' suffix if it would hide a DicomTag member.</param>
/// <param name="Name">The attribute name.</param>
/// <param name="ValueRepresentations">The VR codes, in the order the standard lists them; empty for items and delimiters.</param>
/// <param name="ValueMultiplicity">The VM as the standard prints it.</param>
/// <param name="IsRetired">True when the attribute is retired.</param>
internal sealed record StandardAttribute(
    string TagText,
    uint Tag,
    uint Mask,
    string Keyword,
    string FieldName,
    string Name,
    IReadOnlyList<string> ValueRepresentations,
    string ValueMultiplicity,
    bool IsRetired)
{
    /// <summary>The tag as (gggg,eeee) with lower-case x for the repeating digits, the way PS3.6 prints it.</summary>
    public string DisplayTag => TagText.ToUpperInvariant().Replace('X', 'x');

    /// <summary>The VRs as PS3.6 prints them, e.g. "US or SS".</summary>
    public string VrText => ValueRepresentations.Count == 0 ? "none" : string.Join(" or ", ValueRepresentations);
}
