namespace Imaging.Dicom.Imaging.Lut;

/// <summary>
/// Finds a functional group macro for one frame of an Enhanced multi-frame image (PS3.3 §C.7.6.16): the frame's item
/// of the Per-frame Functional Groups Sequence first, then the Shared Functional Groups Sequence.
/// </summary>
internal static class FunctionalGroups
{
    /// <summary>The first item of <paramref name="macroSequence"/> for frame <paramref name="frameIndex"/> (0-based), or null.</summary>
    public static DicomDataset? Find(DicomDataset dataset, int frameIndex, DicomTag macroSequence)
    {
        if (dataset.TryGetSequence(DicomTag.PerFrameFunctionalGroupsSequence, out var perFrame)
            && frameIndex >= 0 && frameIndex < perFrame.Count
            && FirstItem(perFrame[frameIndex], macroSequence) is { } own)
            return own;
        if (dataset.TryGetSequence(DicomTag.SharedFunctionalGroupsSequence, out var shared) && shared.Count > 0)
            return FirstItem(shared[0], macroSequence);
        return null;
    }

    private static DicomDataset? FirstItem(DicomDataset group, DicomTag sequence) =>
        group.TryGetSequence(sequence, out var s) && s.Count > 0 ? s[0] : null;
}
