using Imaging.Dicom;
using Imaging.Dicom.Imaging.Codecs.Rle;

namespace Imaging.Dicom.Imaging.Tests.Codecs;

/// <summary>RLE Lossless (PS3.5 Annex G) against pydicom's RLE test files, their uncompressed twins, and round trips.</summary>
public sealed class RleCodecTests
{
    /// <summary>Every file in pydicom's test_files with transfer syntax 1.2.840.10008.1.2.5 (found by reading the meta header).</summary>
    public static TheoryData<string> RleFiles() => [.. RleFileNames()];

    private static IEnumerable<string> RleFileNames()
    {
        foreach (var path in Directory.EnumerateFiles(PydicomOracle.TestFilesFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                if (DicomFile.Open(path).TransferSyntax.Uid != RleCodec.TransferSyntaxUid) continue;
            }
            catch (DicomException)
            {
                continue;
            }
            yield return Path.GetFileName(path);
        }
    }

    [Fact]
    public void RleFiles_PydicomTestFiles_FindsAllNine()
    {
        var names = RleFileNames().ToArray();
        Assert.Equal(9, names.Length);
        Assert.Contains("MR_small_RLE.dcm", names);
        Assert.Contains("SC_rgb_rle_32bit_2frame.dcm", names);
    }

    [Theory]
    [MemberData(nameof(RleFiles))]
    public void DecodeFrames_PydicomRleFile_EqualsPydicomPixelArray(string name)
    {
        var path = PydicomOracle.TestFile(name);
        var frames = RleCodec.DecodeFrames(DicomFile.Open(path).Dataset);
        Assert.Equal(PydicomOracle.PixelArrayBytes(path), frames.SelectMany(f => f).ToArray());
    }

    [Theory]
    [InlineData("MR_small_RLE.dcm", "MR_small.dcm")]
    [InlineData("rtdose_rle.dcm", "rtdose.dcm")]
    [InlineData("rtdose_rle_1frame.dcm", "rtdose_1frame.dcm")]
    public void DecodeFrames_RleFileWithUncompressedTwin_EqualsNativePixelData(string rle, string uncompressed)
    {
        var frames = RleCodec.DecodeFrames(DicomFile.Open(PydicomOracle.TestFile(rle)).Dataset);
        var native = NativePixelData(DicomFile.Open(PydicomOracle.TestFile(uncompressed)).Dataset);
        var decoded = frames.SelectMany(f => f).ToArray();
        Assert.Equal(native[..decoded.Length], decoded);
    }

    [Theory]
    [MemberData(nameof(RleFiles))]
    public void EncodeFrame_DecodedPydicomFrames_RoundTripsExactly(string name)
    {
        var dataset = DicomFile.Open(PydicomOracle.TestFile(name)).Dataset;
        var info = RleFrameInfo.FromDataset(dataset);
        foreach (var frame in RleCodec.DecodeFrames(dataset))
            Assert.Equal(frame, RleCodec.DecodeFrame(RleCodec.EncodeFrame(frame, info), info));
    }

    [Theory]
    [InlineData(8, 1, 0)]
    [InlineData(16, 1, 0)]
    [InlineData(32, 1, 0)]
    [InlineData(64, 1, 0)]
    [InlineData(8, 3, 0)]
    [InlineData(16, 3, 0)]
    [InlineData(32, 3, 0)]
    [InlineData(8, 3, 1)]
    [InlineData(16, 3, 1)]
    public void EncodeFrame_SyntheticFrames_DecodesToInput(int bits, int samples, int planar)
    {
        foreach (var (rows, columns) in new[] { (1, 1), (1, 300), (7, 13), (3, 129), (17, 255), (64, 64) })
        {
            var info = new RleFrameInfo(rows, columns, samples, bits, planar);
            foreach (var native in Patterns((int)info.FrameLength, seed: rows * 1000 + columns))
            {
                var encoded = RleCodec.EncodeFrame(native, info);
                Assert.Equal(0, encoded.Length % 2);
                Assert.Equal(native, RleCodec.DecodeFrame(encoded, info));
            }
        }
    }

    [Fact]
    public void EncodeFrame_ConstantFrame_CompressesToReplicateRuns()
    {
        var info = new RleFrameInfo(100, 100, 1, 16);
        var encoded = RleCodec.EncodeFrame(new byte[info.FrameLength], info);
        // Per segment: 100 rows, each one replicate run of 100 (2 bytes) = 200 bytes; no run crosses a row.
        Assert.Equal(64 + 2 * 200, encoded.Length);
        Assert.Equal(2u, BitConverter.ToUInt32(encoded, 0));
        Assert.Equal(64u, BitConverter.ToUInt32(encoded, 4));
        Assert.Equal(264u, BitConverter.ToUInt32(encoded, 8));
        Assert.Equal(0u, BitConverter.ToUInt32(encoded, 12));
    }

