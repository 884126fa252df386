namespace Imaging.Dicom.IO;

/// <summary>One token of the element stream: an element, item or delimiter header (PS3.5 §7.1, §7.5).</summary>
/// <param name="Tag">The tag.</param>
/// <param name="VR">The VR from the header; null for implicit VR and for items and delimiters.</param>
/// <param name="Length">The value length; <see cref="DicomReader.UndefinedLength"/> for undefined.</param>
/// <param name="Offset">The offset of the header's first byte.</param>
/// <param name="ImplicitInExplicit">True when an explicit VR stream held an element without a VR.</param>
internal readonly record struct ElementHeader(DicomTag Tag, DicomVR? VR, uint Length, long Offset, bool ImplicitInExplicit = false)
{
    public bool IsUndefinedLength => Length == DicomReader.UndefinedLength;
    public bool IsItem => Tag.Value == DicomReader.ItemTag;
    public bool IsItemDelimiter => Tag.Value == DicomReader.ItemDelimiterTag;
    public bool IsSequenceDelimiter => Tag.Value == DicomReader.SequenceDelimiterTag;
}
