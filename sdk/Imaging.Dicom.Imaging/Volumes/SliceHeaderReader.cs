using System.Globalization;
using Imaging.Dicom.Imaging.Pixels;

namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>
/// Reads the attributes that place each slice: Image Plane (PS3.3 §C.7.6.2), Modality LUT rescale (§C.11.1) and the
/// 4-D split attributes, from a single-frame image or from every frame of an enhanced multi-frame image's functional
/// groups (PS3.3 §C.7.6.16: Plane Position, Plane Orientation, Pixel Measures, Pixel Value Transformation, Frame Content).
/// </summary>
internal static class SliceHeaderReader
{
    public static IEnumerable<VolumeSlice> Read(DicomFile file)
    {
        var ds = file.Dataset;
        var format = PixelFormat.FromDataset(ds);
        if (ds.TryGetSequence(DicomTag.PerFrameFunctionalGroupsSequence, out var perFrame) && perFrame.Count > 0)
        {
            ds.TryGetSequence(DicomTag.SharedFunctionalGroupsSequence, out var sharedSeq);
            var shared = sharedSeq is { Count: > 0 } ? sharedSeq[0] : null;
            int frames = Math.Min(format.NumberOfFrames, perFrame.Count);
            for (int f = 0; f < frames; f++)
                yield return ReadFrame(file, format, ds, perFrame[f], shared, f);
            yield break;
        }
        for (int f = 0; f < format.NumberOfFrames; f++)
        {
            var slice = new VolumeSlice(file, f, format);
            ReadCommon(slice, ds);
            ReadPlane(slice, ds, ds, ds);
            ReadRescale(slice, ds);
            if (ds.TryGetValue<double>(DicomTag.GantryDetectorTilt, 0, out var tilt)) slice.GantryTilt = tilt;
            var keys = slice.SplitValues;
            keys[(int)VolumeSplitKey.TemporalPositionIdentifier] = Text(ds, DicomTag.TemporalPositionIdentifier);
            keys[(int)VolumeSplitKey.TriggerTime] = Text(ds, DicomTag.TriggerTime);
            keys[(int)VolumeSplitKey.DiffusionBValue] = Text(ds, DicomTag.DiffusionBValue);
            keys[(int)VolumeSplitKey.EchoTime] = Text(ds, DicomTag.EchoTime);
            keys[(int)VolumeSplitKey.AcquisitionNumber] = Text(ds, DicomTag.AcquisitionNumber);
            keys[(int)VolumeSplitKey.AcquisitionTime] = Text(ds, DicomTag.AcquisitionTime);
            yield return slice;
        }
    }

    private static VolumeSlice ReadFrame(DicomFile file, PixelFormat format, DicomDataset ds, DicomDataset frame, DicomDataset? shared, int index)
    {
        var slice = new VolumeSlice(file, index, format);
        ReadCommon(slice, ds);
        var position = Group(frame, shared, DicomTag.PlanePositionSequence);
        var orientation = Group(frame, shared, DicomTag.PlaneOrientationSequence);
        var measures = Group(frame, shared, DicomTag.PixelMeasuresSequence);
        ReadPlane(slice, position ?? ds, orientation ?? ds, measures ?? ds);
        ReadRescale(slice, Group(frame, shared, DicomTag.PixelValueTransformationSequence) ?? ds);
        var content = Group(frame, shared, DicomTag.FrameContentSequence);
        var keys = slice.SplitValues;
        if (content is not null)
        {
            slice.StackId = Text(content, DicomTag.StackID);
            if (content.TryGetValue<int>(DicomTag.InStackPositionNumber, 0, out var inStack)) slice.InstanceNumber = inStack;
            keys[(int)VolumeSplitKey.TemporalPositionIndex] = Text(content, DicomTag.TemporalPositionIndex);
            keys[(int)VolumeSplitKey.AcquisitionTime] = Text(content, DicomTag.FrameAcquisitionDateTime);
        }
        else
        {
            slice.InstanceNumber = index + 1;
        }
        keys[(int)VolumeSplitKey.StackId] = slice.StackId;
        keys[(int)VolumeSplitKey.TriggerTime] = Group(frame, shared, DicomTag.CardiacSynchronizationSequence) is { } cardiac
            ? Text(cardiac, DicomTag.NominalCardiacTriggerDelayTime) : null;
        keys[(int)VolumeSplitKey.DiffusionBValue] = Group(frame, shared, DicomTag.MRDiffusionSequence) is { } diffusion
            ? Text(diffusion, DicomTag.DiffusionBValue) : null;
        keys[(int)VolumeSplitKey.EchoTime] = Group(frame, shared, DicomTag.MREchoSequence) is { } echo
            ? Text(echo, DicomTag.EffectiveEchoTime) : null;
        keys[(int)VolumeSplitKey.TemporalPositionIdentifier] = Text(ds, DicomTag.TemporalPositionIdentifier);
        return slice;
    }

