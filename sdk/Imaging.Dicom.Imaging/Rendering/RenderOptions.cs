using Imaging.Dicom.Imaging.Lut;

namespace Imaging.Dicom.Imaging.Rendering;

/// <summary>How <see cref="FrameRenderer"/> turns a frame into a picture.</summary>
public sealed record RenderOptions
{
    /// <summary>The frame (0-based) of a multi-frame image: chooses per-frame functional groups and overlay frames.</summary>
    public int FrameIndex { get; init; }

    /// <summary>A window that replaces the file's VOI (grayscale only); null to use the file's.</summary>
    public VoiWindow? Window { get; init; }

    /// <summary>Which of the file's alternative windows or VOI LUT Sequence items to use (0 = first).</summary>
    public int VoiIndex { get; init; }

    /// <summary>When a file has both a VOI LUT Sequence and windows, use the sequence (true, like pydicom) or the window.</summary>
    public bool PreferVoiLutSequence { get; init; } = true;

    /// <summary>Whether overlay planes (60xx) are burnt into the picture.</summary>
    public bool IncludeOverlays { get; init; } = true;

    /// <summary>The byte written into every channel under an overlay bit: 255 (white) by default.</summary>
    public byte OverlayValue { get; init; } = 255;
}
