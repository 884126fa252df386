namespace Imaging.Dicom.Text;

/// <summary>
/// The characters before which the character set of value 1 of (0008,0005) is active again, so that a decoder resets
/// its ISO/IEC 2022 state after them and an encoder designates sets anew after them (PS3.5 §6.1.2.5.3).
/// </summary>
[Flags]
internal enum TextDelimiters
{
    /// <summary>TAB, LF, FF and CR: the control characters other than ESC (all text VRs).</summary>
    Control = 1,
    /// <summary>The backslash that separates values of multi-valued VRs.</summary>
    Backslash = 2,
    /// <summary>The '^' and '=' that separate Person Name components and component groups.</summary>
    PersonName = 4,
}

/// <summary>Which bytes are <see cref="TextDelimiters"/>.</summary>
internal static class TextDelimiter
{
    /// <summary>The delimiters of a VR: controls always, backslash for multi-valued VRs, '^' and '=' for PN.</summary>
    public static TextDelimiters For(DicomVR vr)
    {
        var d = TextDelimiters.Control;
        if (vr.IsMultiValued) d |= TextDelimiters.Backslash;
        if (ReferenceEquals(vr, DicomVR.PN)) d |= TextDelimiters.PersonName;
        return d;
    }

    /// <summary>True when the byte (or ASCII character) is one of the delimiters.</summary>
    public static bool Is(int b, TextDelimiters delimiters) => b switch
    {
        0x09 or 0x0A or 0x0C or 0x0D => (delimiters & TextDelimiters.Control) != 0,
        0x5C => (delimiters & TextDelimiters.Backslash) != 0,
        0x5E or 0x3D => (delimiters & TextDelimiters.PersonName) != 0,
        _ => false,
    };
}
