namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// The attribute that tells apart several volumes stored at the same slice positions in one series (4-D: time,
/// diffusion, echoes), tried in this order when a series has duplicate positions.
/// </summary>
public enum VolumeSplitKey
{
    /// <summary>One volume: no duplicate positions.</summary>
    None,
    /// <summary>Stack ID (0020,9056) of an enhanced multi-frame instance (PS3.3 §C.7.6.16.2.2.4).</summary>
    StackId,
    /// <summary>Temporal Position Index (0020,9128) in the Frame Content Sequence (PS3.3 §C.7.6.16.2.2).</summary>
    TemporalPositionIndex,
    /// <summary>Temporal Position Identifier (0020,0100) (PS3.3 §C.7.3.1).</summary>
    TemporalPositionIdentifier,
    /// <summary>Trigger Time (0018,1060), or Nominal Cardiac Trigger Delay Time (0020,9153) in enhanced instances.</summary>
    TriggerTime,
    /// <summary>Diffusion b-value (0018,9087), in the MR Diffusion Sequence for enhanced instances.</summary>
    DiffusionBValue,
    /// <summary>Echo Time (0018,0081), or Effective Echo Time (0018,9082) in the MR Echo Sequence.</summary>
    EchoTime,
    /// <summary>Acquisition Number (0020,0012).</summary>
    AcquisitionNumber,
    /// <summary>Acquisition Time (0008,0032), or Frame Acquisition DateTime (0018,9074) in enhanced instances.</summary>
    AcquisitionTime,
    /// <summary>No attribute explains the duplicates: the n-th slice (by Instance Number) at each position goes to volume n.</summary>
    InstanceOrder,
}
