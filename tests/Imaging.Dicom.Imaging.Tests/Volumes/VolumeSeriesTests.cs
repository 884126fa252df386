using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Dicom.Imaging.Tests.Volumes;

/// <summary>Synthetic series written to disk with Imaging.Dicom, read back as volumes: sorting, detection, values, geometry.</summary>
public class VolumeSeriesTests
{
    private static void AssertVoxels(Volume volume, SeriesWriter w, int[] writtenSlices, int volumeIndex = 0)
    {
        var voxels = volume.GetVoxels<short>();
        int n = w.Size;
        for (int k = 0; k < writtenSlices.Length; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                {
                    double expected = SeriesWriter.Stored(i, j, writtenSlices[k], volumeIndex) * w.RescaleSlope + w.RescaleIntercept;
                    if (voxels[i + n * (j + n * k)] != expected)
                        Assert.Fail($"voxel ({i},{j},{k}) is {voxels[i + n * (j + n * k)]}, expected {expected}");
                }
    }

    private static void AssertSliceOrigins(VolumeGeometry g, SeriesWriter w, int[] writtenSlices)
    {
        for (int k = 0; k < writtenSlices.Length; k++)
        {
            var p = w.Position(writtenSlices[k]);
            Assert.Equal(0, Vector3D.Distance(new Vector3D(p[0], p[1], p[2]), g.VoxelToPatient(0, 0, k)), 4);
        }
    }

    [Fact]
    public void Open_ShuffledFilesAndInstanceNumbers_SortsByPositionAlongNormal()
    {
        using var tmp = new TempFolder();
        var w = new SeriesWriter();
        var rng = new Random(7);
        var order = Enumerable.Range(0, w.Slices).OrderBy(_ => rng.Next()).ToArray();
        // Instance Numbers run against position, so sorting by them would reverse the volume.
        var paths = SeriesWriter.Save(tmp.Path, order.Select(k => w.Slice(k, instance: w.Slices - k)));
        var series = VolumeSeries.Open(paths.OrderBy(_ => rng.Next()));
        Assert.True(series.Report.IsClean, series.Report.ToString());
        var stack = Assert.Single(series.Stacks);
        Assert.Equal(SampleType.Int16, stack.SampleType);
        var volume = series.Load();
        var g = volume.Geometry;
        Assert.Equal((64, 64, 20), (g.SizeI, g.SizeJ, g.SizeK));
        Assert.Equal(new Vector3D(0.8, 0.8, 2.5), new Vector3D(Math.Round(g.Spacing.X, 9), Math.Round(g.Spacing.Y, 9), Math.Round(g.Spacing.Z, 9)));
        Assert.Equal(new Vector3D(-25.2, -25.2, -20), g.Origin);
        Assert.False(g.IsSheared);
        AssertSliceOrigins(g, w, [.. Enumerable.Range(0, 20)]);
        AssertVoxels(volume, w, [.. Enumerable.Range(0, 20)]);
    }

    [Fact]
    public void Load_SlicesLeftInTheFiles_ReadStraightIntoTheVolumeWithoutCachingPixelData()
    {
        using var tmp = new TempFolder();
        // 128×128 int16 = 32 KiB a slice: above the 16 KiB the header scan reads, so pixel data stays in the files.
        var w = new SeriesWriter { Size = 128, Slices = 12 };
        var paths = SeriesWriter.Save(tmp.Path, Enumerable.Range(0, w.Slices).Select(k => w.Slice(k)));
        var series = VolumeSeries.Open(paths);
        var stack = Assert.Single(series.Stacks);
        Assert.All(stack.Slices, s => Assert.False(s.File.Dataset.TryGetElement(DicomTag.PixelData, out var e) && e.Buffer.IsLoaded));
        var volume = stack.Load();
        AssertVoxels(volume, w, [.. Enumerable.Range(0, w.Slices)]);
        // No second copy of the pixel data is kept: every slice was read into the volume, none into its element.
        Assert.All(stack.Slices, s => Assert.False(s.File.Dataset.TryGetElement(DicomTag.PixelData, out var e) && e.Buffer.IsLoaded));
    }

    [Fact]
    public void Open_TiltedGantry_ReportsTiltAndBuildsShearedGeometry()
    {
        using var tmp = new TempFolder();
        double t = 15 * Math.PI / 180;
        // A CT gantry tilted about the x axis: image columns tilt, the table still moves along z.
        var w = new SeriesWriter { Orientation = [1, 0, 0, 0, Math.Cos(t), -Math.Sin(t)], StepDirection = [0, 0, 1] };
        var paths = SeriesWriter.Save(tmp.Path, Enumerable.Range(0, w.Slices).Reverse().Select(k =>
        {
            var ds = w.Slice(k);
            ds.AddOrUpdate(DicomTag.GantryDetectorTilt, 15.0);
            return ds;
        }));
        var series = VolumeSeries.Open(paths);
        Assert.True(series.Report.HasGantryTilt, series.Report.ToString());
        Assert.False(series.Report.HasIrregularSpacing, series.Report.ToString());
        var finding = Assert.Single(series.Report.Of(VolumeFindingKind.GantryTilt));
        Assert.Contains("15°", finding.Message, StringComparison.Ordinal);
        var stack = Assert.Single(series.Stacks);
        Assert.Equal(15, stack.ShearDegrees, 3);
        var volume = stack.Load();
        var g = volume.Geometry;
        Assert.True(g.IsSheared);
        Assert.Equal(2.5, g.Spacing.Z, 4);
        Assert.Equal(0, Vector3D.Distance(new Vector3D(0, 0, 1), g.SliceDirection), 6);
        AssertSliceOrigins(g, w, [.. Enumerable.Range(0, 20)]);
        // Every voxel centre, not only slice origins: pixel (i, j) of slice k is at IPP_k + i·Δc·row + j·Δr·column.
        var p = w.Position(13);
        var expected = new Vector3D(p[0], p[1], p[2]) + new Vector3D(1, 0, 0) * (5 * 0.8) + new Vector3D(0, Math.Cos(t), -Math.Sin(t)) * (9 * 0.8);
        Assert.Equal(0, Vector3D.Distance(expected, g.VoxelToPatient(5, 9, 13)), 4);
        Assert.Equal(new Vector3D(5, 9, 13), Round(g.PatientToVoxel(expected)));
        AssertVoxels(volume, w, [.. Enumerable.Range(0, 20)]);
    }

    [Fact]
    public void Open_MissingSlice_ReportsGapAndStillBuilds()
    {
        using var tmp = new TempFolder();
        var w = new SeriesWriter();
        var written = Enumerable.Range(0, w.Slices).Where(k => k != 11).ToArray();
        var paths = SeriesWriter.Save(tmp.Path, written.Select(k => w.Slice(k)));
        var series = VolumeSeries.Open(paths);
        Assert.True(series.Report.HasMissingSlices, series.Report.ToString());
        Assert.True(series.Report.HasIrregularSpacing);
        var missing = Assert.Single(series.Report.Of(VolumeFindingKind.MissingSlices));
        Assert.Contains("1 missing slice", missing.Message, StringComparison.Ordinal);
        var stack = Assert.Single(series.Stacks);
        var gap = Assert.Single(stack.IrregularGaps);
        Assert.Equal((10, 5.0, 1), (gap.AfterSlice, Math.Round(gap.Gap, 6), gap.MissingSlices));
        Assert.Equal(2.5, stack.NominalSpacing, 6);
        Assert.Equal(1, stack.MissingSliceCount);
        var volume = stack.Load();
        Assert.Equal(19, volume.Geometry.SizeK);
        AssertVoxels(volume, w, written);
    }

    [Fact]
    public void Load_IrregularSpacingRefused_ThrowsWithTheReport()
    {
        using var tmp = new TempFolder();
        var w = new SeriesWriter();
        var paths = SeriesWriter.Save(tmp.Path, Enumerable.Range(0, w.Slices).Where(k => k != 3).Select(k => w.Slice(k)));
        var series = VolumeSeries.Open(paths, new VolumeReadOptions { RefuseIrregularSpacing = true });
        Assert.Contains(series.Report.Findings, f => f.Kind == VolumeFindingKind.IrregularSpacing && f.Severity == VolumeFindingSeverity.Error);
        var ex = Assert.Throws<VolumeException>(() => series.Load());
        Assert.Contains("irregular spacing", ex.Message, StringComparison.Ordinal);
        Assert.Same(series.Report, ex.Report);
    }

    [Fact]
    public void Open_TwoInterleavedTemporalPositions_SplitsIntoTwoVolumes()
    {
        using var tmp = new TempFolder();
        var w = new SeriesWriter { Slices = 12 };
        var datasets = new List<DicomDataset>();
        for (int k = 0; k < w.Slices; k++)
            for (int v = 0; v < 2; v++)
            {
                var ds = w.Slice(k, v, instance: k * 2 + v + 1);
                ds.AddOrUpdate(DicomTag.TemporalPositionIdentifier, v + 1);
                ds.AddOrUpdate(DicomTag.TriggerTime, 100.0 * (v + 1));
                datasets.Add(ds);
            }
        var series = VolumeSeries.Open(SeriesWriter.Save(tmp.Path, datasets));
        Assert.True(series.Report.HasMultipleVolumes, series.Report.ToString());
        Assert.Equal(VolumeSplitKey.TemporalPositionIdentifier, series.Report.SplitKey);
        Assert.Equal(2, series.Stacks.Count);
        Assert.False(series.Report.HasIrregularSpacing);
        var ex = Assert.Throws<VolumeException>(() => series.Load());
        Assert.Contains("2 volumes", ex.Message, StringComparison.Ordinal);
        for (int v = 0; v < 2; v++)
        {
            var stack = series.Stacks[v];
            Assert.Equal((v + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), stack.SplitValue);
            var volume = stack.Load();
            Assert.Equal(12, volume.Geometry.SizeK);
            Assert.Equal(2.5, volume.Geometry.Spacing.Z, 6);
            AssertVoxels(volume, w, [.. Enumerable.Range(0, 12)], v);
        }
    }

    [Theory]
    [InlineData("TriggerTime", VolumeSplitKey.TriggerTime)]
    [InlineData("DiffusionBValue", VolumeSplitKey.DiffusionBValue)]
    [InlineData("EchoTime", VolumeSplitKey.EchoTime)]
    [InlineData("AcquisitionNumber", VolumeSplitKey.AcquisitionNumber)]
    public void FromDatasets_DuplicatePositionsTellApartBy_SplitsByThatAttribute(string keyword, VolumeSplitKey expected)
    {
        var w = new SeriesWriter { Slices = 5 };
        var tag = keyword switch
        {
            "TriggerTime" => DicomTag.TriggerTime,
            "DiffusionBValue" => DicomTag.DiffusionBValue,
            "EchoTime" => DicomTag.EchoTime,
            _ => DicomTag.AcquisitionNumber,
        };
        var datasets = new List<DicomDataset>();
        for (int v = 2; v >= 0; v--)
            for (int k = 0; k < 5; k++)
            {
                var ds = w.Slice(k, v);
                if (tag == DicomTag.AcquisitionNumber) ds.AddOrUpdate(tag, v + 1);
                else ds.AddOrUpdate(tag, 10.0 * (v + 1));
                datasets.Add(ds);
            }
        var series = VolumeSeries.FromDatasets(datasets);
        Assert.Equal(expected, series.Report.SplitKey);
        Assert.Equal(3, series.Stacks.Count);
        // Stacks come in increasing attribute value.
        for (int v = 0; v < 3; v++) AssertVoxels(series.Stacks[v].Load(), w, [.. Enumerable.Range(0, 5)], v);
    }

    [Fact]
    public void Open_DuplicatePositionsWithoutSplitAttribute_SplitsByInstanceOrderAndWarns()
    {
        var w = new SeriesWriter { Slices = 6 };
        var datasets = Enumerable.Range(0, 6).SelectMany(k => new[] { w.Slice(k, 0, instance: k + 1), w.Slice(k, 1, instance: 10 + k) }).ToList();
        var series = VolumeSeries.FromDatasets(datasets);
        Assert.Equal(VolumeSplitKey.InstanceOrder, series.Report.SplitKey);
        Assert.Contains(series.Report.Findings, f => f.Kind == VolumeFindingKind.MultipleVolumes && f.Severity == VolumeFindingSeverity.Warning);
        Assert.Equal(2, series.Stacks.Count);
        AssertVoxels(series.Stacks[1].Load(), w, [.. Enumerable.Range(0, 6)], 1);
    }

    [Fact]
    public void Open_MixedOrientations_OneStackPerOrientation()
    {
        var axial = new SeriesWriter { Slices = 10 };
        var sagittal = new SeriesWriter { Slices = 4, Orientation = [0, 1, 0, 0, 0, -1], Origin = [-30, -25, 25] };
        var datasets = Enumerable.Range(0, 10).Select(k => axial.Slice(k)).Concat(Enumerable.Range(0, 4).Select(k => sagittal.Slice(k, 1))).ToList();
        var series = VolumeSeries.FromDatasets(datasets);
        Assert.True(series.Report.HasMixedOrientations, series.Report.ToString());
        Assert.Contains("0\\1\\0\\0\\0\\-1", Assert.Single(series.Report.Of(VolumeFindingKind.MixedOrientations)).Message, StringComparison.Ordinal);
        Assert.Equal(2, series.Stacks.Count);
        Assert.Equal(10, series.Stacks[0].Slices.Count);
        var sag = series.Stacks[1].Load();
        Assert.Equal(new Vector3D(-1, 0, 0), sag.Geometry.SliceDirection); // (0,1,0) × (0,0,−1)
        AssertVoxels(sag, sagittal, [0, 1, 2, 3], 1);
    }

    [Fact]
    public void Open_MixedSizes_OneStackPerFormatAndReported()
    {
        var big = new SeriesWriter { Slices = 5 };
        var small = new SeriesWriter { Slices = 3, Size = 32 };
        var series = VolumeSeries.FromDatasets(Enumerable.Range(0, 5).Select(k => big.Slice(k)).Concat(Enumerable.Range(0, 3).Select(k => small.Slice(k))));
        Assert.True(series.Report.HasMixedFormats, series.Report.ToString());
        Assert.Equal([5, 3], series.Stacks.Select(s => s.Slices.Count));
    }

    [Fact]
    public void Load_AboveMemoryBudget_ThrowsPointingAtSlabs_AndReadSlabMatches()
    {
        var w = new SeriesWriter();
        var datasets = Enumerable.Range(0, w.Slices).Select(k => w.Slice(k)).ToList();
        var full = VolumeSeries.FromDatasets(datasets).Load();
        var series = VolumeSeries.FromDatasets(datasets, new VolumeReadOptions { MemoryBudget = 100_000 });
        var ex = Assert.Throws<VolumeException>(() => series.Load());
        Assert.Contains("ReadSlab", ex.Message, StringComparison.Ordinal);
        var stack = series.Stacks[0];
        var slab = new short[5 * 64 * 64];
        stack.ReadSlab<short>(7, 5, slab);
        Assert.True(full.GetVoxels<short>().Slice(7 * 64 * 64, slab.Length).SequenceEqual(slab));
        var floats = new float[5 * 64 * 64];
        stack.ReadSlab<float>(7, 5, floats);
        Assert.Equal(slab[123], floats[123]);
    }

    [Fact]
    public void Load_NonIntegerSlope_LoadsFloat32ModalityValues()
    {
        var w = new SeriesWriter { Slices = 4, RescaleSlope = 0.5, RescaleIntercept = -10.25 };
        var series = VolumeSeries.FromDatasets(Enumerable.Range(0, 4).Select(k => w.Slice(k)));
        Assert.Equal(SampleType.Float32, series.Stacks[0].SampleType);
        var volume = series.Load();
        Assert.Equal(SeriesWriter.Stored(3, 5, 2) * 0.5 - 10.25, volume.GetValue(3, 5, 2), 4);
    }

    [Fact]
    public void Load_ValuesOverflowInt16_FallsBackToFloat32AndReports()
    {
        var w = new SeriesWriter { Slices = 3, RescaleSlope = 40, RescaleIntercept = 0 };
        var series = VolumeSeries.FromDatasets(Enumerable.Range(0, 3).Select(k => w.Slice(k)));
        Assert.Equal(SampleType.Int16, series.Stacks[0].SampleType);
        var volume = series.Load();
        Assert.Equal(SampleType.Float32, volume.SampleType);
        Assert.True(series.Report.Has(VolumeFindingKind.ValueRange), series.Report.ToString());
        Assert.Equal(SeriesWriter.Stored(1, 2, 2) * 40.0, volume.GetValue(1, 2, 2));
    }

    private static Vector3D Round(Vector3D v) => new(Math.Round(v.X, 6), Math.Round(v.Y, 6), Math.Round(v.Z, 6));

    [Fact]
    public void Load_ForcedInt16OnFloatPixelData_VolumeExceptionNotACrash()
    {
        var w = new SeriesWriter { Slices = 3, Size = 8 };
        var datasets = Enumerable.Range(0, 3).Select(k =>
        {
            var ds = w.Slice(k);
            ds.Remove(DicomTag.PixelData, DicomTag.BitsStored, DicomTag.HighBit, DicomTag.PixelRepresentation, DicomTag.RescaleIntercept, DicomTag.RescaleSlope);
            ds.AddOrUpdate(DicomTag.BitsAllocated, (ushort)32);
            ds.AddOrUpdate(new DicomElement(DicomTag.FloatPixelData, DicomVR.OF, global::Imaging.Dicom.IO.DicomBuffer.FromMemory(new byte[8 * 8 * 4])));
            return ds;
        }).ToList();

        var e = Assert.Throws<VolumeException>(() => VolumeSeries.FromDatasets(datasets, new VolumeReadOptions { VoxelType = SampleType.Int16 }).Load());

        Assert.Contains("Int16 cannot hold Float32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedSliceInMemory_ErrorNamesTheFile()
    {
        using var tmp = new TempFolder();
        var w = new SeriesWriter { Slices = 4, Size = 16 };
        var paths = SeriesWriter.Save(tmp.Path, Enumerable.Range(0, 4).Select(k => w.Slice(k)));
        var broken = DicomFile.Open(paths[1]);
        broken.Dataset.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OW, global::Imaging.Dicom.IO.DicomBuffer.FromMemory(new byte[100])));
        broken.Save(paths[1]);

        var series = VolumeSeries.Open(paths);
        var e = Assert.ThrowsAny<DicomException>(() => series.Load());

        Assert.Contains(paths[1], e.Message, StringComparison.Ordinal);
    }
}
