using System.Text.Json;
using Imaging.Dicom.Imaging.Tests.Codecs;

namespace Imaging.Dicom.Imaging.Tests.Rendering;

/// <summary>
/// An independent PNG reader in /usr/bin/python3 (struct + zlib, no PIL on this machine): checks the signature, that
/// the chunks are IHDR, IDAT…, IEND with correct CRC-32s (zlib.crc32), decompresses, undoes the five filter types of
/// PNG §9, and returns the pixels.
/// </summary>
internal static class PngOracle
{
    public sealed record Decoded(int Width, int Height, int BitDepth, int ColorType, string[] Chunks, byte[] Samples);

    public static Decoded Decode(string path)
    {
        const string script = """
            import sys, json, struct, zlib, base64
            data = open(sys.stdin.read().strip(), "rb").read()
            assert data[:8] == b"\x89PNG\r\n\x1a\n", "bad signature"
            pos, chunks, idat = 8, [], b""
            while pos < len(data):
                (length,) = struct.unpack(">I", data[pos:pos + 4]); kind = data[pos + 4:pos + 8]
                body = data[pos + 8:pos + 8 + length]; (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
                assert zlib.crc32(kind + body) & 0xffffffff == crc, "bad CRC in " + kind.decode()
                chunks.append(kind.decode())
                if kind == b"IHDR": w, h, depth, ctype, comp, filt, inter = struct.unpack(">IIBBBBB", body)
                if kind == b"IDAT": idat += body
                pos += 12 + length
            assert chunks[0] == "IHDR" and chunks[-1] == "IEND" and pos == len(data), "chunk order or trailing bytes"
            assert (comp, filt, inter) == (0, 0, 0)
            bpp = {0: 1, 2: 3}[ctype] * depth // 8
            stride = w * bpp
            raw = zlib.decompress(idat)
            assert len(raw) == h * (stride + 1), "decompressed length"
            out, prior = bytearray(), bytearray(stride)
            for y in range(h):
                f = raw[y * (stride + 1)]; row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
                for i in range(stride):
                    a = row[i - bpp] if i >= bpp else 0; b = prior[i]; c = prior[i - bpp] if i >= bpp else 0
                    if f == 0: p = 0
                    elif f == 1: p = a
                    elif f == 2: p = b
                    elif f == 3: p = (a + b) // 2
                    elif f == 4:
                        pp = a + b - c; pa, pb, pc = abs(pp - a), abs(pp - b), abs(pp - c)
                        p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                    else: raise AssertionError("filter type %d" % f)
                    row[i] = (row[i] + p) & 0xff
                out += row; prior = row
            sys.stdout.write(json.dumps({"w": w, "h": h, "depth": depth, "ctype": ctype, "chunks": chunks, "samples": base64.b64encode(bytes(out)).decode()}))
            """;
        using var doc = JsonDocument.Parse(PydicomOracle.Run(PydicomOracle.Python, ["-c", script], path));
        var r = doc.RootElement;
        return new Decoded(r.GetProperty("w").GetInt32(), r.GetProperty("h").GetInt32(), r.GetProperty("depth").GetInt32(), r.GetProperty("ctype").GetInt32(),
            [.. r.GetProperty("chunks").EnumerateArray().Select(c => c.GetString()!)], Convert.FromBase64String(r.GetProperty("samples").GetString()!));
    }
}
