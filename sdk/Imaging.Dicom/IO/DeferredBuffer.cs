using System.Buffers.Binary;

namespace Imaging.Dicom.IO;

/// <summary>A value left in its source until first touched (pydicom's deferred read; PS3.10 files can exceed memory).</summary>
internal sealed class DeferredBuffer(ValueSource source, long offset, long length, int swapUnit) : DicomBuffer
{
    // An array, not a ReadOnlyMemory<byte>?: a reference is published atomically, so a thread reading while another loads never sees a torn value.
    private byte[]? _loaded;

    public long Offset => offset;
    public override long Length => length;
    public override bool IsLoaded => _loaded is not null;

    public override ReadOnlyMemory<byte> Memory
    {
        get
        {
            if (Volatile.Read(ref _loaded) is { } m) return m;
            if (length > Array.MaxLength)
                throw new DicomException($"the value at offset {offset} is {length} bytes, too large for one array; read it with OpenRead().");
            var bytes = new byte[length];
            source.Read(offset, bytes);
            Swap(bytes, swapUnit);
            Volatile.Write(ref _loaded, bytes);
            return bytes;
        }
    }

    public override Stream OpenRead()
    {
        if (Volatile.Read(ref _loaded) is { } m) return new MemoryStream(m, writable: false);
        if (swapUnit > 1) return new MemoryStream(Memory.ToArray(), writable: false);
        return source.OpenRange(offset, length);
    }

    /// <summary>Reverses the byte order of each unit (big endian → little endian), PS3.5 §7.3.</summary>
    internal static void Swap(Span<byte> bytes, int unit)
    {
        switch (unit)
        {
            case 2:
                var s16 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(bytes[..(bytes.Length & ~1)]);
                BinaryPrimitives.ReverseEndianness(s16, s16);
                break;
            case 4:
                var s32 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bytes[..(bytes.Length & ~3)]);
                BinaryPrimitives.ReverseEndianness(s32, s32);
                break;
            case 8:
                var s64 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes[..(bytes.Length & ~7)]);
                BinaryPrimitives.ReverseEndianness(s64, s64);
                break;
        }
    }
}
