using Imaging.Dicom.IO;

namespace Imaging.Dicom.Tests.Conformance;

/// <summary>
/// What a conforming writer makes of values read leniently with odd lengths: PS3.5 §7.1.1 requires even value
/// lengths, so the writer appends the VR's padding byte (space for text, NUL otherwise; NUL for fragments, §A.4).
/// Round-trip tests compare what was written with the original passed through this, and nothing else.
/// </summary>
internal static class EvenLengths
{
    public static DicomDataset Padded(DicomDataset ds)
    {
        var copy = new DicomDataset();
        foreach (var item in ds)
        {
            copy.AddOrUpdate(item switch
            {
                DicomElement e when (e.Length & 1) == 1 => new DicomElement(e.Tag, e.VR, Pad(e.Buffer, e.VR.PaddingByte), e.CharacterSet),
                DicomSequence s => new DicomSequence(s.Tag, s.Items.Select(Padded)),
                DicomFragmentSequence f => new DicomFragmentSequence(f.Tag, f.VR, f.OffsetTableBuffer, f.Fragments.Select(b => (b.Length & 1) == 1 ? Pad(b, 0) : b)),
                _ => item,
            });
        }
        return copy;
    }

    private static DicomBuffer Pad(DicomBuffer b, byte padding) => DicomBuffer.FromMemory((byte[])[.. b.Memory.Span, padding]);
}
