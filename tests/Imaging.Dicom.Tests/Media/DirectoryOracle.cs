using System.Diagnostics;
using System.Text.Json;
using Imaging.Dicom.Media;
using Imaging.Dicom.Tests.Oracles;

namespace Imaging.Dicom.Tests.Media;

/// <summary>One directory record flattened for comparison: depth in the hierarchy, type, offset, file ID, SOP instance.</summary>
internal sealed record FlatRecord(int Depth, string Type, long? Offset, string? FileId, string? SopInstance)
{
    /// <summary>The same record without its offset (files written differently place records elsewhere).</summary>
    public FlatRecord WithoutOffset() => this with { Offset = null };
}

/// <summary>Oracles for DICOMDIR tests: pydicom's FileSet record tree, dciodvfy and dcmdump; and the DICOMDIR test files.</summary>
internal static class DirectoryOracle
{
    public static readonly string DicomdirTests = Path.Combine(PythonOracle.PydicomData, "test_files", "dicomdirtests");
    public static readonly string Dicomdir = Path.Combine(DicomdirTests, "DICOMDIR");

    private const string TreeScript = """
        import sys, json, warnings
        warnings.simplefilter('ignore')
        from pydicom import dcmread
        from pydicom.fileset import FileSet
        from pydicom.multival import MultiValue
        fs = FileSet(dcmread(sys.stdin.read().strip()))
        out = []
        def walk(node, depth):
            for c in node.children:
                r = c._record
                fid = None
                if 'ReferencedFileID' in r:
                    v = r.ReferencedFileID
                    fid = '\\'.join(v) if isinstance(v, MultiValue) else str(v)
                sop = r.get('ReferencedSOPInstanceUIDInFile')
                out.append({'depth': depth, 'type': c.record_type, 'offset': getattr(r, 'seq_item_tell', None),
                            'fileId': fid, 'sop': str(sop) if sop else None})
                walk(c, depth + 1)
        walk(fs._tree, 0)
        print(json.dumps(out))
        """;

    /// <summary>The record tree pydicom's <c>FileSet</c> builds for a DICOMDIR, depth first.</summary>
    public static List<FlatRecord> PydicomTree(string dicomdirPath)
    {
        var json = PythonOracle.RunJson(TreeScript, dicomdirPath);
        return [.. json.EnumerateArray().Select(e => new FlatRecord(
            e.GetProperty("depth").GetInt32(),
            e.GetProperty("type").GetString()!,
            e.GetProperty("offset").ValueKind == JsonValueKind.Number ? e.GetProperty("offset").GetInt64() : null,
            e.GetProperty("fileId").GetString(),
            e.GetProperty("sop").GetString()))];
    }

    /// <summary>Our record tree, flattened the same way.</summary>
    public static List<FlatRecord> Flatten(DicomDirectory dir)
    {
        var list = new List<FlatRecord>();
        void Walk(IReadOnlyList<DicomDirectoryRecord> level, int depth)
        {
            foreach (var r in level)
            {
                list.Add(new FlatRecord(depth, r.RecordType, r.Offset,
                    r.ReferencedFileId is { } id ? string.Join('\\', id) : null, r.ReferencedSopInstanceUid));
                Walk(r.Children, depth + 1);
            }
        }
        Walk(dir.RootRecords, 0);
        return list;
    }

    /// <summary>Runs a dicom3tools or dcmtk program; returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Tool(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} timed out");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>A copy of the DICOMDIR's bytes with the UL value of the element <paramref name="tag"/> that starts at or after <paramref name="from"/> replaced.</summary>
    public static byte[] PatchOffset(byte[] bytes, DicomTag tag, int from, uint value)
    {
        ReadOnlySpan<byte> header = [(byte)tag.Group, (byte)(tag.Group >> 8), (byte)tag.Element, (byte)(tag.Element >> 8), (byte)'U', (byte)'L', 4, 0];
        int at = bytes.AsSpan(from).IndexOf(header);
        Assert.True(at >= 0, $"no {tag} UL header after offset {from}");
        var copy = (byte[])bytes.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(from + at + 8, 4), value);
        return copy;
    }
}
