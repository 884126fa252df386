using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Tests.Codecs;

namespace Imaging.Dicom.Imaging.Tests.Pixels;

/// <summary>
/// THE oracle test of issue 6: for every file under pydicom's test_files with native (implicit/explicit little endian,
/// explicit big endian, deflated) or RLE pixel data, our frames equal pydicom 2.3's <c>pixel_array</c> sample for
/// sample, with the same dtype; where pydicom fails, we fail too; YBR and PALETTE COLOR files also convert to the RGB
/// pydicom's <c>convert_color_space</c> / <c>apply_color_lut</c> give. One case per file found on disk.
/// </summary>
public sealed class PydicomPixelArrayTests
{
    /// <summary>Files where we knowingly differ from pydicom 2.3, and why.</summary>
    private static readonly Dictionary<string, string> ExpectedDifferences = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Every file under pydicom's test_files, relative to it.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(PydicomOracle.TestFilesFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(PydicomOracle.TestFilesFolder, path));
        return data;
    }

    /// <summary>The files pydicom converts to RGB (YBR and PALETTE COLOR).</summary>
    public static TheoryData<string> ColorFiles()
    {
        var data = new TheoryData<string>();
        foreach (var (file, entry) in PixelArrayOracle.All.OrderBy(e => e.Key, StringComparer.Ordinal))
            if (entry.Rgb is not null) data.Add(file);
        return data;
    }

    [Fact]
    public void Files_PydicomTestFiles_HundredsFoundAndSixtyWithNativeOrRlePixelData()
    {
        Assert.True(Directory.EnumerateFiles(PydicomOracle.TestFilesFolder, "*", SearchOption.AllDirectories).Count() > 100, "pydicom's test files are missing; is python3-pydicom installed?");
        Assert.True(PixelArrayOracle.All.Count(e => e.Value.Status != "na") >= 60);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void GetFrame_PydicomTestFile_EqualsPixelArray(string file)
    {
        Assert.True(PixelArrayOracle.All.TryGetValue(file, out var expected), $"the oracle did not look at {file}");
        var path = Path.Combine(PydicomOracle.TestFilesFolder, file);
        if (ExpectedDifferences.ContainsKey(file))
        {
            Assert.False(expected.Status == "ok" && Matches(path, expected), $"{file} now matches pydicom; remove it from ExpectedDifferences.");
            return;
        }
        switch (expected.Status)
        {
            case "na":
                // Not native/RLE pixel data for pydicom: then not for us either, or we refuse to decode it (e.g. a
                // JPEG stream in native Pixel Data under a JPEG meta header, pixel data without Rows) rather than
                // hand out garbage.
                if (HasNativeOrRlePixelData(path))
                    Assert.ThrowsAny<DicomException>(() => DecodeAll(path));
                break;
            case "fail":
                var error = Assert.ThrowsAny<DicomException>(() => DecodeAll(path));
                Assert.False(string.IsNullOrWhiteSpace(error.Message), $"pydicom: {expected.Detail}");
                break;
            default:
                var (type, bytes, frames, pixelFormat) = DecodeAll(path);
                Assert.Equal(expected.DType, DType(type));
                Assert.Equal(Shape(pixelFormat, frames), expected.Shape);
                AssertSameBytes(File.ReadAllBytes(expected.DataPath!), bytes, file);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(ColorFiles))]
    public void ToRgb_PydicomColorFile_EqualsConvertColorSpaceOrApplyColorLut(string file)
    {
        var expected = PixelArrayOracle.All[file].Rgb!;
        Assert.Equal("ok", expected.Status);
        var dicom = DicomFile.Open(Path.Combine(PydicomOracle.TestFilesFolder, file));
        var pixels = PixelData.Open(dicom);
        var rgb = Enumerable.Range(0, pixels.NumberOfFrames).Select(i => pixels.GetFrame(i).ToRgb(dicom.Dataset)).ToList();
        Assert.Equal(expected.DType, DType(rgb[0].SampleType));
        AssertSameBytes(File.ReadAllBytes(expected.DataPath!), [.. rgb.SelectMany(f => Bytes(f.Samples))], file);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CopyFrame_PydicomTestFile_SameSamplesAsGetFrame(string file)
    {
        var path = Path.Combine(PydicomOracle.TestFilesFolder, file);
        if (PixelArrayOracle.All[file].Status != "ok" || ExpectedDifferences.ContainsKey(file)) return;
        var pixels = PixelData.Open(DicomFile.Open(path));
        for (int i = 0; i < pixels.NumberOfFrames; i++)
        {
            var frame = pixels.GetFrame(i);
            var copy = Array.CreateInstance(frame.Samples.GetType().GetElementType()!, frame.Samples.Length);
            CopyInto(pixels, i, copy);
            Assert.Equal(Bytes(frame.Samples), Bytes(copy));
        }
    }

    internal static (SampleType Type, byte[] Bytes, int Frames, PixelFormat Format) DecodeAll(string path)
    {
        var pixels = PixelData.Open(DicomFile.Open(path));
        var bytes = new List<byte>();
        for (int i = 0; i < pixels.NumberOfFrames; i++) bytes.AddRange(Bytes(pixels.GetFrame(i).Samples));
        return (pixels.Format.SampleType, [.. bytes], pixels.NumberOfFrames, pixels.Format);
    }

    internal static byte[] Bytes(Array samples)
    {
        var bytes = new byte[Buffer.ByteLength(samples)];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    internal static string DType(SampleType type) => type switch
    {
        SampleType.UInt8 => "uint8",
        SampleType.Int8 => "int8",
        SampleType.UInt16 => "uint16",
        SampleType.Int16 => "int16",
        SampleType.UInt32 => "uint32",
        SampleType.Int32 => "int32",
        SampleType.Float32 => "float32",
        _ => "float64",
    };

    private static bool Matches(string path, PixelArrayOracle.Entry expected)
    {
        try
        {
            var (type, bytes, _, _) = DecodeAll(path);
            return DType(type) == expected.DType && bytes.AsSpan().SequenceEqual(File.ReadAllBytes(expected.DataPath!));
        }
        catch (DicomException)
        {
            return false;
        }
    }

    private static bool HasNativeOrRlePixelData(string path)
    {
        DicomFile dicom;
        try
        {
            dicom = DicomFile.Open(path);
        }
        catch (Exception e) when (e is DicomException or EndOfStreamException or IOException)
        {
            return false;
        }
        var ts = dicom.TransferSyntax;
        bool pixels = dicom.Dataset.Contains(DicomTag.PixelData) || dicom.Dataset.Contains(DicomTag.FloatPixelData) || dicom.Dataset.Contains(DicomTag.DoubleFloatPixelData);
        return pixels && (!ts.IsEncapsulated || ts.Uid == DicomTransferSyntax.RLELossless.Uid);
    }

    private static int[] Shape(PixelFormat format, int frames)
    {
        var shape = new List<int>();
        if (frames > 1) shape.Add(frames);
        shape.Add(format.Rows);
        shape.Add(format.Columns);
        if (format.SamplesPerPixel > 1) shape.Add(format.SamplesPerPixel);
        return [.. shape];
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual, string file)
    {
        Assert.Equal(expected.Length, actual.Length);
        int first = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(first == expected.Length, $"{file}: first difference at byte {first} of {expected.Length}");
    }

    // By element type: "case ushort[] a" would also match a short[] (the runtime lets one pass as the other).
    private static void CopyInto(PixelData pixels, int index, Array destination)
    {
        switch (Type.GetTypeCode(destination.GetType().GetElementType()))
        {
            case TypeCode.Byte: pixels.CopyFrame<byte>(index, (byte[])destination); break;
            case TypeCode.SByte: pixels.CopyFrame<sbyte>(index, (sbyte[])destination); break;
            case TypeCode.UInt16: pixels.CopyFrame<ushort>(index, (ushort[])destination); break;
            case TypeCode.Int16: pixels.CopyFrame<short>(index, (short[])destination); break;
            case TypeCode.UInt32: pixels.CopyFrame<uint>(index, (uint[])destination); break;
            case TypeCode.Int32: pixels.CopyFrame<int>(index, (int[])destination); break;
            case TypeCode.Single: pixels.CopyFrame<float>(index, (float[])destination); break;
            default: pixels.CopyFrame<double>(index, (double[])destination); break;
        }
    }
}
