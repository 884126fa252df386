using System.Text.Json;
using Imaging.Dicom.Imaging.Overlays;
using Imaging.Dicom.Imaging.Tests.Codecs;

namespace Imaging.Dicom.Imaging.Tests.Overlays;

/// <summary>
/// Overlay planes (PS3.3 §C.9.2, §C.9.3) against pydicom 2.3's <c>Dataset.overlay_array</c>. Debian's pydicom ships no
/// test file with overlays, so pydicom writes them (random bits, odd sizes that do not fill whole bytes, an origin
/// off the corner, a multi-frame overlay, explicit and implicit VR) and then unpacks them.
/// </summary>
public sealed class OverlayPlaneTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "imaging-overlay-tests", Guid.NewGuid().ToString("N"));

    public OverlayPlaneTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>Writes overlays.dcm with pydicom and returns, per group, pydicom's overlay_array flattened (frames × rows × columns).</summary>
    private Dictionary<ushort, byte[]> WriteWithPydicom(bool implicitVR)
    {
        const string script = """
            import sys, json, base64, numpy as np, pydicom
            from pydicom.dataset import Dataset, FileMetaDataset
            from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid
            from pydicom.pixel_data_handlers.numpy_handler import pack_bits
            req = json.loads(sys.stdin.read())
            rng = np.random.default_rng(7)
            ds = Dataset()
            ds.file_meta = FileMetaDataset()
            ds.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian if req["implicit"] else ExplicitVRLittleEndian
            ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
            ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
            ds.SOPClassUID, ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPClassUID, ds.file_meta.MediaStorageSOPInstanceUID
            ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
            ds.Rows, ds.Columns, ds.NumberOfFrames = 20, 30, 4
            ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
            ds.PixelData = bytes(20 * 30 * 4)
            def overlay(group, rows, cols, origin, frames=None, frame_origin=None, kind="G"):
                shape = (frames or 1, rows, cols)
                bits = (rng.random(shape) < 0.4).astype(np.uint8)
                ds.add_new((group << 16) | 0x0010, "US", rows)
                ds.add_new((group << 16) | 0x0011, "US", cols)
                ds.add_new((group << 16) | 0x0040, "CS", kind)
                ds.add_new((group << 16) | 0x0050, "SS", origin)
                ds.add_new((group << 16) | 0x0100, "US", 1)
                ds.add_new((group << 16) | 0x0102, "US", 0)
                if frames is not None: ds.add_new((group << 16) | 0x0015, "IS", frames)
                if frame_origin is not None: ds.add_new((group << 16) | 0x0051, "US", frame_origin)
                ds.add_new((group << 16) | 0x3000, "OW", pack_bits(bits.ravel()))
            overlay(0x6000, 20, 30, [1, 1])
            overlay(0x6002, 7, 13, [-2, 25], kind="R")
            overlay(0x601E, 5, 9, [3, 4], frames=3, frame_origin=2)
            ds.is_little_endian, ds.is_implicit_VR = True, req["implicit"]
            ds.save_as(req["path"], write_like_original=False)
            back = pydicom.dcmread(req["path"])
            out = {str(g): base64.b64encode(back.overlay_array(g).astype(np.uint8).tobytes()).decode() for g in (0x6000, 0x6002, 0x601E)}
            sys.stdout.write(json.dumps(out))
            """;
        var json = PydicomOracle.Run(PydicomOracle.Python, ["-c", script], JsonSerializer.Serialize(new { path = Path.Combine(_folder, "overlays.dcm"), @implicit = implicitVR }));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => ushort.Parse(p.Name), p => Convert.FromBase64String(p.Value.GetString()!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GetFrameBits_PydicomWrittenOverlays_EqualOverlayArray(bool implicitVR)
    {
        var expected = WriteWithPydicom(implicitVR);
        var planes = OverlayPlane.FromDataset(DicomFile.Open(Path.Combine(_folder, "overlays.dcm")).Dataset);
        Assert.Equal(new ushort[] { 0x6000, 0x6002, 0x601E }, planes.Select(p => p.Group));
        foreach (var plane in planes)
        {
            var ours = Enumerable.Range(0, plane.NumberOfFrames).SelectMany(plane.GetFrameBits).ToArray();
            Assert.Equal(expected[plane.Group], ours);
        }
        var roi = planes[1];
        Assert.Equal((7, 13, -2, 25, "R", 1, false), (roi.Rows, roi.Columns, roi.OriginRow, roi.OriginColumn, roi.Type, roi.NumberOfFrames, roi.IsMultiFrame));
        var multi = planes[2];
        Assert.Equal((3, 2, true), (multi.NumberOfFrames, multi.ImageFrameOrigin, multi.IsMultiFrame));
    }

    [Fact]
    public void OverlayFrameFor_MultiFrameOverlay_CoversFramesFromImageFrameOrigin()
    {
        WriteWithPydicom(implicitVR: false);
        var planes = OverlayPlane.FromDataset(DicomFile.Open(Path.Combine(_folder, "overlays.dcm")).Dataset);
        Assert.Equal(new[] { -1, 0, 1, 2 }, Enumerable.Range(0, 4).Select(planes[2].OverlayFrameFor));
        Assert.Equal(new[] { 0, 0, 0, 0 }, Enumerable.Range(0, 4).Select(planes[0].OverlayFrameFor));
    }

    [Fact]
    public void BurnInto_OriginOffCorner_SetsOnlyPixelsInsideImage()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomTag(0x6000, 0x0010), (ushort)2);
        ds.AddOrUpdate(new DicomTag(0x6000, 0x0011), (ushort)3);
        ds.AddOrUpdate(DicomVR.SS, new DicomTag(0x6000, 0x0050), (short)0, (short)3); // row 0 is above the image
        ds.AddOrUpdate(new DicomTag(0x6000, 0x0100), (ushort)1);
        // Bits, LSB first: row 0 = 1 1 1, row 1 = 1 0 1 → 0b101_111 = 0x2F.
        ds.AddOrUpdate(DicomVR.OB, new DicomTag(0x6000, 0x3000), new byte[] { 0x2F, 0x00 });
        var plane = OverlayPlane.FromDataset(ds, 0x6000)!;
        Assert.Equal(new byte[] { 1, 1, 1, 1, 0, 1 }, plane.GetFrameBits());

        var pixels = new byte[3 * 4 * 3]; // 3 rows × 4 columns RGB
        plane.BurnInto(pixels, 3, 4, 3, imageFrameIndex: 0, value: 200);
        // Overlay row 1 lands on image row 0, columns 2..4 (4 is outside): bits 1 0 → (0,2) set, (0,3) not.
        var set = Enumerable.Range(0, 12).Where(i => pixels[i * 3] == 200).ToArray();
        Assert.Equal(new[] { 2 }, set);
        Assert.Equal(new byte[] { 200, 200, 200 }, pixels[6..9]);
    }

    [Fact]
    public void FromDataset_OverlayDataTooShort_ThrowsNamingGroup()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomTag(0x6004, 0x0010), (ushort)10);
        ds.AddOrUpdate(new DicomTag(0x6004, 0x0011), (ushort)10);
        ds.AddOrUpdate(DicomVR.OB, new DicomTag(0x6004, 0x3000), new byte[] { 0xFF, 0xFF });
        var ex = Assert.Throws<DicomException>(() => OverlayPlane.FromDataset(ds));
        Assert.Contains("overlay 6004", ex.Message);
    }

    [Fact]
    public void FromDataset_NoOverlays_Empty() => Assert.Empty(OverlayPlane.FromDataset(new DicomDataset()));
}
