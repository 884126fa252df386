using System.Text.Json;
using Imaging.Dicom.Imaging.Lut;
using Imaging.Dicom.Imaging.Pixels;
using Imaging.Dicom.Imaging.Rendering;
using Imaging.Dicom.Imaging.Tests.Codecs;
using Imaging.Dicom.Imaging.Tests.Lut;
using Imaging.Sdk.Testing;

namespace Imaging.Dicom.Imaging.Tests.Rendering;

/// <summary>
/// The rendering pipeline: the synthetic CT phantom checked pixel by pixel against the LINEAR equation of PS3.3
/// §C.11.2.1.2.1 computed here from the phantom's HU, MONOCHROME1 inversion, default min/max window, color files
/// against pydicom, and overlays burnt in.
/// </summary>
public sealed class FrameRendererTests
{
    /// <summary>The LINEAR equation written out again (not through <see cref="VoiWindow"/>), rounded half away from zero.</summary>
    private static byte Linear(double x, double c, double w)
    {
        double y = x <= c - 0.5 - (w - 1) / 2 ? 0 : x > c - 0.5 + (w - 1) / 2 ? 255 : ((x - (c - 0.5)) / (w - 1) + 0.5) * 255;
        return (byte)Math.Round(y, MidpointRounding.AwayFromZero);
    }

    private static (DicomDataset Slice, double Z) MiddleCtSlice()
    {
        var options = new SyntheticStudyOptions { CtSlices = 24, MrSlices = 0, Size = 128 };
        var slices = SyntheticStudy.Series("CT", options);
        var slice = slices[slices.Count / 2];
        return (slice, slice.GetValue<double>(DicomTag.ImagePositionPatient, 2));
    }

    private static RenderedImage RenderPhantom(VoiWindow? window)
    {
        var (slice, _) = MiddleCtSlice();
        var frame = PixelData.Open(slice, DicomTransferSyntax.ExplicitVRLittleEndian).GetFrame(0);
        return FrameRenderer.Render(frame, slice, new RenderOptions { Window = window });
    }

    [Theory]
    [InlineData(null, null)] // the file's window: C=40 W=400
    [InlineData(40.0, 400.0)]
    [InlineData(400.0, 1800.0)] // bone window
    [InlineData(-600.0, 1500.0)] // lung window
    public void Render_PhantomMiddleSlice_EveryPixelIsLinearOfItsHU(double? center, double? width)
    {
        var image = RenderPhantom(center is null ? null : new VoiWindow(center.Value, width!.Value));
        var (slice, z) = MiddleCtSlice();
        double c = center ?? 40, w = width ?? 400;
        int n = slice.GetSingleValue<int>(DicomTag.Rows);
        double fov = n * SyntheticStudy.PixelSpacing, x0 = -fov / 2 + SyntheticStudy.PixelSpacing / 2;
        Assert.Equal((n, n, 1), (image.Width, image.Height, image.Channels));
        for (int r = 0; r < n; r++)
            for (int col = 0; col < n; col++)
            {
                double hu = SyntheticStudy.PhantomHU(x0 + col * SyntheticStudy.PixelSpacing, x0 + r * SyntheticStudy.PixelSpacing, z, fov);
                if (image[r, col] != Linear(hu, c, w)) Assert.Fail($"pixel ({r},{col}) HU {hu}: {image[r, col]}, expected {Linear(hu, c, w)}");
            }
        Assert.Equal($"C={c:0.###} W={w:0.###} LINEAR", image.Voi!.ToString());
    }

    [Fact]
    public void Render_PhantomSoftTissueWindow_KnownGrayAtSphereCentres()
    {
        var image = RenderPhantom(null);
        // 128 × 128 at 0.75 mm: bone centre x = +15.36 mm → column 84, fat centre x = −15.36 mm → column 43, row 64 is y ≈ 0.
        Assert.Equal(Linear(SyntheticStudy.BoneHU, 40, 400), image[64, 84]); // +700 HU → 255
        Assert.Equal(Linear(SyntheticStudy.FatHU, 40, 400), image[64, 43]); // −100 HU → 38
        Assert.Equal(Linear(0, 40, 400), image[64, 64]); // water → 102
        Assert.Equal(Linear(-1000, 40, 400), image[0, 0]); // air → 0
        Assert.Equal(new byte[] { 255, 38, 102, 0 }, new[] { image[64, 84], image[64, 43], image[64, 64], image[0, 0] });
    }

