namespace Imaging.Plugins.Filters.Gaussian;

/// <summary>
/// A sampled, normalised 1-D Gaussian: weights exp(−i²/2σ²) for i in [−r, r], r = ⌈3σ⌉, summing to 1 — scipy.ndimage's
/// <c>gaussian_filter</c> weights with <c>truncate = r/σ</c>.
/// </summary>
internal static class GaussianKernel
{
    /// <summary>The kernel radius for <paramref name="sigma"/>: ⌈3σ⌉, at least 1.</summary>
    public static int Radius(double sigma) => Math.Max(1, (int)Math.Ceiling(3 * sigma));

    /// <summary>The 2r + 1 weights, centre at index r, computed in double and stored as float32.</summary>
    public static float[] Weights(double sigma)
    {
        int r = Radius(sigma);
        var w = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++)
        {
            w[i + r] = Math.Exp(-(double)i * i / (2 * sigma * sigma));
            sum += w[i + r];
        }
        return [.. w.Select(v => (float)(v / sum))];
    }
}
