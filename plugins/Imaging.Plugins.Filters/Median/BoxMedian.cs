using System.Runtime.CompilerServices;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Volumes;

namespace Imaging.Plugins.Filters.Median;

/// <summary>
/// The median over a box of (2rᵢ+1)×(2rⱼ+1)×(2rₖ+1) samples centred on each sample, coordinates clamped at the edges
/// (edge samples repeat: scipy.ndimage.median_filter(v, size, mode='nearest')). The box always holds an odd number of
/// samples, so the median is one of them. Integer data spanning at most 65,536 values uses a sliding histogram along i
/// (Huang's algorithm, with a two-level histogram: 256 coarse bins of 256): moving one sample along a line removes one
/// face of the box and adds the next, and the median is found by scanning ≤ 256 + 256 bins. Other data gathers each box
/// and selects the middle element (quickselect). Lines run in parallel.
/// </summary>
internal static class BoxMedian
{
    private const int HistogramSize = 1 << 16;

    /// <summary>Filters <paramref name="source"/> into <paramref name="destination"/> (same size); one pass of <paramref name="loop"/>.</summary>
    /// <param name="radius">Radius along i, j, k in samples (0 on an axis: no extent along it).</param>
    /// <param name="integral">The samples are integers (as 8- and 16-bit data are); allows the histogram when their range fits.</param>
    public static void Apply(Grid source, Grid destination, int[] radius, bool integral, SlabLoop loop)
    {
        int lines = source.SizeJ * source.SizeK;
        if (integral && Range(source.Data) is { } range && range.Max - range.Min < HistogramSize)
        {
            int offset = (int)range.Min;
            loop.Run("median (histogram)", lines, (from, to) => HistogramLines(source, destination, radius, offset, from, to));
        }
        else
        {
            loop.Run("median (select)", lines, (from, to) => SelectLines(source, destination, radius, from, to));
        }
    }

    private static (float Min, float Max)? Range(float[] data)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var v in data)
        {
            if (float.IsNaN(v)) return null;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return data.Length == 0 ? null : (min, max);
    }

    /// <summary>Start offsets (i = 0) of the box rows (j, k) around line (j, k), clamped.</summary>
    private static int[] BoxRows(Grid g, int[] radius, int line)
    {
        int j = line % g.SizeJ, k = line / g.SizeJ, n = 0;
        var rows = new int[(2 * radius[1] + 1) * (2 * radius[2] + 1)];
        for (int dk = -radius[2]; dk <= radius[2]; dk++)
            for (int dj = -radius[1]; dj <= radius[1]; dj++)
                rows[n++] = g.SizeI * (Math.Clamp(j + dj, 0, g.SizeJ - 1) + g.SizeJ * Math.Clamp(k + dk, 0, g.SizeK - 1));
        return rows;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HistogramLines(Grid source, Grid destination, int[] radius, int offset, int from, int to)
    {
        var fine = new int[HistogramSize];
        var coarse = new int[HistogramSize >> 8];
        var data = source.Data;
        int n = source.SizeI, ri = radius[0];
        int count = (2 * ri + 1) * (2 * radius[1] + 1) * (2 * radius[2] + 1), rank = count / 2;
        for (int line = from; line < to; line++)
        {
            var rows = BoxRows(source, radius, line);
            for (int di = -ri; di <= ri; di++) Face(data, rows, Math.Clamp(di, 0, n - 1), offset, fine, coarse, +1);
            int outAt = line * n;
            for (int i = 0; i < n; i++)
            {
                destination.Data[outAt + i] = FindRank(fine, coarse, rank) + offset;
                if (i + 1 < n)
                {
                    Face(data, rows, Math.Max(i - ri, 0), offset, fine, coarse, -1);
                    Face(data, rows, Math.Min(i + 1 + ri, n - 1), offset, fine, coarse, +1);
                }
            }
            // Empty the histogram by removing the last box (cheaper than clearing 65,536 bins per line).
            for (int di = -ri; di <= ri; di++) Face(data, rows, Math.Clamp(n - 1 + di, 0, n - 1), offset, fine, coarse, -1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Face(float[] data, int[] rows, int i, int offset, int[] fine, int[] coarse, int delta)
    {
        foreach (var row in rows)
        {
            int key = (int)data[row + i] - offset;
            fine[key] += delta;
            coarse[key >> 8] += delta;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FindRank(int[] fine, int[] coarse, int rank)
    {
        int below = 0, c = 0;
        while (below + coarse[c] <= rank) below += coarse[c++];
        int b = c << 8;
        while (below + fine[b] <= rank) below += fine[b++];
        return b;
    }

    private static void SelectLines(Grid source, Grid destination, int[] radius, int from, int to)
    {
        int n = source.SizeI, ri = radius[0];
        var box = new float[(2 * ri + 1) * (2 * radius[1] + 1) * (2 * radius[2] + 1)];
        for (int line = from; line < to; line++)
        {
            var rows = BoxRows(source, radius, line);
            for (int i = 0; i < n; i++)
            {
                int m = 0;
                foreach (var row in rows)
                    for (int di = -ri; di <= ri; di++) box[m++] = source.Data[row + Math.Clamp(i + di, 0, n - 1)];
                destination.Data[line * n + i] = Select(box, box.Length / 2);
            }
        }
    }

    /// <summary>The element that would be at <paramref name="k"/> if <paramref name="values"/> were sorted (reorders them; NaN sorts first, as <see cref="float.CompareTo(float)"/> orders it).</summary>
    private static float Select(float[] values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            float pivot = values[(lo + hi) >>> 1];
            int a = lo, b = hi;
            while (a <= b)
            {
                while (values[a].CompareTo(pivot) < 0) a++;
                while (values[b].CompareTo(pivot) > 0) b--;
                if (a <= b)
                {
                    (values[a], values[b]) = (values[b], values[a]);
                    a++;
                    b--;
                }
            }
            // Now [lo, b] ≤ pivot ≤ [a, hi], and everything strictly between b and a equals the pivot.
            if (k <= b) hi = b;
            else if (k >= a) lo = a;
            else return values[k];
        }
        return values[k];
    }
}
