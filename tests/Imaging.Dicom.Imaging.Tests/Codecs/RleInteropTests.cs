using Imaging.Dicom;
using Imaging.Dicom.IO;
using Imaging.Dicom.Imaging.Codecs.Rle;
using static Imaging.Dicom.Imaging.Tests.Codecs.RleCodecTests;

namespace Imaging.Dicom.Imaging.Tests.Codecs;

/// <summary>Our RLE output saved as Part 10 files and read back by pydicom and by GDCM (<c>gdcmconv --raw</c>).</summary>
public sealed class RleInteropTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rle-interop-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(8, 1, 1)]
    [InlineData(16, 1, 3)]
    [InlineData(32, 1, 2)]
    [InlineData(8, 3, 2)]
    [InlineData(16, 3, 1)]
    [InlineData(32, 3, 2)]
    public void EncodeFrame_SavedAsRleFile_PydicomDecodesSamePixels(int bits, int samples, int frames)
    {
        var (path, native) = WriteSynthetic(bits, samples, frames, rows: 37, columns: 131);
        Assert.Equal(native, PydicomOracle.PixelArrayBytes(path));
    }

    [Theory]
    [InlineData(8, 3, 2)]
    [InlineData(16, 1, 3)]
    [InlineData(32, 1, 1)]
    public void EncodeFrame_SavedAsRleFile_GdcmconvRawGivesSamePixels(int bits, int samples, int frames)
    {
        var (path, native) = WriteSynthetic(bits, samples, frames, rows: 19, columns: 77);
        var raw = Path.Combine(_folder, "raw.dcm");
        PydicomOracle.Run("gdcmconv", ["--raw", path, raw]);
        Assert.Equal(native, NativePixelData(DicomFile.Open(raw).Dataset)[..native.Length]);
    }

    [Fact]
    public void EncodeFrame_ReencodedMrSmall_PydicomMatchesUncompressedOriginal()
    {
        var original = DicomFile.Open(PydicomOracle.TestFile("MR_small.dcm"));
        var dataset = original.Dataset.Clone();
        var info = RleFrameInfo.FromDataset(dataset);
        var native = NativePixelData(dataset)[..(int)info.FrameLength];
        dataset.AddOrUpdate(RleCodec.Encapsulate([RleCodec.EncodeFrame(native, info)]));
        var path = Save(dataset, "mr_small_ours_rle.dcm");
        Assert.Equal(PydicomOracle.PixelArrayBytes(original.FilePath!), PydicomOracle.PixelArrayBytes(path));
        Assert.Equal(native, RleCodec.DecodeFrames(DicomFile.Open(path).Dataset).Single());
    }

    private (string Path, byte[] Native) WriteSynthetic(int bits, int samples, int frames, int rows, int columns)
    {
        var info = new RleFrameInfo(rows, columns, samples, bits);
        var native = new List<byte[]>();
        for (int f = 0; f < frames; f++) native.Add(Patterns((int)info.FrameLength, seed: f + bits * 10 + samples).ElementAt(f % 3));
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        dataset.AddOrUpdate(DicomTag.SOPInstanceUID, $"2.25.{(uint)HashCode.Combine(bits, samples, frames)}");
        dataset.AddOrUpdate(DicomTag.Rows, (ushort)rows);
        dataset.AddOrUpdate(DicomTag.Columns, (ushort)columns);
        dataset.AddOrUpdate(DicomTag.SamplesPerPixel, (ushort)samples);
        dataset.AddOrUpdate(DicomTag.PhotometricInterpretation, samples == 3 ? "RGB" : "MONOCHROME2");
        if (samples == 3) dataset.AddOrUpdate(DicomTag.PlanarConfiguration, (ushort)0);
        dataset.AddOrUpdate(DicomTag.BitsAllocated, (ushort)bits);
        dataset.AddOrUpdate(DicomTag.BitsStored, (ushort)bits);
        dataset.AddOrUpdate(DicomTag.HighBit, (ushort)(bits - 1));
        dataset.AddOrUpdate(DicomTag.PixelRepresentation, (ushort)0);
        if (frames > 1) dataset.AddOrUpdate(DicomTag.NumberOfFrames, frames.ToString(System.Globalization.CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(RleCodec.Encapsulate([.. native.Select(n => RleCodec.EncodeFrame(n, info))]));
        return (Save(dataset, $"synthetic_{bits}_{samples}_{frames}.dcm"), native.SelectMany(n => n).ToArray());
    }

    private string Save(DicomDataset dataset, string name)
    {
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomVR.UI, new DicomTag(0x0002, 0x0010), RleCodec.TransferSyntaxUid);
        var path = Path.Combine(_folder, name);
        new DicomFile(dataset, meta).Save(path, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.RLELossless });
        return path;
    }
}
