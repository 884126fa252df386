using Imaging.Plugins.Filters.Median;
using Imaging.Plugins.Tests.Filters.Oracles;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters.Frames;

/// <summary>The 2-D median against scipy.ndimage.median_filter(frames, size=(1, 2rⱼ+1, 2rᵢ+1), mode='nearest').</summary>
public sealed class MedianFilterTests
{
    [Fact]
    public async Task ApplyAsync_MultiFrameSigned_EqualsScipyPerFrame()
    {
        const int rows = 19, columns = 27, frames = 3;
        var random = new Random(12);
        var values = Enumerable.Range(0, rows * columns * frames).Select(_ => random.Next(-3000, 3000)).ToArray();
        var input = TestImages.Monochrome(rows, columns, (f, y, x) => values[(f * rows + y) * columns + x], frames: frames, signed: true);
        using var oracle = new ScipyOracle();
        oracle.Write("frames", values.Select(v => (double)v).ToArray());
        await oracle.RunAsync($"""
            v = load("frames", np.float64, ({frames}, {rows}, {columns}))
            save("r1", ndi.median_filter(v, size=(1, 3, 3), mode='nearest'))
            save("r21", ndi.median_filter(v, size=(1, 3, 5), mode='nearest'))
            """);

        var r1 = await new MedianFilter().ApplyAsync(input, CapabilityArguments.Empty);
        var r21 = await new MedianFilter().ApplyAsync(input, CapabilityArguments.Parse(["radius=2,1"]));

        Assert.Equal(oracle.Read("r1").Select(v => (int)v), TestImages.StoredValues(r1));
        Assert.Equal(oracle.Read("r21").Select(v => (int)v), TestImages.StoredValues(r21));
    }
}
