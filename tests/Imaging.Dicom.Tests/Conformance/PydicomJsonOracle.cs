using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Imaging.Dicom.Tests.Oracles;

namespace Imaging.Dicom.Tests.Conformance;

/// <summary>
/// What pydicom makes of every test file: <c>dcmread(path, force=True)</c> then the DICOM JSON Model of each top-level
/// element (<c>DataElement.to_json_dict</c> with a bulk data threshold that keeps every value inline). pydicom runs once
/// for all files; its answer is cached in the temp folder under a key made of the pydicom version, this script and the
/// files' names, sizes and times, so later runs (and every test) reuse it.
/// </summary>
/// <remarks>
/// Elements are converted one by one (as <c>Dataset.to_json_dict</c> does) so that one element pydicom cannot convert
/// (e.g. IS "1A") is recorded as that element's error instead of hiding the whole file. NaN and infinite floats, which
/// JSON has no numbers for, are recorded as <c>{"__float__": "nan"}</c>.
/// </remarks>
public sealed class PydicomJsonOracle
{
    private const string Script = """
        import sys, json, os, math, warnings, logging
        import pydicom
        from pydicom import dcmread
        logging.disable(logging.CRITICAL)
        warnings.simplefilter("ignore")
        def enc(o):
            if isinstance(o, float) and (math.isnan(o) or math.isinf(o)):
                return {"__float__": repr(o)}
            if isinstance(o, dict):
                return {k: enc(v) for k, v in o.items()}
            if isinstance(o, list):
                return [enc(v) for v in o]
            return o
        def private_dictionary():
            from pydicom.datadict import private_dictionaries
            lines, seen = [], set()
            for creator in sorted(private_dictionaries):
                entries = private_dictionaries[creator]
                for key in sorted(entries, key=lambda k: "xx" not in k[4:6]):
                    if "xx" in key[:4] or "xx" in key[6:] or int(key[:4], 16) % 2 == 0 or int(key[:4], 16) <= 7:
                        continue
                    tag = "(%s,xx%s)" % (key[:4], key[6:])
                    if (creator, tag) in seen:
                        continue
                    seen.add((creator, tag))
                    vr, vm, name = entries[key][0].replace("_", " or "), entries[key][1], entries[key][2]
                    lines.append("\t".join([tag, vr, vm, "", name.replace("\t", " "), creator]))
            return "\n".join(lines)
        out = {"pydicom": pydicom.__version__, "privateDictionary": private_dictionary(), "files": {}}
        for rel in sys.stdin.read().splitlines():
            try:
                ds = dcmread(os.path.join(ROOT, rel), force=True)
                elements, errors = {}, {}
                for key in ds.keys():
                    k = "%08X" % key
                    try:
                        elements[k] = enc(ds[key].to_json_dict(None, 10**15))
                    except Exception as ex:
                        errors[k] = type(ex).__name__ + ": " + str(ex)[:200]
                out["files"][rel] = {"ok": True, "littleEndian": ds.is_little_endian is not False, "json": elements, "errors": errors}
            except Exception as ex:
                out["files"][rel] = {"ok": False, "error": type(ex).__name__ + ": " + str(ex)[:300]}
        json.dump(out, sys.stdout, allow_nan=False)
        """;

    private readonly Dictionary<string, JsonElement> _files;

    /// <summary>Runs pydicom over <see cref="TestFiles.AllPydicomFiles"/>, or loads the cached answer.</summary>
    public PydicomJsonOracle()
    {
        var files = TestFiles.AllPydicomFiles();
        var script = $"ROOT = {JsonSerializer.Serialize(TestFiles.PydicomData)}\n" + Script;
        PydicomVersion = PythonOracle.Run("import pydicom; print(pydicom.__version__)").Trim();
        var cache = Path.Combine(Path.GetTempPath(), "imaging-tests", $"pydicom-{PydicomVersion}-json-{Key(script, files)}.json");
        string json;
        if (File.Exists(cache)) json = File.ReadAllText(cache);
        else
        {
            json = PythonOracle.Run(script, string.Join('\n', files), TimeSpan.FromMinutes(5));
            Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
            var temp = cache + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temp, json);
            File.Move(temp, cache, overwrite: true); // atomic: parallel test runs never see half a file
        }
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        _files = doc.RootElement.GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

        // pydicom resolves private elements through its own private dictionary; reading with the same entries makes the
        // comparison about the readers, not about which dictionary data each side ships (we ship no private dictionary).
        var privatePath = Path.ChangeExtension(cache, ".private.txt");
        if (!File.Exists(privatePath))
        {
            var temp = privatePath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temp, doc.RootElement.GetProperty("privateDictionary").GetString());
            File.Move(temp, privatePath, overwrite: true);
        }
        Dictionary = DicomDictionary.LoadPrivate(privatePath);
    }

    /// <summary>The standard dictionary with pydicom's private dictionary layered on it.</summary>
    public DicomDictionary Dictionary { get; }

    /// <summary>The pydicom version that answered, e.g. "2.3.1".</summary>
    public string PydicomVersion { get; }

    /// <summary>pydicom's answer for a file (path relative to <see cref="TestFiles.PydicomData"/>).</summary>
    public Result this[string relativePath]
    {
        get
        {
            var r = _files[relativePath];
            return r.GetProperty("ok").GetBoolean()
                ? new Result(r.GetProperty("json"), r.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!), null,
                    !r.GetProperty("littleEndian").GetBoolean())
                : new Result(null, new Dictionary<string, string>(), r.GetProperty("error").GetString(), false);
        }
    }

    private static string Key(string script, IReadOnlyList<string> files)
    {
        var text = new StringBuilder(script);
        foreach (var f in files)
        {
            var info = new FileInfo(Path.Combine(TestFiles.PydicomData, f));
            text.Append('\n').Append(f).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>pydicom's answer for one file.</summary>
    /// <param name="Json">The data set's DICOM JSON (elements pydicom could not convert left out), or null when dcmread failed.</param>
    /// <param name="ElementErrors">Per element key, the exception pydicom raised converting it.</param>
    /// <param name="Error">The exception dcmread raised, or null.</param>
    /// <param name="BigEndian">True when pydicom read the data set as big endian.</param>
    public sealed record Result(JsonElement? Json, IReadOnlyDictionary<string, string> ElementErrors, string? Error, bool BigEndian);
}
