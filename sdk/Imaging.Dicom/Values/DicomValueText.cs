namespace Imaging.Dicom;

/// <summary>
/// Parsing and formatting of the text value representations (PS3.5 §6.2, Table 6.2-1): the entry points
/// that the dataset's value conversions call. One value at a time: splitting a multi-valued element at
/// backslashes is the caller's job. Every <c>TryParse*</c> method returns false on bad input and never throws;
/// every <c>Parse*</c> method throws <see cref="FormatException"/> naming the value and the VR.
/// Parsing is lenient like pydicom's: leading and trailing spaces and NUL padding are ignored, and the
/// ACR-NEMA forms that pydicom accepts are read too.
/// </summary>
/// <remarks>
/// The members live in partial files by VR family: <c>DicomValueText.Dates.cs</c> (DA, TM, DT),
/// <c>DicomValueText.Numbers.cs</c> (DS, IS parsing) and <c>DicomValueText.DecimalStringFormat.cs</c> (DS formatting).
/// </remarks>
internal static partial class DicomValueText
{
    private const string Padding = " \0";

    /// <summary>Removes leading and trailing spaces and NULs (value padding, PS3.5 §6.2).</summary>
    internal static ReadOnlySpan<char> TrimPadding(ReadOnlySpan<char> text) => text.Trim(Padding);

    /// <summary>The exception thrown by the <c>Parse*</c> methods: quotes the value and names the VR.</summary>
    internal static FormatException InvalidValue(DicomVR vr, ReadOnlySpan<char> text, string? detail = null) =>
        new($"'{text.ToString()}' is not a valid DICOM {vr.Code} ({vr.Name}) value{(detail is null ? "." : ": " + detail)}");

    /// <summary>Reads <paramref name="count"/> ASCII digits at <paramref name="start"/> as a non-negative number.</summary>
    internal static bool TryReadDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || count < 0 || start + count > text.Length) return false;
        for (int i = start; i < start + count; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9) return false;
            value = value * 10 + (int)digit;
        }
        return true;
    }

    /// <summary>Counts the ASCII digits at the start of <paramref name="text"/>.</summary>
    internal static int CountLeadingDigits(ReadOnlySpan<char> text)
    {
        int n = 0;
        while (n < text.Length && (uint)(text[n] - '0') <= 9) n++;
        return n;
    }
}
