using System.Globalization;
using Imaging.Dicom.Imaging.Tests.Codecs;

namespace Imaging.Dicom.Imaging.Tests.Pixels;

/// <summary>
/// pydicom 2.3's view of every file under its test_files folder, computed once in ONE python process: whether the
/// file has native or RLE pixel data, its <c>pixel_array</c> (dtype, shape, little endian bytes) or the error pydicom
/// raised, and for YBR and PALETTE COLOR files the RGB that <c>convert_color_space</c> / <c>apply_color_lut</c> give.
/// </summary>
public static class PixelArrayOracle
{
    private const string Script = """
        import sys, os, glob, warnings
        warnings.simplefilter('ignore')
        import numpy as np, pydicom
        from pydicom.pixel_data_handlers.util import convert_color_space, apply_color_lut
        root, out = sys.argv[1], sys.argv[2]
        native = {'1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2', '1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.5'}
        def clean(s): return ' '.join(str(s).split())[:300]
        def save(a, name):
            a = np.ascontiguousarray(a.astype(a.dtype.newbyteorder('<')))
            a.tofile(os.path.join(out, name))
            return a.dtype.name + '\t' + 'x'.join(str(d) for d in a.shape)
        rows = []
        files = sorted(p for p in glob.glob(os.path.join(root, '**', '*'), recursive=True) if os.path.isfile(p))
        for n, p in enumerate(files):
            rel = os.path.relpath(p, root)
            try:
                ds = pydicom.dcmread(p, force=True)
                ts = getattr(getattr(ds, 'file_meta', None), 'TransferSyntaxUID', None)
                has = any(k in ds for k in ('PixelData', 'FloatPixelData', 'DoubleFloatPixelData'))
            except Exception as e:
                rows.append(f'{rel}\tna\tunreadable: {clean(e)}'); continue
            if not has: rows.append(f'{rel}\tna\tno pixel data'); continue
            if ts not in native: rows.append(f'{rel}\tna\ttransfer syntax {ts}'); continue
            try:
                a = ds.pixel_array
            except Exception as e:
                rows.append(f'{rel}\tfail\t{type(e).__name__}: {clean(e)}'); continue
            row = f'{rel}\tok\t{save(a, str(n) + ".px")}\t{n}.px'
            pi = str(ds.get('PhotometricInterpretation', '')).strip()
            try:
                if pi in ('YBR_FULL', 'YBR_FULL_422'):
                    row += f'\t{save(convert_color_space(a, "YBR_FULL", "RGB", per_frame=True), str(n) + ".rgb")}\t{n}.rgb'
                elif pi == 'PALETTE COLOR':
                    row += f'\t{save(apply_color_lut(a, ds), str(n) + ".rgb")}\t{n}.rgb'
            except Exception as e:
                row += f'\tfail\t{type(e).__name__}: {clean(e)}'
            rows.append(row)
        with open(os.path.join(out, 'index.tsv'), 'w') as f: f.write('\n'.join(rows) + '\n')
        """;

    private static readonly Lazy<IReadOnlyDictionary<string, Entry>> Entries = new(Compute);

    /// <summary>pydicom's verdict on one file.</summary>
    /// <param name="Status">"na" (not native/RLE pixel data), "fail" (pixel_array raised) or "ok".</param>
    /// <param name="Detail">Why "na" or the error of "fail".</param>
    /// <param name="DType">numpy dtype name of pixel_array.</param>
    /// <param name="Shape">pixel_array's shape.</param>
    /// <param name="DataPath">Its bytes, little endian, C order.</param>
    /// <param name="Rgb">The RGB conversion (YBR / palette files), when there is one.</param>
    public sealed record Entry(string Status, string Detail, string? DType, int[]? Shape, string? DataPath, Entry? Rgb);

    /// <summary>Every file under pydicom's test_files, relative to it, as the oracle classified them.</summary>
    public static IReadOnlyDictionary<string, Entry> All => Entries.Value;

    /// <summary>pydicom's RGB for one file: <c>apply_color_lut</c> for PALETTE COLOR, else <c>convert_color_space</c> from YBR_FULL.</summary>
    /// <returns>The numpy dtype name and the little endian bytes.</returns>
    public static (string DType, byte[] Bytes) Rgb(string path)
    {
        const string script = """
            import sys, base64, warnings
            warnings.simplefilter('ignore')
            import pydicom
            from pydicom.pixel_data_handlers.util import convert_color_space, apply_color_lut
            ds = pydicom.dcmread(sys.argv[1])
            a = ds.pixel_array
            r = apply_color_lut(a, ds) if ds.PhotometricInterpretation == 'PALETTE COLOR' else convert_color_space(a, 'YBR_FULL', 'RGB')
            r = r.astype(r.dtype.newbyteorder('<'))
            sys.stdout.write(r.dtype.name + ' ' + base64.b64encode(r.tobytes()).decode())
            """;
        var output = PydicomOracle.Run(PydicomOracle.Python, ["-c", script, path]).Split(' ');
        return (output[0], Convert.FromBase64String(output[1]));
    }

    private static IReadOnlyDictionary<string, Entry> Compute()
    {
        var folder = Directory.CreateTempSubdirectory("pixel-oracle-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        PydicomOracle.Run(PydicomOracle.Python, ["-c", Script, PydicomOracle.TestFilesFolder, folder]);
        var result = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(folder, "index.tsv")).Where(l => l.Length > 0))
        {
            var f = line.Split('\t');
            result[f[0]] = f[1] switch
            {
                "ok" => new Entry("ok", "", f[2], Shape(f[3]), Path.Combine(folder, f[4]), f.Length < 6 ? null
                    : f[5] == "fail" ? new Entry("fail", f[6], null, null, null, null)
                    : new Entry("ok", "", f[5], Shape(f[6]), Path.Combine(folder, f[7]), null)),
                var status => new Entry(status, f[2], null, null, null, null),
            };
        }
        return result;
    }

    private static int[] Shape(string text) => [.. text.Split('x').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
