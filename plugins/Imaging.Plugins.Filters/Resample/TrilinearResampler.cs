using System.Runtime.CompilerServices;
using Imaging.Plugins.Filters.Parallelism;
using Imaging.Plugins.Filters.Volumes;

namespace Imaging.Plugins.Filters.Resample;

/// <summary>
/// Resampling of a <see cref="Grid"/> onto a grid with another spacing and the same first sample: output sample
/// (i′, j′, k′) is the trilinear interpolation of the input at the continuous index (i′·fᵢ, j′·fⱼ, k′·fₖ), f = new
/// spacing / old spacing, with indices clamped to the input (scipy.ndimage.map_coordinates(v, coords, order=1,
/// mode='nearest')). The new size along an axis is ⌊(n − 1)·f⁻¹⌋ + 1: the output's samples stay within the input's
/// first and last sample centres, so the world extent (first to last centre) shrinks by less than one new spacing.
/// A one-slice grid is resampled bilinearly.
/// </summary>
internal static class TrilinearResampler
{
    /// <summary>The output size along an axis of <paramref name="size"/> samples when the spacing goes from <paramref name="oldSpacing"/> to <paramref name="newSpacing"/>.</summary>
    /// <remarks>Saturates at <see cref="int.MaxValue"/> (never wraps), so callers' size checks see absurd spacings as too large.</remarks>
    public static long NewSize(int size, double oldSpacing, double newSpacing)
    {
        double n = Math.Floor((size - 1) * oldSpacing / newSpacing + 1e-9) + 1;
        return n >= int.MaxValue || double.IsNaN(n) ? int.MaxValue : (long)n;
    }

    /// <summary>Resamples <paramref name="source"/> with steps <paramref name="factor"/> (new / old spacing per axis) into a grid of the given size; one pass of <paramref name="loop"/>.</summary>
    public static Grid Resample(Grid source, int sizeI, int sizeJ, int sizeK, double[] factor, SlabLoop loop)
    {
        var result = new Grid(sizeI, sizeJ, sizeK);
        var ti = Table(sizeI, factor[0], source.SizeI);
        var tj = Table(sizeJ, factor[1], source.SizeJ);
        var tk = Table(sizeK, factor[2], source.SizeK);
        loop.Run("resample", sizeK, (from, to) =>
        {
            for (int k = from; k < to; k++) Slice(source, result, ti, tj, tk, k);
        });
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Slice(Grid source, Grid result, Axis ti, Axis tj, Axis tk, int k)
    {
        var s = source.Data;
        int slice = source.SliceSize, ni = source.SizeI;
        int k0 = tk.Low[k] * slice, k1 = tk.High[k] * slice;
        float wk = tk.Weight[k];
        int outAt = k * result.SliceSize;
        for (int j = 0; j < result.SizeJ; j++)
        {
            int j0 = tj.Low[j] * ni, j1 = tj.High[j] * ni;
            float wj = tj.Weight[j];
            int a = k0 + j0, b = k0 + j1, c = k1 + j0, d = k1 + j1;
            for (int i = 0; i < result.SizeI; i++)
            {
                int i0 = ti.Low[i], i1 = ti.High[i];
                float wi = ti.Weight[i];
                float v00 = s[a + i0] + (s[a + i1] - s[a + i0]) * wi;
                float v01 = s[b + i0] + (s[b + i1] - s[b + i0]) * wi;
                float v10 = s[c + i0] + (s[c + i1] - s[c + i0]) * wi;
                float v11 = s[d + i0] + (s[d + i1] - s[d + i0]) * wi;
                float v0 = v00 + (v01 - v00) * wj, v1 = v10 + (v11 - v10) * wj;
                result.Data[outAt++] = v0 + (v1 - v0) * wk;
            }
        }
    }

    /// <summary>For each output index: the two input indices around its position and the weight of the upper one.</summary>
    private static Axis Table(int size, double factor, int inputSize)
    {
        var axis = new Axis(new int[size], new int[size], new float[size]);
        for (int n = 0; n < size; n++)
        {
            double x = Math.Clamp(n * factor, 0, inputSize - 1);
            int low = (int)Math.Floor(x);
            axis.Low[n] = low;
            axis.High[n] = Math.Min(low + 1, inputSize - 1);
            axis.Weight[n] = (float)(x - low);
        }
        return axis;
    }

    private sealed record Axis(int[] Low, int[] High, float[] Weight);
}