    /// <summary>The first item of a functional group macro's sequence: per-frame wins over shared (PS3.3 §C.7.6.16.1).</summary>
    private static DicomDataset? Group(DicomDataset frame, DicomDataset? shared, DicomTag sequence)
    {
        if (frame.TryGetSequence(sequence, out var s) && s.Count > 0) return s[0];
        if (shared is not null && shared.TryGetSequence(sequence, out s) && s.Count > 0) return s[0];
        return null;
    }

    private static void ReadCommon(VolumeSlice slice, DicomDataset ds)
    {
        slice.SeriesUid = Text(ds, DicomTag.SeriesInstanceUID) ?? "";
        slice.SopInstanceUid = Text(ds, DicomTag.SOPInstanceUID);
        if (ds.TryGetValue<int>(DicomTag.InstanceNumber, 0, out var n)) slice.InstanceNumber = n;
    }

    private static void ReadPlane(VolumeSlice slice, DicomDataset position, DicomDataset orientation, DicomDataset measures)
    {
        if (position.TryGetValues<double>(DicomTag.ImagePositionPatient, out var ipp) && ipp.Length >= 3
            && orientation.TryGetValues<double>(DicomTag.ImageOrientationPatient, out var iop) && iop.Length >= 6
            && Array.TrueForAll(ipp, double.IsFinite) && Array.TrueForAll(iop, double.IsFinite))
        {
            var row = Vector3D.FromArray(iop, 0);
            var column = Vector3D.FromArray(iop, 3);
            if (row.Length > 0.5 && column.Length > 0.5 && Vector3D.Cross(row, column).Length > 0.5)
            {
                slice.Position = Vector3D.FromArray(ipp);
                slice.Row = row.Normalize();
                slice.Column = column.Normalize();
                slice.HasGeometry = true;
            }
        }
        if (measures.TryGetValues<double>(DicomTag.PixelSpacing, out var ps) && ps.Length >= 2 && ps[0] > 0 && ps[1] > 0)
        {
            slice.RowSpacing = ps[0];
            slice.ColumnSpacing = ps[1];
            slice.HasPixelSpacing = true;
        }
        if (measures.TryGetValue<double>(DicomTag.SpacingBetweenSlices, 0, out var between) && between != 0) slice.SpacingBetweenSlices = between;
        if (measures.TryGetValue<double>(DicomTag.SliceThickness, 0, out var thick) && thick > 0) slice.SliceThickness = thick;
    }

    private static void ReadRescale(VolumeSlice slice, DicomDataset ds)
    {
        if (ds.TryGetValue<double>(DicomTag.RescaleSlope, 0, out var slope) && double.IsFinite(slope) && slope != 0) slice.RescaleSlope = slope;
        if (ds.TryGetValue<double>(DicomTag.RescaleIntercept, 0, out var intercept) && double.IsFinite(intercept)) slice.RescaleIntercept = intercept;
    }

    /// <summary>The attribute's first value as trimmed text, numbers normalised (so "2.50" and "2.5" group together).</summary>
    private static string? Text(DicomDataset ds, DicomTag tag)
    {
        if (!ds.TryGetElement(tag, out var e) || e.Length == 0) return null;
        string s;
        try
        {
            if (e.VR == DicomVR.FD || e.VR == DicomVR.FL || e.VR == DicomVR.DS || e.VR == DicomVR.IS
                || e.VR == DicomVR.US || e.VR == DicomVR.UL || e.VR == DicomVR.SS || e.VR == DicomVR.SL)
                return e.Get<double>(0).ToString("R", CultureInfo.InvariantCulture);
            s = e.GetString();
        }
        catch (Exception ex) when (ex is DicomException or FormatException or InvalidCastException or OverflowException)
        {
            s = e.GetString();
        }
        s = s.Trim();
        return s.Length == 0 ? null : s;
    }
}