    [Fact]
    public void RenderGray_NoWindowInFile_SpansFrameMinMax()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME2");
        ds.AddOrUpdate(DicomTag.RescaleSlope, 2.0);
        ds.AddOrUpdate(DicomTag.RescaleIntercept, -100.0);
        var image = FrameRenderer.RenderGray([50, 65, 100, 150], 2, 2, ds, new RenderOptions());
        // modality values 0, 30, 100, 200: LINEAR_EXACT over [0, 200], so ((x − 100)/200 + 0.5) × 255.
        Assert.Equal(new byte[] { 0, 38, 128, 255 }, image.Pixels);
        Assert.Equal("the frame's min/max", image.Voi!.Origin);
    }

    [Fact]
    public void RenderGray_Monochrome1_Inverted()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.PhotometricInterpretation, "MONOCHROME1");
        var image = FrameRenderer.RenderGray([0, 100, 200, 400], 2, 2, ds, new RenderOptions { Window = new VoiWindow(200, 400, VoiLutFunction.LinearExact) });
        Assert.Equal(new byte[] { 255, 191, 128, 0 }, image.Pixels);
        Assert.Equal(PresentationLutShape.Inverse, image.Presentation!.Shape);
    }

    [Fact]
    public void Render_RealMonochrome1Cr_InvertedLinearOfPydicomModalityValues()
    {
        var path = PydicomOracle.TestFile("dicomdirtests/77654033/CR1/6154");
        var oracle = LutOracle.Apply(path);
        var image = FrameRenderer.Render(DicomFile.Open(path));
        Assert.Equal(oracle.Modality.Length, image.Pixels.Length);
        for (int i = 0; i < image.Pixels.Length; i++)
        {
            byte expected = (byte)(255 - Linear(oracle.Modality[i], 1600, 2800));
            if (image.Pixels[i] != expected) Assert.Fail($"pixel {i}: modality {oracle.Modality[i]}: {image.Pixels[i]}, expected {expected}");
        }
    }

    /// <summary>pydicom's RGB of a color file (convert_color_space for YBR, apply_color_lut for palettes), as uint16 or uint8 flattened.</summary>
    private static (double[] Rgb, int Bits) PydicomRgb(string path, int frame)
    {
        const string script = """
            import sys, json, base64, numpy as np, pydicom
            from pydicom.pixel_data_handlers.util import convert_color_space, apply_color_lut
            req = json.loads(sys.stdin.read())
            ds = pydicom.dcmread(req["path"])
            a = ds.pixel_array
            if getattr(ds, "NumberOfFrames", 1) not in (None, 1, "1"): a = a[req["frame"]]
            pi = ds.PhotometricInterpretation
            if pi.startswith("YBR"): a = convert_color_space(a, pi, "RGB")
            if pi == "PALETTE COLOR": a = apply_color_lut(a, ds)
            bits = 8 if a.dtype.itemsize == 1 else 16
            sys.stdout.write(json.dumps({"bits": bits, "rgb": base64.b64encode(np.ascontiguousarray(a, dtype="<f8").tobytes()).decode()}))
            """;
        using var doc = JsonDocument.Parse(PydicomOracle.Run(PydicomOracle.Python, ["-c", script], JsonSerializer.Serialize(new { path, frame })));
        var bytes = Convert.FromBase64String(doc.RootElement.GetProperty("rgb").GetString()!);
        var values = new double[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return (values, doc.RootElement.GetProperty("bits").GetInt32());
    }

    [Theory]
    [InlineData("SC_rgb_rle.dcm", 0, 0)]
    [InlineData("SC_rgb_rle_2frame.dcm", 1, 0)]
    [InlineData("SC_rgb_rle_16bit.dcm", 0, 0)]
    [InlineData("SC_rgb_small_odd.dcm", 0, 0)]
    [InlineData("SC_ybr_full_422_uncompressed.dcm", 0, 1)]
    public void Render_ColorFile_RgbEqualsPydicomScaledTo8Bits(string name, int frame, int tolerance)
    {
        var path = PydicomOracle.TestFile(name);
        var (expected, bits) = PydicomRgb(path, frame);
        var image = FrameRenderer.Render(DicomFile.Open(path), new RenderOptions { FrameIndex = frame });
        Assert.Equal(3, image.Channels);
        Assert.Null(image.Voi);
        Assert.Equal(expected.Length, image.Pixels.Length);
        double max = Math.Pow(2, bits) - 1;
        for (int i = 0; i < expected.Length; i++)
        {
            int want = (int)Math.Round(expected[i] * 255 / max, MidpointRounding.AwayFromZero);
            if (Math.Abs(image.Pixels[i] - want) > tolerance) Assert.Fail($"{name} sample {i}: {image.Pixels[i]}, pydicom {want}");
        }
    }

    [Fact]
    public void Render_PaletteColor_EqualsPydicomApplyColorLut()
    {
        var folder = Path.Combine(Path.GetTempPath(), "imaging-render-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "palette.dcm");
            const string script = """
                import sys, numpy as np, pydicom
                from pydicom.dataset import Dataset, FileMetaDataset
                from pydicom.uid import ExplicitVRLittleEndian, generate_uid
                pet = pydicom.dcmread("/usr/lib/python3/dist-packages/pydicom/data/palettes/pet.dcm")
                ds = Dataset()
                ds.file_meta = FileMetaDataset()
                ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
                ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
                ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
                ds.SOPClassUID, ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPClassUID, ds.file_meta.MediaStorageSOPInstanceUID
                ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "PALETTE COLOR"
                ds.Rows, ds.Columns = 16, 16
                ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
                for kw in ("RedPaletteColorLookupTableDescriptor", "GreenPaletteColorLookupTableDescriptor", "BluePaletteColorLookupTableDescriptor",
                           "RedPaletteColorLookupTableData", "GreenPaletteColorLookupTableData", "BluePaletteColorLookupTableData"):
                    setattr(ds, kw, getattr(pet, kw))
                ds.PixelData = np.arange(256, dtype=np.uint8).tobytes()
                ds.is_little_endian, ds.is_implicit_VR = True, False
                ds.save_as(sys.stdin.read().strip(), write_like_original=False)
                """;
            PydicomOracle.Run(PydicomOracle.Python, ["-c", script], path);
            var (expected, bits) = PydicomRgb(path, 0);
            var image = FrameRenderer.Render(DicomFile.Open(path));
            double max = Math.Pow(2, bits) - 1;
            var want = expected.Select(v => (byte)Math.Round(v * 255 / max, MidpointRounding.AwayFromZero)).ToArray();
            Assert.Equal(want, image.Pixels);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Render_OverlayPresent_BurntInWhiteUnlessExcluded()
    {
        var (slice, _) = MiddleCtSlice();
        var ds = slice.Clone();
        // A 2 × 8 overlay at row 1, column 1: every bit of the first row set, none of the second.
        ds.AddOrUpdate(new DicomTag(0x6000, 0x0010), (ushort)2);
        ds.AddOrUpdate(new DicomTag(0x6000, 0x0011), (ushort)8);
        ds.AddOrUpdate(DicomVR.SS, new DicomTag(0x6000, 0x0050), (short)1, (short)1);
        ds.AddOrUpdate(new DicomTag(0x6000, 0x0100), (ushort)1);
        ds.AddOrUpdate(DicomVR.OW, new DicomTag(0x6000, 0x3000), new byte[] { 0xFF, 0x00 });
        var frame = PixelData.Open(ds, DicomTransferSyntax.ExplicitVRLittleEndian).GetFrame(0);

        var with = FrameRenderer.Render(frame, ds);
        Assert.Equal(Enumerable.Repeat((byte)255, 8), Enumerable.Range(0, 8).Select(c => with[0, c]));
        Assert.Equal(0, with[1, 0]); // air, no bit
        Assert.Equal(new ushort[] { 0x6000 }, with.OverlayGroups);

        var without = FrameRenderer.Render(frame, ds, new RenderOptions { IncludeOverlays = false });
        Assert.Equal(0, without[0, 0]);
        Assert.Empty(without.OverlayGroups);
    }

    [Fact]
    public void Render_FrameOutOfRange_ThrowsNamingFrameCount()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            FrameRenderer.Render(DicomFile.Open(PydicomOracle.TestFile("MR_small.dcm")), new RenderOptions { FrameIndex = 3 }));
        Assert.Contains("1 frame", ex.Message);
    }
}
