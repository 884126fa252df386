using System.Buffers.Binary;
using Imaging.Dicom;
using Imaging.Plugins.Filters.Invert;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters;

public sealed class InvertFilterTests
{
    private readonly InvertFilter _filter = new();

    [Fact]
    public async Task ApplyAsync_Twice_RestoresPixelData()
    {
        var input = TestImages.CtSlice(32);

        var once = await _filter.ApplyAsync(input, CapabilityArguments.Empty);
        var twice = await _filter.ApplyAsync(once, CapabilityArguments.Empty);

        Assert.NotEqual(TestImages.PixelBytes(input), TestImages.PixelBytes(once));
        Assert.Equal(TestImages.PixelBytes(input), TestImages.PixelBytes(twice));
    }

    [Fact]
    public async Task ApplyAsync_Unsigned12Bit_MapsToComplementOfRange()
    {
        var input = TestImages.Monochrome(4, 5, (_, y, x) => new[] { 0, 1, 2048, 4094, 4095 }[x] + y, bitsStored: 12);

        var output = await _filter.ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal(TestImages.StoredValues(input).Select(v => 4095 - v), TestImages.StoredValues(output));
    }

    [Fact]
    public async Task ApplyAsync_Signed16Bit_MapsToMinusOneMinusValue()
    {
        var input = TestImages.Monochrome(1, 5, (_, _, x) => new[] { -32768, -1, 0, 1000, 32767 }[x], signed: true);

        var output = await _filter.ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal([32767, 0, -1, -1001, -32768], TestImages.StoredValues(output));
    }

    [Fact]
    public async Task ApplyAsync_EightBitOddLength_InvertsAndKeepsPadding()
    {
        var input = TestImages.Monochrome(3, 3, (_, y, x) => y * 3 + x, bitsAllocated: 8);

        var output = await _filter.ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal(Enumerable.Range(0, 9).Select(v => 255 - v), TestImages.StoredValues(output));
        var bytes = TestImages.PixelBytes(output);
        Assert.Equal(10, bytes.Length);
        Assert.Equal(0, bytes[9]);
    }

    [Fact]
    public async Task ApplyAsync_BitsAboveBitsStored_KeptAsTheyWere()
    {
        // 12 of 16 bits stored; the top 4 bits hold something else (old overlay planes) and must survive.
        var input = TestImages.Monochrome(1, 2, (_, _, _) => 0, bitsStored: 12);
        var raw = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(raw, 0xA000 | 100);
        BinaryPrimitives.WriteUInt16LittleEndian(raw.AsSpan(2), 0x5000 | 4000);
        TestImages.WithPixelBytes(input, raw);

        var bytes = TestImages.PixelBytes(await _filter.ApplyAsync(input, CapabilityArguments.Empty));

        Assert.Equal(0xA000 | (4095 - 100), BinaryPrimitives.ReadUInt16LittleEndian(bytes));
        Assert.Equal(0x5000 | (4095 - 4000), BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2)));
    }

    [Fact]
    public async Task ApplyAsync_Output_DerivedWithNewUidAndInputUntouched()
    {
        var input = TestImages.CtSlice(16);
        var before = TestImages.Encode(input);

        var output = await _filter.ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal(before, TestImages.Encode(input));
        Assert.Equal("DERIVED", output.GetValue<string>(DicomTag.ImageType, 0));
        Assert.Contains("Inverted stored values over [-32768, 32767]", output.GetString(DicomTag.DerivationDescription), StringComparison.Ordinal);
        Assert.NotEqual(input.GetString(DicomTag.SOPInstanceUID), output.GetString(DicomTag.SOPInstanceUID));
    }

    [Fact]
    public async Task ApplyAsync_ImageTypeMissing_DerivedSecondary()
    {
        var input = TestImages.Monochrome(2, 2, (_, _, _) => 1);
        input.Remove(DicomTag.ImageType);

        var output = await _filter.ApplyAsync(input, CapabilityArguments.Empty);

        Assert.Equal(["DERIVED", "SECONDARY"], output.GetValues<string>(DicomTag.ImageType));
    }

    [Fact]
    public async Task ApplyAsync_AnyArgument_ThrowsInvalidInput()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _filter.ApplyAsync(TestImages.CtSlice(8), CapabilityArguments.Parse(["sigma=2"])));
        Assert.Contains("takes no arguments", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_MultiFrame_ReportsOncePerFrameAndHonoursCancellation()
    {
        var input = TestImages.Monochrome(4, 4, (f, _, x) => f + x, frames: 5);
        var progress = new RecordingProgress<ProgressReport>();
        await _filter.ApplyAsync(input, CapabilityArguments.Empty, progress);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], progress.Reports.Select(p => p.Completed));

        using var cts = new CancellationTokenSource();
        var cancelling = new RecordingProgress<ProgressReport>(p => { if (p.Completed == 2) cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _filter.ApplyAsync(input, CapabilityArguments.Empty, cancelling, cts.Token));
        Assert.Equal(2, cancelling.Reports.Count);
    }
}
