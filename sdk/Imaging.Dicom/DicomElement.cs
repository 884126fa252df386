using Imaging.Dicom.IO;
using Imaging.Dicom.Text;
using Imaging.Dicom.Values;

namespace Imaging.Dicom;

/// <summary>
/// A data element with a value (PS3.5 §7.1). The value stays as the bytes that were read until it is asked
/// for (pydicom-style lazy decoding); typed access goes through one conversion table per VR.
/// Text values carry the character set they were encoded with, so moving an element between data sets or
/// writing it under another Specific Character Set re-encodes it correctly.
/// </summary>
public sealed class DicomElement : DicomItem
{
    private string? _text;

    /// <summary>Creates an element from its value bytes (little endian).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The value representation; must not be SQ.</param>
    /// <param name="buffer">The value bytes.</param>
    /// <param name="characterSet">The character set the bytes are encoded with (text VRs); the default repertoire when null.</param>
    public DicomElement(DicomTag tag, DicomVR vr, DicomBuffer buffer, DicomCharacterSet? characterSet = null) : base(tag)
    {
        if (vr == DicomVR.SQ) throw new ArgumentException("a sequence is a DicomSequence, not a DicomElement.", nameof(vr));
        VR = vr;
        Buffer = buffer;
        CharacterSet = characterSet ?? DicomCharacterSet.Default;
    }

    /// <inheritdoc />
    public override DicomVR VR { get; }

    /// <summary>The value's bytes, little endian.</summary>
    public DicomBuffer Buffer { get; }

    /// <summary>The character set the value is encoded with (meaningful for SH, LO, ST, LT, PN, UC, UT).</summary>
    public DicomCharacterSet CharacterSet { get; }

    /// <summary>The length of the value in bytes.</summary>
    public long Length => Buffer.Length;

    /// <summary>The number of values (the value multiplicity actually present; PS3.5 §6.4).</summary>
    public int Count => ValueConverter.Count(this);

    /// <summary>
    /// The whole value as text: text VRs decoded with <see cref="CharacterSet"/> and stripped of trailing padding;
    /// numbers and tags formatted and separated by backslash; OB/UN as their bytes in hexadecimal.
    /// </summary>
    public string GetString() => _text ??= ValueConverter.ToText(this);

    /// <summary>The values as text, one string a value.</summary>
    public string[] GetStrings() => ValueConverter.Split(this);

    /// <summary>
    /// The value at <paramref name="index"/> converted to <typeparamref name="T"/> through the VR's conversion:
    /// string for any VR; numbers for IS, DS and binary VRs; <see cref="DateOnly"/>, <see cref="TimeOnly"/>,
    /// <see cref="DateTime"/>, <see cref="DateTimeOffset"/> and <see cref="DicomDateRange"/> for DA, TM and DT;
    /// <see cref="DicomPersonName"/> for PN; <see cref="DicomAge"/> for AS; <see cref="DicomTag"/> for AT; byte[] for the whole value.
    /// </summary>
    /// <exception cref="DicomException">The index is past the last value, or the value does not convert to <typeparamref name="T"/>.</exception>
    public T Get<T>(int index = 0) => ValueConverter.Get<T>(this, index);

    /// <summary>Every value converted to <typeparamref name="T"/> (see <see cref="Get{T}"/>).</summary>
    public T[] GetValues<T>() => ValueConverter.GetValues<T>(this);

    /// <summary>"(gggg,eeee) VR value".</summary>
    public override string ToString()
    {
        var text = Length > 256 ? $"<{Length} bytes>" : GetString();
        return $"{Tag} {VR.Code} {text}";
    }
}