    [Fact]
    public void EncodeFrame_SixteenBitSample_PutsMostSignificantByteSegmentFirst()
    {
        var info = new RleFrameInfo(1, 2, 1, 16);
        var encoded = RleCodec.EncodeFrame([0x34, 0x12, 0x34, 0x12], info); // two samples of 0x1234, little endian
        // Segment 1 (offset 64): replicate 0x12 twice; segment 2 (offset 66): replicate 0x34 twice (PS3.5 §G.2).
        Assert.Equal(new byte[] { 0xFF, 0x12, 0xFF, 0x34 }, encoded[64..]);
    }

    [Fact]
    public void EncodeFrame_RunsLongerThanARow_NeverCrossRows()
    {
        // 3 rows of 5 identical bytes: a row-crossing encoder would emit one run of 15.
        var info = new RleFrameInfo(3, 5, 1, 8);
        var encoded = RleCodec.EncodeFrame(Enumerable.Repeat((byte)9, 15).ToArray(), info);
        Assert.Equal(new byte[] { 0xFC, 9, 0xFC, 9, 0xFC, 9 }, encoded[64..]);
    }

    [Fact]
    public void EncodeFrame_OddLengthSegment_IsPaddedToEvenLength()
    {
        var info = new RleFrameInfo(1, 2, 1, 8);
        var encoded = RleCodec.EncodeFrame([1, 2], info); // literal run: 0x01 1 2 = 3 bytes, padded to 4
        Assert.Equal(new byte[] { 1, 1, 2, 0 }, encoded[64..]);
    }

    [Fact]
    public void DecodeFrame_PlanarConfigurationOne_ReturnsColorByPlane()
    {
        var interleaved = new RleFrameInfo(1, 2, 3, 8, 0);
        var encoded = RleCodec.EncodeFrame([1, 2, 3, 4, 5, 6], interleaved);
        Assert.Equal(new byte[] { 1, 4, 2, 5, 3, 6 }, RleCodec.DecodeFrame(encoded, interleaved with { PlanarConfiguration = 1 }));
    }

    [Fact]
    public void DecodeFrame_ReplicateRunOverflowingPlane_IsClippedLeniently()
    {
        var info = new RleFrameInfo(1, 3, 1, 8);
        var frame = Header(64).Concat(new byte[] { 0xFB, 7 }).ToArray(); // a run of 6 for a plane of 3
        Assert.Equal(new byte[] { 7, 7, 7 }, RleCodec.DecodeFrame(frame, info));
    }

    [Fact]
    public void DecodeFrame_NoOpHeaderByte_IsSkipped()
    {
        var info = new RleFrameInfo(1, 2, 1, 8);
        var frame = Header(64).Concat(new byte[] { 0x80, 0xFF, 5 }).ToArray();
        Assert.Equal(new byte[] { 5, 5 }, RleCodec.DecodeFrame(frame, info));
    }

    internal static byte[] Header(params uint[] offsets)
    {
        var header = new byte[64];
        BitConverter.TryWriteBytes(header.AsSpan(0), (uint)offsets.Length);
        for (int i = 0; i < offsets.Length; i++) BitConverter.TryWriteBytes(header.AsSpan(4 + 4 * i), offsets[i]);
        return header;
    }

    internal static byte[] NativePixelData(DicomDataset dataset) =>
        dataset.TryGetElement(DicomTag.PixelData, out var element) ? element.Buffer.Memory.ToArray() : throw new InvalidOperationException("no native pixel data");

    /// <summary>Random bytes, a constant, short runs mixed with noise, and runs longer than 128 (the PackBits limit).</summary>
    internal static IEnumerable<byte[]> Patterns(int length, int seed)
    {
        var random = new Random(seed);
        var noise = new byte[length];
        random.NextBytes(noise);
        yield return noise;
        yield return Enumerable.Repeat((byte)0xA5, length).ToArray();
        var mixed = new byte[length];
        for (int i = 0; i < length;)
        {
            int run = random.Next(1, 300);
            byte value = (byte)random.Next(4);
            bool literal = random.Next(3) == 0;
            for (int k = 0; k < run && i < length; k++, i++) mixed[i] = literal ? (byte)random.Next(256) : value;
        }
        yield return mixed;
    }
}
