using System.Runtime.InteropServices;

namespace Imaging.Fuzz;

/// <summary>
/// Edge coverage for the built-in mutation engine, read from the map that SharpFuzz's instrumentation writes
/// (<c>SharpFuzz.Common.Trace.SharedMem</c>, 64 KiB, AFL's layout). When Imaging.Dicom.dll is not instrumented the
/// map stays empty and the engine runs blind (pure mutation), which it reports.
/// Hit counts are bucketed as AFL does (1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+), so loops that run more often count as new.
/// </summary>
internal sealed unsafe class CoverageMap : IDisposable
{
    public const int Size = 1 << 16;
    private readonly byte* _map;
    private readonly bool _owned;
    private readonly byte[] _seen = new byte[Size];

    public CoverageMap()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(Size);
            _owned = true;
        }
        _map = SharpFuzz.Common.Trace.SharedMem;
    }

    /// <summary>The number of (edge, hit-count bucket) pairs seen so far.</summary>
    public int Seen { get; private set; }

    /// <summary>Clears the map before a run.</summary>
    public void Reset()
    {
        new Span<byte>(_map, Size).Clear();
        SharpFuzz.Common.Trace.PrevLocation = 0;
    }

    /// <summary>Merges the last run's map into what was seen; true when it reached a new edge or hit-count bucket.</summary>
    public bool Merge()
    {
        var map = new ReadOnlySpan<byte>(_map, Size);
        bool fresh = false;
        for (int i = 0; i < Size; i++)
        {
            byte hits = map[i];
            if (hits == 0) continue;
            byte bucket = Bucket(hits);
            if ((_seen[i] & bucket) != 0) continue;
            _seen[i] |= bucket;
            Seen++;
            fresh = true;
        }
        return fresh;
    }

    private static byte Bucket(byte hits) => hits switch
    {
        1 => 1,
        2 => 2,
        3 => 4,
        <= 7 => 8,
        <= 15 => 16,
        <= 31 => 32,
        <= 127 => 64,
        _ => 128,
    };

    public void Dispose()
    {
        if (!_owned) return;
        SharpFuzz.Common.Trace.SharedMem = null;
        NativeMemory.Free(_map);
    }
}
