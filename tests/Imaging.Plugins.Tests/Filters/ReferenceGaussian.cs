namespace Imaging.Plugins.Tests.Filters;

/// <summary>
/// The obvious, slow Gaussian: for each output pixel, a direct 2-D weighted sum over the (2r+1)² neighbourhood with
/// coordinates clamped to the frame, weights exp(−(i²+j²)/2σ²) normalised to 1, r = ⌈3σ⌉; rounded half away from
/// zero and clamped to [min, max]. Written independently of the plugin's separable implementation.
/// </summary>
public static class ReferenceGaussian
{
    public static int[] Smooth(int[] frame, int rows, int columns, double sigma, int min, int max)
    {
        int r = (int)Math.Ceiling(3 * sigma);
        var w = new double[2 * r + 1, 2 * r + 1];
        double total = 0;
        for (int j = -r; j <= r; j++)
            for (int i = -r; i <= r; i++)
                total += w[j + r, i + r] = Math.Exp(-(i * i + j * j) / (2 * sigma * sigma));
        var result = new int[frame.Length];
        for (int y = 0; y < rows; y++)
            for (int x = 0; x < columns; x++)
            {
                double sum = 0;
                for (int j = -r; j <= r; j++)
                    for (int i = -r; i <= r; i++)
                        sum += w[j + r, i + r] / total * frame[Math.Clamp(y + j, 0, rows - 1) * columns + Math.Clamp(x + i, 0, columns - 1)];
                result[y * columns + x] = (int)Math.Clamp(Math.Round(sum, MidpointRounding.AwayFromZero), min, max);
            }
        return result;
    }
}
