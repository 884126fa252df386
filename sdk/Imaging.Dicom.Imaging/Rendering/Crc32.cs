namespace Imaging.Dicom.Imaging.Rendering;

/// <summary>
/// CRC-32 as PNG uses it (ISO/IEC 15948 §5.5, Annex D: ISO 3309 / ITU-T V.42 polynomial 0xEDB88320, reflected, initial
/// and final XOR 0xFFFFFFFF). Our own table because System.IO.Hashing is a NuGet package, not part of the BCL.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Start, data));

    /// <summary>The running value before any byte.</summary>
    public const uint Start = 0xFFFFFFFFu;

    /// <summary>Feeds bytes into a running value.</summary>
    public static uint Update(uint running, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (byte b in data) running = table[(running ^ b) & 0xFF] ^ (running >> 8);
        return running;
    }

    /// <summary>The CRC of a running value.</summary>
    public static uint Finish(uint running) => running ^ 0xFFFFFFFFu;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
