namespace Imaging.Dicom.IO;

/// <summary>How the elements at the current level are encoded (PS3.5 §7.1, §7.3).</summary>
internal readonly record struct ElementEncoding(bool ExplicitVR, bool BigEndian)
{
    public static readonly ElementEncoding ImplicitLittle = new(false, false);
    public static readonly ElementEncoding ExplicitLittle = new(true, false);
    public static ElementEncoding Of(DicomTransferSyntax ts) => new(ts.IsExplicitVR, ts.IsBigEndian);
}
