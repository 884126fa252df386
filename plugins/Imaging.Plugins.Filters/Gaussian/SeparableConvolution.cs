using System.Buffers;
using System.Runtime.CompilerServices;

namespace Imaging.Plugins.Filters.Gaussian;

/// <summary>
/// 2-D convolution of one frame with a symmetric separable kernel: rows first, then columns, in double precision, with
/// edges clamped (the nearest edge pixel repeats outside the frame); the result is rounded half away from zero and
/// clamped to the stored range. Frames of <see cref="ParallelThreshold"/> pixels or more are split over rows with
/// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>.
/// </summary>
internal sealed class SeparableConvolution
{
    /// <summary>Frames with at least this many pixels are processed in parallel.</summary>
    public const int ParallelThreshold = 1 << 16;

    private readonly double[] _weights;
    private readonly int _radius;
    private readonly int _rows;
    private readonly int _columns;
    private readonly int _min;
    private readonly int _max;
    private readonly double[] _rowPass;

    /// <summary>Prepares the convolution of <paramref name="rows"/> × <paramref name="columns"/> frames.</summary>
    public SeparableConvolution(double[] weights, int rows, int columns, int min, int max)
    {
        _weights = weights;
        _radius = weights.Length / 2;
        _rows = rows;
        _columns = columns;
        _min = min;
        _max = max;
        _rowPass = new double[rows * columns];
    }

    /// <summary>Convolves <paramref name="source"/> into <paramref name="destination"/>; not thread-safe (one frame at a time).</summary>
    public void Apply(int[] source, int[] destination, CancellationToken cancellationToken)
    {
        bool parallel = (long)_rows * _columns >= ParallelThreshold;
        ForEachRow(y => FilterRow(source, y), parallel, cancellationToken);
        ForEachRow(y => FilterColumns(destination, y), parallel, cancellationToken);
    }

    private void ForEachRow(Action<int> body, bool parallel, CancellationToken cancellationToken)
    {
        if (parallel)
        {
            Parallel.For(0, _rows, new ParallelOptions { CancellationToken = cancellationToken }, body);
            return;
        }
        for (int y = 0; y < _rows; y++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            body(y);
        }
    }

    /// <summary>Horizontal pass for row <paramref name="y"/>: the row, padded by repeating its edge pixels, convolved into <see cref="_rowPass"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop, often run once: skip tier-0 code
    private void FilterRow(int[] source, int y)
    {
        int n = _columns, r = _radius, offset = y * n;
        var padded = ArrayPool<double>.Shared.Rent(n + 2 * r);
        try
        {
            for (int i = 0; i < n + 2 * r; i++) padded[i] = source[offset + Math.Clamp(i - r, 0, n - 1)];
            var w = _weights;
            for (int x = 0; x < n; x++)
            {
                double sum = 0;
                for (int k = 0; k < w.Length; k++) sum += w[k] * padded[x + k];
                _rowPass[offset + x] = sum;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(padded);
        }
    }

    /// <summary>Vertical pass for output row <paramref name="y"/>: a weighted sum of whole rows of <see cref="_rowPass"/> (cache-friendly), then round and clamp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop, often run once: skip tier-0 code
    private void FilterColumns(int[] destination, int y)
    {
        int n = _columns, r = _radius;
        var sum = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Array.Clear(sum, 0, n);
            for (int k = 0; k < _weights.Length; k++)
            {
                double w = _weights[k];
                var row = _rowPass.AsSpan(Math.Clamp(y + k - r, 0, _rows - 1) * n, n);
                for (int x = 0; x < n; x++) sum[x] += w * row[x];
            }
            int offset = y * n;
            for (int x = 0; x < n; x++)
                destination[offset + x] = (int)Math.Clamp(Math.Round(sum[x], MidpointRounding.AwayFromZero), _min, _max);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sum);
        }
    }
}
