namespace Imaging.Dicom;

/// <summary>The unit of an Age String (AS) value, its last character (PS3.5 Table 6.2-1).</summary>
public enum DicomAgeUnit
{
    /// <summary>"D": days.</summary>
    Days = 'D',
    /// <summary>"W": weeks.</summary>
    Weeks = 'W',
    /// <summary>"M": months.</summary>
    Months = 'M',
    /// <summary>"Y": years.</summary>
    Years = 'Y',
}
