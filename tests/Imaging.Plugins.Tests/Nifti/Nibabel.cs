using System.Text.Json;
using Imaging.Plugins.Tests.Fixtures;

namespace Imaging.Plugins.Tests.Nifti;

/// <summary>nibabel 5.0 (Debian python3-nibabel, in /usr/bin/python3) as the independent NIfTI reader and writer.</summary>
internal static class Nibabel
{
    /// <summary>Loads a NIfTI file: its best affine (RAS), qform, sform and codes, dtype and data (Fortran order, i fastest, scaled).</summary>
    public const string ReadScript = """
        import sys, json, nibabel as nib, numpy as np
        img = nib.load(sys.argv[1])
        h = img.header
        q, qc = h.get_qform(coded=True)
        s, sc = h.get_sform(coded=True)
        print(json.dumps({
            "affine": img.affine.tolist(),
            "qform": None if q is None else q.tolist(), "qcode": int(qc),
            "sform": None if s is None else s.tolist(), "scode": int(sc),
            "qfac": float(h["pixdim"][0]),
            "xyzt_units": int(h["xyzt_units"]),
            "dtype": str(img.get_data_dtype()),
            "shape": list(img.shape),
            "sizeof_hdr": int(h["sizeof_hdr"]),
            "data": np.asarray(img.get_fdata(), dtype=np.float64).ravel(order="F").tolist(),
        }))
        """;

    public static Task<JsonElement> ReadAsync(string path) => Pydicom.RunJsonAsync(ReadScript, path);

    public static double[,] Matrix(JsonElement rows)
    {
        var m = new double[4, 4];
        int r = 0;
        foreach (var row in rows.EnumerateArray())
        {
            int c = 0;
            foreach (var v in row.EnumerateArray()) m[r, c++] = v.GetDouble();
            r++;
        }
        return m;
    }

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
