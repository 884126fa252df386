using System.Globalization;
using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Dicom.Imaging.Tests.Volumes;

/// <summary>Enhanced multi-frame instances (PS3.3 §C.7.6.16 functional groups) read with the same geometry logic.</summary>
public class EnhancedMultiFrameTests
{
    /// <summary>
    /// An Enhanced CT-like instance: frames stored in shuffled order, per-frame Plane Position and Frame Content
    /// (Stack ID, In-Stack Position, Temporal Position Index), shared Plane Orientation, Pixel Measures and Pixel Value
    /// Transformation; <paramref name="temporal"/> positions give a 4-D instance.
    /// </summary>
    private static (DicomDataset Dataset, int[] FrameSlice, int[] FrameVolume) Enhanced(SeriesWriter w, int temporal, int seed)
    {
        var rng = new Random(seed);
        var frames = Enumerable.Range(0, w.Slices * temporal).OrderBy(_ => rng.Next()).ToArray();
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2.1");
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, w.SeriesUid + ".99");
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, w.SeriesUid);
        ds.AddOrUpdate(DicomTag.Modality, "CT");
        ds.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.Rows, (ushort)w.Size);
        ds.AddOrUpdate(DicomTag.Columns, (ushort)w.Size);
        ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)16);
        ds.AddOrUpdate(DicomTag.BitsStored, (ushort)16);
        ds.AddOrUpdate(DicomTag.HighBit, (ushort)15);
        ds.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)1);
        ds.AddOrUpdate(DicomTag.NumberOfFrames, frames.Length);
        var shared = new DicomDataset();
        shared.AddOrUpdate(DicomVR.SQ, DicomTag.PlaneOrientationSequence, Item(DicomTag.ImageOrientationPatient, w.Orientation));
        var measures = Item(DicomTag.PixelSpacing, w.PixelSpacing, w.PixelSpacing);
        measures.AddOrUpdate(DicomTag.SliceThickness, w.SliceSpacing);
        shared.AddOrUpdate(DicomVR.SQ, DicomTag.PixelMeasuresSequence, measures);
        var transform = Item(DicomTag.RescaleIntercept, w.RescaleIntercept);
        transform.AddOrUpdate(DicomTag.RescaleSlope, w.RescaleSlope);
        transform.AddOrUpdate(DicomTag.RescaleType, "HU");
        shared.AddOrUpdate(DicomVR.SQ, DicomTag.PixelValueTransformationSequence, transform);
        ds.AddOrUpdate(DicomVR.SQ, DicomTag.SharedFunctionalGroupsSequence, shared);
        var perFrame = new List<DicomDataset>();
        var pixels = new MemoryStream();
        int[] frameSlice = new int[frames.Length], frameVolume = new int[frames.Length];
        for (int f = 0; f < frames.Length; f++)
        {
            int k = frames[f] % w.Slices, v = frames[f] / w.Slices;
            frameSlice[f] = k;
            frameVolume[f] = v;
            var item = new DicomDataset();
            item.AddOrUpdate(DicomVR.SQ, DicomTag.PlanePositionSequence, Item(DicomTag.ImagePositionPatient, w.Position(k)));
            var content = new DicomDataset();
            content.AddOrUpdate(DicomTag.StackID, "1");
            content.AddOrUpdate(DicomTag.InStackPositionNumber, k + 1);
            content.AddOrUpdate(DicomTag.TemporalPositionIndex, v + 1);
            content.AddOrUpdate(DicomTag.DimensionIndexValues, 1u, (uint)(v + 1), (uint)(k + 1));
            item.AddOrUpdate(DicomVR.SQ, DicomTag.FrameContentSequence, content);
            perFrame.Add(item);
            pixels.Write(w.Pixels(k, v));
        }
        ds.AddOrUpdate(DicomVR.SQ, DicomTag.PerFrameFunctionalGroupsSequence, perFrame.ToArray());
        ds.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, pixels.ToArray());
        return (ds, frameSlice, frameVolume);
    }

    private static DicomDataset Item<T>(DicomTag tag, params T[] values)
    {
        var item = new DicomDataset();
        item.AddOrUpdate(tag, values);
        return item;
    }

    [Fact]
    public void FromFiles_EnhancedSingleStack_SortsFramesByPlanePosition()
    {
        using var tmp = new TempFolder();
        var w = new SeriesWriter { Slices = 16 };
        var (ds, _, _) = Enhanced(w, 1, seed: 3);
        var path = Assert.Single(SeriesWriter.Save(tmp.Path, [ds]));
        // From the file: pixel data left on disk and read frame by frame into the volume.
        var series = VolumeSeries.Open([path]);
        Assert.True(series.Report.IsClean, series.Report.ToString());
        var volume = series.Load();
        var g = volume.Geometry;
        Assert.Equal((64, 64, 16), (g.SizeI, g.SizeJ, g.SizeK));
        Assert.Equal(2.5, g.Spacing.Z, 6);
        Assert.Equal(0.8, g.Spacing.X, 9);
        Assert.Equal(new Vector3D(-25.2, -25.2, -20), g.Origin);
        Assert.Equal(Enumerable.Range(1, 16), series.Stacks[0].Slices.Select(s => s.InstanceNumber ?? 0));
        for (int k = 0; k < 16; k++)
            Assert.Equal(SeriesWriter.Stored(7, 3, k) - 1024, volume.GetValue(7, 3, k));
        // The same from memory (pixel data through PixelData.CopyFrame).
        var fromMemory = VolumeSeries.FromDatasets([ds]).Load();
        Assert.True(fromMemory.GetVoxels<short>().SequenceEqual(volume.GetVoxels<short>()));
    }

    [Fact]
    public void FromDatasets_EnhancedTwoTemporalPositions_SplitsByTemporalPositionIndex()
    {
        var w = new SeriesWriter { Slices = 10 };
        var (ds, _, _) = Enhanced(w, 2, seed: 5);
        var series = VolumeSeries.FromDatasets([ds]);
        Assert.True(series.Report.HasMultipleVolumes, series.Report.ToString());
        Assert.Equal(VolumeSplitKey.TemporalPositionIndex, series.Report.SplitKey);
        Assert.Equal(2, series.Stacks.Count);
        for (int v = 0; v < 2; v++)
        {
            var stack = series.Stacks[v];
            Assert.Equal((v + 1).ToString(CultureInfo.InvariantCulture), stack.SplitValue);
            var volume = stack.Load();
            Assert.Equal(10, volume.Geometry.SizeK);
            for (int k = 0; k < 10; k++)
                Assert.Equal(SeriesWriter.Stored(11, 60, k, v) - 1024, volume.GetValue(11, 60, k));
        }
    }

    [Fact]
    public void FromDatasets_EnhancedPerFramePixelMeasures_UsesThemAndReportsMissingFrame()
    {
        var w = new SeriesWriter { Slices = 8 };
        var (ds, frameSlice, _) = Enhanced(w, 1, seed: 9);
        // Move Pixel Measures into every frame, and drop the frame of slice 4 (its position becomes a gap).
        var shared = ds.GetSequence(DicomTag.SharedFunctionalGroupsSequence)[0];
        var measures = shared.GetSequence(DicomTag.PixelMeasuresSequence)[0];
        shared.Remove(DicomTag.PixelMeasuresSequence);
        var perFrame = ds.GetSequence(DicomTag.PerFrameFunctionalGroupsSequence);
        foreach (var item in perFrame) item.AddOrUpdate(DicomVR.SQ, DicomTag.PixelMeasuresSequence, measures.Clone());
        int dropped = Array.IndexOf(frameSlice, 4);
        perFrame[dropped].GetSequence(DicomTag.PlanePositionSequence)[0].AddOrUpdate(DicomTag.ImagePositionPatient, w.Position(4)[0], w.Position(4)[1], 999.0);
        var series = VolumeSeries.FromDatasets([ds]);
        Assert.Equal(0.8, series.Stacks[0].Geometry.Spacing.X, 9);
        Assert.True(series.Report.HasIrregularSpacing, series.Report.ToString());
    }
}
