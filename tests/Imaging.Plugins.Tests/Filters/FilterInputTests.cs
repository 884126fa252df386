using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Plugins.Filters.Gaussian;
using Imaging.Plugins.Filters.Invert;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters;

/// <summary>Inputs neither filter can work on: each is an <see cref="InvalidInputException"/> saying why.</summary>
public sealed class FilterInputTests
{
    public static TheoryData<string> Filters => ["gaussian", "invert"];

    private static IFilter Create(string name) => name == "gaussian" ? new GaussianFilter() : new InvertFilter();

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ApplyAsync_NoPixelData_ThrowsInvalidInput(string filter)
    {
        var input = TestImages.CtSlice(8);
        input.Remove(DicomTag.PixelData);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(filter).ApplyAsync(input, CapabilityArguments.Empty));
        Assert.Contains("no Pixel Data", e.Message, StringComparison.Ordinal);
        Assert.Contains(filter, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ApplyAsync_EncapsulatedPixelData_ThrowsInvalidInput(string filter)
    {
        var input = TestImages.CtSlice(8);
        input.AddOrUpdate(new DicomFragmentSequence(DicomTag.PixelData, DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.FromMemory(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 })]));

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(filter).ApplyAsync(input, CapabilityArguments.Empty));
        Assert.Contains("encapsulated", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ApplyAsync_Rgb_ThrowsInvalidInput(string filter)
    {
        var input = TestImages.Monochrome(4, 4, (_, _, _) => 0, bitsAllocated: 8);
        input.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)3);
        input.AddOrUpdate(DicomTag.PhotometricInterpretation, "RGB");
        input.AddOrUpdate(DicomTag.PlanarConfiguration, (ushort)0);
        input.AddOrUpdate(DicomVR.OB, DicomTag.PixelData, new byte[48]);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(filter).ApplyAsync(input, CapabilityArguments.Empty));
        Assert.Contains("RGB", e.Message, StringComparison.Ordinal);
        Assert.Contains("monochrome", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ApplyAsync_PaletteColor_ThrowsInvalidInput(string filter)
    {
        var input = TestImages.Monochrome(4, 4, (_, _, _) => 0, bitsAllocated: 8);
        input.AddOrUpdate(DicomTag.PhotometricInterpretation, "PALETTE COLOR");

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(filter).ApplyAsync(input, CapabilityArguments.Empty));
        Assert.Contains("PALETTE COLOR", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ApplyAsync_BitsAllocated32_ThrowsInvalidInput(string filter)
    {
        var input = TestImages.Monochrome(2, 2, (_, _, _) => 0);
        input.AddOrUpdate(DicomTag.BitsAllocated, (ushort)32);
        input.AddOrUpdate(DicomTag.BitsStored, (ushort)32);
        input.AddOrUpdate(DicomTag.HighBit, (ushort)31);
        input.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, new byte[16]);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(filter).ApplyAsync(input, CapabilityArguments.Empty));
        Assert.Contains("Bits Allocated 32", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ApplyAsync_PixelDataTooShort_ThrowsInvalidInput(string filter)
    {
        var input = TestImages.Monochrome(4, 4, (_, _, _) => 0);
        input.AddOrUpdate(DicomVR.OW, DicomTag.PixelData, new byte[30]);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(filter).ApplyAsync(input, CapabilityArguments.Empty));
        Assert.Contains("30 bytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ApplyAsync_HighBitOutsideBitsAllocated_ThrowsInvalidInput(string filter)
    {
        var input = TestImages.Monochrome(2, 2, (_, _, _) => 0, bitsStored: 12);
        input.AddOrUpdate(DicomTag.HighBit, (ushort)16);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Create(filter).ApplyAsync(input, CapabilityArguments.Empty));
        Assert.Contains("High Bit 16", e.Message, StringComparison.Ordinal);
    }
}
