using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Dicom.Imaging.Codecs.Rle;
using static Imaging.Dicom.Imaging.Tests.Codecs.RleCodecTests;

namespace Imaging.Dicom.Imaging.Tests.Codecs;

/// <summary>Malformed RLE input gives a <see cref="DicomFormatException"/> naming the problem (STYLE.md rule 5), never a crash or a hang.</summary>
public sealed class RleMalformedInputTests
{
    private static readonly RleFrameInfo Mono8 = new(2, 2, 1, 8);
    private static readonly RleFrameInfo Mono16 = new(2, 2, 1, 16);

    [Fact]
    public void DecodeFrame_ShorterThanHeader_ThrowsNamingHeader()
    {
        var e = Assert.Throws<DicomFormatException>(() => RleCodec.DecodeFrame(new byte[10], Mono8));
        Assert.Contains("64-byte RLE header", e.Message);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(16u)]
    [InlineData(0xFFFFFFFFu)]
    public void DecodeFrame_SegmentCountOutOfRange_ThrowsNamingCount(uint count)
    {
        var frame = Header(64).Concat(new byte[] { 0xFC, 1 }).ToArray();
        BitConverter.TryWriteBytes(frame.AsSpan(0), count);
        var e = Assert.Throws<DicomFormatException>(() => RleCodec.DecodeFrame(frame, Mono8));
        Assert.Contains($"counts {count} segments", e.Message);
    }

    [Fact]
    public void DecodeFrame_SegmentCountDisagreesWithBitsAllocated_ThrowsNamingBoth()
    {
        var frame = Header(64).Concat(new byte[] { 0xFD, 1 }).ToArray();
        var e = Assert.Throws<DicomFormatException>(() => RleCodec.DecodeFrame(frame, Mono16));
        Assert.Contains("counts 1 segments, but 1 sample(s) of 16 bits need 2", e.Message);
    }

    [Theory]
    [InlineData(0u, 66u)]     // first offset inside the header
    [InlineData(64u, 500u)]   // past the frame's end
    [InlineData(66u, 64u)]    // out of order
    public void DecodeFrame_OffsetOutOfRange_ThrowsNamingSegment(uint first, uint second)
    {
        var frame = Header(first, second).Concat(new byte[] { 0xFD, 1, 0xFD, 2 }).ToArray();
        var e = Assert.Throws<DicomFormatException>(() => RleCodec.DecodeFrame(frame, Mono16));
        Assert.Contains("the offset of segment", e.Message);
        Assert.Equal(DicomTag.PixelData, e.Tag);
    }

    [Fact]
    public void DecodeFrame_LiteralRunPastSegmentEnd_ThrowsTruncated()
    {
        var frame = Header(64).Concat(new byte[] { 0x03, 1, 2 }).ToArray(); // 4 literals announced, 2 present
        var e = Assert.Throws<DicomFormatException>(() => RleCodec.DecodeFrame(frame, Mono8));
        Assert.Contains("segment 1 is truncated: a literal run of 4 bytes", e.Message);
        Assert.Equal(64, e.Offset);
    }

    [Fact]
    public void DecodeFrame_ReplicateRunWithoutByte_ThrowsTruncated()
    {
        var frame = Header(64).Concat(new byte[] { 0x00, 1, 0xFE }).ToArray();
        var e = Assert.Throws<DicomFormatException>(() => RleCodec.DecodeFrame(frame, Mono8));
        Assert.Contains("a replicate run has no byte to repeat", e.Message);
    }

    [Fact]
    public void DecodeFrame_SegmentDecodesTooFewBytes_ThrowsNamingCounts()
    {
        var frame = Header(64, 68).Concat(new byte[] { 0xFF, 1, 0x80, 0x80, 0xFD, 2 }).ToArray(); // segment 1: 2 of 4 bytes
        var e = Assert.Throws<DicomFormatException>(() => RleCodec.DecodeFrame(frame, Mono16));
        Assert.Contains("segment 1 is truncated: decodes to 2 bytes, 4 expected", e.Message);
    }

    [Fact]
    public void DecodeFrame_RandomAndTruncatedInput_ThrowsOnlyDicomFormatException()
    {
        var valid = RleCodec.EncodeFrame(Patterns(3 * 40 * 30 * 2, seed: 5).Last(), new RleFrameInfo(40, 30, 3, 16));
        var info = new RleFrameInfo(40, 30, 3, 16);
        var random = new Random(42);
        for (int trial = 0; trial < 2000; trial++)
        {
            var frame = valid[..random.Next(valid.Length)];
            if (trial % 2 == 1)
            {
                frame = (byte[])valid.Clone();
                for (int k = 0; k < 1 + random.Next(8); k++) frame[random.Next(trial % 4 == 1 ? 64 : frame.Length)] = (byte)random.Next(256);
            }
            try
            {
                Assert.Equal(info.FrameLength, RleCodec.DecodeFrame(frame, info).Length);
            }
            catch (DicomFormatException)
            {
            }
        }
    }

    [Theory]
    [InlineData(12, 1)]
    [InlineData(1, 1)]
    [InlineData(8, 2)]
    [InlineData(64, 3)]
    public void DecodeFrame_UnsupportedPixelAttributes_ThrowsDicomException(int bits, int samples)
    {
        var e = Assert.Throws<DicomException>(() => RleCodec.DecodeFrame(new byte[64], new RleFrameInfo(2, 2, samples, bits)));
        Assert.StartsWith("RLE:", e.Message);
    }

    [Fact]
    public void EncodeFrame_WrongNativeLength_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => RleCodec.EncodeFrame(new byte[7], Mono16));
    }

    [Fact]
    public void DecodeFrames_NativePixelData_ThrowsNamingIt()
    {
        var dataset = DicomFile.Open(PydicomOracle.TestFile("MR_small.dcm")).Dataset;
        var e = Assert.Throws<DicomException>(() => RleCodec.DecodeFrames(dataset));
        Assert.Contains("native, not encapsulated", e.Message);
    }

    [Fact]
    public void DecodeFrames_CorruptSecondFrame_ThrowsNamingFrame()
    {
        var dataset = DicomFile.Open(PydicomOracle.TestFile("SC_rgb_rle_2frame.dcm")).Dataset;
        var fragments = (DicomFragmentSequence)dataset[DicomTag.PixelData]!;
        fragments.Fragments[1] = DicomBuffer.FromMemory(fragments.Fragments[1].Memory[..100].ToArray());
        var e = Assert.Throws<DicomFormatException>(() => RleCodec.DecodeFrames(dataset));
        Assert.StartsWith("frame 2 of 2:", e.Problem);
    }
}
