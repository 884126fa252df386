using System.Runtime.CompilerServices;
using Imaging.Plugins.Filters.Volumes;

namespace Imaging.Plugins.Filters.Pixels;

/// <summary>One frame's stored values ↔ a one-slice <see cref="Grid"/> (i = column, j = row), so frames use the volume kernels.</summary>
internal static class FrameSamples
{
    /// <summary>A grid of <paramref name="columns"/> × <paramref name="rows"/> × 1 holding <paramref name="values"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Grid ToGrid(int[] values, int rows, int columns)
    {
        var grid = new Grid(columns, rows, 1);
        var data = grid.Data;
        for (int n = 0; n < values.Length; n++) data[n] = values[n];
        return grid;
    }

    /// <summary>Writes the grid's samples to <paramref name="destination"/>, rounded half away from zero and clamped to [min, max] (NaN → min).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Store(Grid grid, int[] destination, int min, int max)
    {
        var data = grid.Data;
        for (int n = 0; n < destination.Length; n++)
        {
            float v = data[n];
            destination[n] = float.IsNaN(v) ? min : (int)Math.Clamp(MathF.Round(v, MidpointRounding.AwayFromZero), min, max);
        }
    }
}
