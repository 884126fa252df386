using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// One 2-D slice of a stack: a single-frame instance, or one frame of an enhanced multi-frame instance, with the
/// attributes that place it (PS3.3 §C.7.6.2 Image Plane; §C.7.6.16 functional groups for multi-frame).
/// </summary>
public sealed class VolumeSlice
{
    internal VolumeSlice(DicomFile file, int frameIndex, PixelFormat format)
    {
        File = file;
        FrameIndex = frameIndex;
        Format = format;
    }

    /// <summary>The file the slice is in (null for a data set given in memory).</summary>
    public string? SourcePath => File.FilePath;

    /// <summary>The frame of that instance (0 for single-frame images).</summary>
    public int FrameIndex { get; }

    /// <summary>Image Position (Patient) (0020,0032): the centre of the first pixel, LPS mm.</summary>
    public Vector3D Position { get; internal set; }

    /// <summary>Position along the stack's slice normal (mm): what slices are sorted by.</summary>
    public double Location { get; internal set; }

    /// <summary>Instance Number (0020,0013) (or In-Stack Position Number for a frame), when present; never used to sort.</summary>
    public int? InstanceNumber { get; internal set; }

    /// <summary>SOP Instance UID (0008,0018).</summary>
    public string? SopInstanceUid { get; internal set; }

    /// <summary>Rescale Slope (0028,1053), 1 when absent (PS3.3 §C.11.1.1.2).</summary>
    public double RescaleSlope { get; internal set; } = 1;

    /// <summary>Rescale Intercept (0028,1052), 0 when absent.</summary>
    public double RescaleIntercept { get; internal set; }

    internal DicomFile File { get; }
    internal PixelFormat Format { get; }
    internal Vector3D Row { get; set; }
    internal Vector3D Column { get; set; }
    internal bool HasGeometry { get; set; }
    internal double RowSpacing { get; set; } = 1;
    internal double ColumnSpacing { get; set; } = 1;
    internal bool HasPixelSpacing { get; set; }
    internal double? SpacingBetweenSlices { get; set; }
    internal double? SliceThickness { get; set; }
    internal double? GantryTilt { get; set; }
    internal string SeriesUid { get; set; } = "";
    internal string? StackId { get; set; }
    internal string?[] SplitValues { get; } = new string?[Enum.GetValues<VolumeSplitKey>().Length];

    /// <summary>"file.dcm" or "file.dcm frame 3", for messages.</summary>
    public override string ToString()
    {
        var name = SourcePath is { } p ? Path.GetFileName(p) : SopInstanceUid ?? "(in memory)";
        return Format.NumberOfFrames > 1 ? $"{name} frame {FrameIndex + 1}" : name;
    }
}
