using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Volumes;

namespace Imaging.Plugins.Filters.Gaussian;

/// <summary>
/// One pass of a convolution with a symmetric 1-D kernel along one axis of a <see cref="Grid"/>, in float32, edges
/// clamped (the nearest sample repeats outside: scipy.ndimage's <c>mode='nearest'</c>). A separable filter is one pass
/// per axis; the 2-D (frame) and 3-D (volume) Gaussians share these passes.
/// Along i, lines are contiguous: each is copied with its padding into a small buffer and convolved with
/// <see cref="Vector{T}"/> arithmetic. Along j and k the pass works on blocks of <see cref="BlockWidth"/> contiguous
/// samples (a piece of a row, or of a slice) and walks the axis, so the lines it reads stay in cache; the blocks run in
/// parallel.
/// </summary>
internal static class SeparableConvolution
{
    /// <summary>Samples per block in the j and k passes (1 KiB of float32).</summary>
    public const int BlockWidth = 256;

    /// <summary>
    /// Convolves <paramref name="source"/> along <paramref name="axis"/> (0 = i, 1 = j, 2 = k) with
    /// <paramref name="weights"/> (odd length, symmetric, centre at the middle) into <paramref name="destination"/>
    /// (same size, not the source); one pass of <paramref name="loop"/>.
    /// </summary>
    public static void Along(int axis, Grid source, Grid destination, float[] weights, SlabLoop loop, string what)
    {
        if (ReferenceEquals(source, destination)) throw new ArgumentException("the convolution cannot work in place.", nameof(destination));
        if (axis == 0)
        {
            loop.Run(what, source.SizeJ * source.SizeK, (from, to) => AlongI(source, destination, weights, from, to));
            return;
        }
        // A line along j lies in one slice (outer = slices); a line along k crosses the slices (one outer, the whole slice wide).
        int outer = axis == 1 ? source.SizeK : 1;
        int width = axis == 1 ? source.SizeI : source.SliceSize;
        int blocks = (width + BlockWidth - 1) / BlockWidth;
        loop.Run(what, outer * blocks, (from, to) =>
        {
            for (int item = from; item < to; item++)
            {
                int o = item / blocks, b = item % blocks;
                int start = o * source.SliceSize + b * BlockWidth;
                AlongStrided(source.Data, destination.Data, weights, start, Math.Min(BlockWidth, width - b * BlockWidth), source.Stride(axis), source.Size(axis));
            }
        });
    }

    /// <summary>Lines [<paramref name="from"/>, <paramref name="to"/>) along i (line n = j + SizeJ·k starts at n·SizeI).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AlongI(Grid source, Grid destination, float[] weights, int from, int to)
    {
        int n = source.SizeI, r = weights.Length / 2;
        var padded = ArrayPool<float>.Shared.Rent(n + 2 * r);
        try
        {
            for (int line = from; line < to; line++)
            {
                var src = source.Data.AsSpan(line * n, n);
                padded.AsSpan(0, r).Fill(src[0]);
                src.CopyTo(padded.AsSpan(r));
                padded.AsSpan(r + n, r).Fill(src[n - 1]);
                ConvolvePadded(padded, destination.Data.AsSpan(line * n, n), weights);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(padded);
        }
    }

    /// <summary>out[x] = w[r]·p[x + r] + Σₜ w[r + t]·(p[x + r − t] + p[x + r + t]) for x in [0, out.Length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ConvolvePadded(float[] padded, Span<float> output, float[] weights)
    {
        int n = output.Length, r = weights.Length / 2, x = 0;
        ref float p = ref MemoryMarshal.GetArrayDataReference(padded);
        ref float o = ref MemoryMarshal.GetReference(output);
        float centre = weights[r];
        if (Vector.IsHardwareAccelerated)
        {
            for (; x <= n - Vector<float>.Count; x += Vector<float>.Count)
            {
                var acc = Vector.LoadUnsafe(ref p, (nuint)(x + r)) * centre;
                for (int t = 1; t <= r; t++)
                    acc += (Vector.LoadUnsafe(ref p, (nuint)(x + r - t)) + Vector.LoadUnsafe(ref p, (nuint)(x + r + t))) * weights[r + t];
                acc.StoreUnsafe(ref o, (nuint)x);
            }
        }
        for (; x < n; x++)
        {
            float sum = padded[x + r] * centre;
            for (int t = 1; t <= r; t++) sum += (padded[x + r - t] + padded[x + r + t]) * weights[r + t];
            output[x] = sum;
        }
    }

    /// <summary>
    /// The lines along a strided axis through the <paramref name="width"/> contiguous samples at <paramref name="start"/>:
    /// position m of each is at start + m·<paramref name="stride"/> (m in [0, <paramref name="length"/>)).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AlongStrided(float[] source, float[] destination, float[] weights, int start, int width, int stride, int length)
    {
        int r = weights.Length / 2;
        ref float s = ref MemoryMarshal.GetArrayDataReference(source);
        ref float d = ref MemoryMarshal.GetArrayDataReference(destination);
        float centre = weights[r];
        for (int m = 0; m < length; m++)
        {
            int at = start + m * stride, e = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; e <= width - Vector<float>.Count; e += Vector<float>.Count)
                {
                    var acc = Vector.LoadUnsafe(ref s, (nuint)(at + e)) * centre;
                    for (int t = 1; t <= r; t++)
                    {
                        int below = start + Math.Max(m - t, 0) * stride, above = start + Math.Min(m + t, length - 1) * stride;
                        acc += (Vector.LoadUnsafe(ref s, (nuint)(below + e)) + Vector.LoadUnsafe(ref s, (nuint)(above + e))) * weights[r + t];
                    }
                    acc.StoreUnsafe(ref d, (nuint)(at + e));
                }
            }
            for (; e < width; e++)
            {
                float sum = source[at + e] * centre;
                for (int t = 1; t <= r; t++)
                    sum += (source[start + Math.Max(m - t, 0) * stride + e] + source[start + Math.Min(m + t, length - 1) * stride + e]) * weights[r + t];
                destination[at + e] = sum;
            }
        }
    }
}
