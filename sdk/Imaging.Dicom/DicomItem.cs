namespace Imaging.Dicom;

/// <summary>
/// One entry of a data set: an element with a value (<see cref="DicomElement"/>), a sequence of items
/// (<see cref="DicomSequence"/>) or encapsulated pixel data (<see cref="DicomFragmentSequence"/>); PS3.5 §7.1.
/// </summary>
public abstract class DicomItem
{
    /// <summary>Creates the entry for a tag.</summary>
    protected DicomItem(DicomTag tag) => Tag = tag;

    /// <summary>The tag.</summary>
    public DicomTag Tag { get; }

    /// <summary>The value representation.</summary>
    public abstract DicomVR VR { get; }

    /// <summary>"(gggg,eeee) VR".</summary>
    public override string ToString() => $"{Tag} {VR.Code}";
}
