using System.Text.Json;
using Imaging.Dicom.Imaging.Tests.Codecs;

namespace Imaging.Dicom.Imaging.Tests.Lut;

/// <summary>
/// pydicom 2.3's <c>apply_modality_lut</c> and <c>apply_voi_lut</c> as the oracle for the LUT tests, and a writer of
/// small files with Modality LUT Sequence, VOI LUT Sequence and multiple windows (Debian's pydicom ships no test file
/// with those sequences, so pydicom writes them and then computes on them).
/// </summary>
internal static class LutOracle
{
    /// <summary>pydicom's results for one file: the stored values it applied the LUTs to, modality values, VOI values.</summary>
    public sealed record Result(double[] Stored, double[] Modality, double[] Voi);

    /// <summary>
    /// Runs apply_modality_lut then apply_voi_lut(index, prefer_lut) on the pixel_array of <paramref name="path"/>
    /// (frame 0 when multi-frame).
    /// </summary>
    public static Result Apply(string path, int index = 0, bool preferLut = true)
    {
        const string script = """
            import sys, json, base64, warnings, numpy as np, pydicom
            from pydicom.pixel_data_handlers.util import apply_modality_lut, apply_voi_lut
            warnings.filterwarnings("ignore")
            req = json.loads(sys.stdin.read())
            ds = pydicom.dcmread(req["path"])
            arr = ds.pixel_array
            if getattr(ds, "NumberOfFrames", 1) not in (None, 1, "1") and arr.ndim > 2: arr = arr[0]
            m = apply_modality_lut(arr, ds)
            v = apply_voi_lut(m, ds, index=req["index"], prefer_lut=req["prefer"])
            enc = lambda a: base64.b64encode(np.ascontiguousarray(a, dtype="<f8").tobytes()).decode()
            sys.stdout.write(json.dumps({"stored": enc(arr), "modality": enc(m), "voi": enc(v)}))
            """;
        var json = PydicomOracle.Run(PydicomOracle.Python, ["-c", script], JsonSerializer.Serialize(new { path, index, prefer = preferLut }));
        using var doc = JsonDocument.Parse(json);
        double[] Read(string name) => ToDoubles(Convert.FromBase64String(doc.RootElement.GetProperty(name).GetString()!));
        return new Result(Read("stored"), Read("modality"), Read("voi"));
    }

    /// <summary>
    /// Writes the synthetic LUT files into <paramref name="folder"/> with pydicom, in explicit or implicit VR little endian:
    /// <list type="bullet">
    /// <item>mlut.dcm: int16, 1 × 700, Modality LUT Sequence (3000 entries from −100, 16 bits, US data) and a window over its output.</item>
    /// <item>voilut.dcm: 12-bit unsigned, 1 × 820, VOI LUT Sequence of two items (2048 entries from 500, 12 bits, OW; 256 entries from 0, 8 bits, US) and two LINEAR_EXACT windows.</item>
    /// <item>sigmoid.dcm: int16 rescaled by 0.5 and −1024, three SIGMOID windows.</item>
    /// <item>linear.dcm: uint16, no rescale, two LINEAR windows.</item>
    /// </list>
    /// </summary>
    public static void WriteSyntheticFiles(string folder, bool implicitVR)
    {
        const string script = """
            import sys, json, numpy as np, pydicom
            from pydicom.dataset import Dataset, FileMetaDataset
            from pydicom.sequence import Sequence
            from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid
            req = json.loads(sys.stdin.read())
            folder, implicit = req["folder"], req["implicit"]
            def base(arr, signed, bits):
                ds = Dataset()
                ds.file_meta = FileMetaDataset()
                ds.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian if implicit else ExplicitVRLittleEndian
                ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
                ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
                ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID
                ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
                ds.Modality = "OT"
                ds.SamplesPerPixel = 1
                ds.PhotometricInterpretation = "MONOCHROME2"
                ds.Rows, ds.Columns = 1, arr.size
                ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, bits, bits - 1
                ds.PixelRepresentation = 1 if signed else 0
                ds.PixelData = arr.astype("<i2" if signed else "<u2").tobytes()
                ds.is_little_endian, ds.is_implicit_VR = True, implicit
                return ds
            def lut_item(first, bits, data, vr, signed):
                item = Dataset()
                n = len(data)
                item.add_new(0x00283002, "SS" if signed else "US", [n if n < 65536 else 0, first, bits])
                if vr == "OW": item.add_new(0x00283006, "OW", np.asarray(data, dtype="<u2").tobytes())
                else: item.add_new(0x00283006, "US", [int(x) for x in data])
                return item
            # Modality LUT Sequence on signed input.
            arr = np.arange(-300, 3200, 5)
            ds = base(arr, True, 16)
            ds.ModalityLUTSequence = Sequence([lut_item(-100, 16, [(i * 7 + 13) % 65536 for i in range(3000)], "US", True)])
            ds.ModalityLUTSequence[0].ModalityLUTType = "US"
            ds.WindowCenter, ds.WindowWidth = 10000, 20000
            ds.save_as(folder + "/mlut.dcm", write_like_original=False)
            # VOI LUT Sequence, two items, and windows.
            arr = np.arange(0, 4096, 5)
            ds = base(arr, False, 12)
            ds.VOILUTSequence = Sequence([
                lut_item(500, 12, [(i * 3) % 4096 for i in range(2048)], "OW", False),
                lut_item(0, 8, [i % 256 for i in range(256)], "US", False)])
            ds.WindowCenter, ds.WindowWidth = [2048, 1000], [4096, 500]
            ds.VOILUTFunction = "LINEAR_EXACT"
            ds.save_as(folder + "/voilut.dcm", write_like_original=False)
            # SIGMOID windows on rescaled signed input.
            arr = np.arange(-2048, 2048, 3)
            ds = base(arr, True, 12)
            ds.RescaleSlope, ds.RescaleIntercept = "0.5", "-1024"
            ds.WindowCenter, ds.WindowWidth = ["-1024", "-900.5", "0"], ["300", "77.25", "1"]
            ds.VOILUTFunction = "SIGMOID"
            ds.save_as(folder + "/sigmoid.dcm", write_like_original=False)
            # LINEAR windows, unsigned, no rescale.
            arr = np.arange(0, 65536, 97)
            ds = base(arr, False, 16)
            ds.WindowCenter, ds.WindowWidth = ["32768", "100.5"], ["65536", "1"]
            ds.save_as(folder + "/linear.dcm", write_like_original=False)
            """;
        PydicomOracle.Run(PydicomOracle.Python, ["-c", script], JsonSerializer.Serialize(new { folder, @implicit = implicitVR }));
    }

    private static double[] ToDoubles(byte[] bytes)
    {
        var values = new double[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * 8);
        return values;
    }
}
