using System.Buffers.Binary;
using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing;

namespace Acme.Smoothing.Tests;

/// <summary>What the 3x3 box smoothing computes.</summary>
public sealed class BoxSmoothingFilterTests
{
    [Fact]
    public async Task ApplyAsync_SinglePeak_SpreadsItEvenlyOverTheNeighbourhood()
    {
        var input = Image(3, 3, [0, 0, 0, 0, 90, 0, 0, 0, 0]);

        var output = await new BoxSmoothingFilter().ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal([10, 10, 10, 10, 10, 10, 10, 10, 10], Pixels(output));
        Assert.Equal([0, 0, 0, 0, 90, 0, 0, 0, 0], Pixels(input));
    }

    [Fact]
    public async Task ApplyAsync_PassesOutOfRange_ThrowsInvalidInput()
    {
        var input = Image(3, 3, new ushort[9]);

        await Assert.ThrowsAsync<InvalidInputException>(() => new BoxSmoothingFilter().ApplyAsync(input, CapabilityArguments.Parse(["passes=0"])));
    }

    [Fact]
    public async Task ApplyAsync_SyntheticCtSlice_KeepsTheImageFormatAndMarksItDerived()
    {
        var slice = SyntheticStudy.Series("CT", new SyntheticStudyOptions { CtSlices = 1, MrSlices = 0, Size = 32 })[0];

        var output = await new BoxSmoothingFilter().ApplyAsync(slice, CapabilityArguments.Empty);

        Assert.Equal(slice.GetString(DicomTag.Rows), output.GetString(DicomTag.Rows));
        Assert.Equal(slice.GetString(DicomTag.Columns), output.GetString(DicomTag.Columns));
        Assert.Equal("DERIVED", output.GetValues<string>(DicomTag.ImageType)[0]);
        Assert.NotEqual(slice.GetString(DicomTag.SOPInstanceUID), output.GetString(DicomTag.SOPInstanceUID));
    }

    private static DicomDataset Image(int rows, int columns, ushort[] pixels)
    {
        var bytes = new byte[pixels.Length * 2];
        for (int i = 0; i < pixels.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), pixels[i]);
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate().Value);
        dataset.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)1);
        dataset.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        dataset.AddOrUpdate(DicomTag.Rows, (ushort)rows);
        dataset.AddOrUpdate(DicomTag.Columns, (ushort)columns);
        dataset.AddOrUpdate(DicomTag.BitsAllocated, (ushort)16);
        dataset.AddOrUpdate(DicomTag.BitsStored, (ushort)16);
        dataset.AddOrUpdate(DicomTag.HighBit, (ushort)15);
        dataset.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)0);
        dataset.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OW, DicomBuffer.FromMemory(bytes)));
        return dataset;
    }

    private static int[] Pixels(DicomDataset dataset)
    {
        Assert.True(dataset.TryGetElement(DicomTag.PixelData, out var element));
        var bytes = element!.Buffer.Memory.Span;
        var values = new int[bytes.Length / 2];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]);
        return values;
    }
}
