using Imaging.Dicom;
using Imaging.Plugins.Filters.Gaussian;
using Imaging.Plugins.Tests.Fixtures;
using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Tests.Filters;

public sealed class GaussianFilterTests
{
    private readonly GaussianFilter _filter = new();

    private static CapabilityArguments Sigma(string value) => CapabilityArguments.Empty.With("sigma", value);

    [Fact]
    public async Task ApplyAsync_CtSliceUniformRegions_Unchanged()
    {
        var input = TestImages.CtSlice(64);
        var output = await _filter.ApplyAsync(input, CapabilityArguments.Empty);

        var before = TestImages.StoredValues(input);
        var after = TestImages.StoredValues(output);
        int r = 3, n = 64, uniform = 0;
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++)
            {
                bool same = true;
                for (int j = -r; j <= r && same; j++)
                    for (int i = -r; i <= r && same; i++)
                        same = before[Math.Clamp(y + j, 0, n - 1) * n + Math.Clamp(x + i, 0, n - 1)] == before[y * n + x];
                if (!same) continue;
                uniform++;
                Assert.Equal(before[y * n + x], after[y * n + x]);
            }
        Assert.True(uniform > 1000, $"only {uniform} pixels have a uniform neighbourhood");
        Assert.NotEqual(before, after);
    }

    [Theory]
    [InlineData("0.6")]
    [InlineData("1")]
    [InlineData("2.5")]
    public async Task ApplyAsync_CtSlice_MatchesReferenceImplementation(string sigma)
    {
        var input = TestImages.CtSlice(48);
        var output = await _filter.ApplyAsync(input, Sigma(sigma));

        var expected = ReferenceGaussian.Smooth(TestImages.StoredValues(input), 48, 48, double.Parse(sigma, System.Globalization.CultureInfo.InvariantCulture), -32768, 32767);
        AssertMatchesReference(expected, TestImages.StoredValues(output));
    }

    [Fact]
    public async Task ApplyAsync_LargeFrames_ParallelPathMatchesReference()
    {
        // 260 × 260 = 67,600 pixels: several row slabs and column blocks, run in parallel by the shared passes.
        const int n = 260;
        var input = TestImages.Monochrome(n, n, (f, y, x) => (x * 37 + y * 11 + f * 500 + (x * y) % 97) % 4000 - 2000, frames: 2, signed: true);
        var output = await _filter.ApplyAsync(input, Sigma("0.8"));

        var all = TestImages.StoredValues(input);
        var result = TestImages.StoredValues(output);
        for (int f = 0; f < 2; f++)
        {
            var expected = ReferenceGaussian.Smooth(all[(f * n * n)..((f + 1) * n * n)], n, n, 0.8, -32768, 32767);
            AssertMatchesReference(expected, result[(f * n * n)..((f + 1) * n * n)]);
        }
    }

    [Fact]
    public async Task ApplyAsync_StepEdge_BlurredSymmetrically()
    {
        const int rows = 24, columns = 40, edge = 20;
        var input = TestImages.Monochrome(rows, columns, (_, _, x) => x < edge ? 1000 : 3000, bitsStored: 12);
        var output = await _filter.ApplyAsync(input, Sigma("2"));

        var v = TestImages.StoredValues(output);
        for (int y = 0; y < rows; y++)
        {
            var row = v.AsSpan(y * columns, columns);
            Assert.Equal(v.AsSpan(0, columns), row); // the edge is vertical: every row alike
            for (int d = 0; d < edge; d++)
                Assert.Equal(4000, row[edge - 1 - d] + row[edge + d]); // point-symmetric about the edge
            for (int x = 1; x < columns; x++) Assert.True(row[x] >= row[x - 1], $"not monotone at column {x}");
            Assert.InRange(row[edge - 1], 1001, 1999);
            Assert.InRange(row[edge], 2001, 2999);
            Assert.Equal(1000, row[edge - 1 - 6]); // radius ceil(3 × 2) = 6: beyond it, untouched
            Assert.Equal(3000, row[edge + 6]);
        }
    }

    [Fact]
    public async Task ApplyAsync_Signed8BitAndUnsigned8Bit_UniformStaysUniform()
    {
        var signed8 = TestImages.Monochrome(9, 9, (_, _, _) => -100, bitsAllocated: 8, signed: true);
        var unsigned8 = TestImages.Monochrome(9, 9, (_, _, _) => 250, bitsAllocated: 8);

        Assert.All(TestImages.StoredValues(await _filter.ApplyAsync(signed8, Sigma("1.5"))), v => Assert.Equal(-100, v));
        Assert.All(TestImages.StoredValues(await _filter.ApplyAsync(unsigned8, Sigma("1.5"))), v => Assert.Equal(250, v));
    }

    [Fact]
    public async Task ApplyAsync_SigmaAtMaximum_Succeeds()
    {
        var input = TestImages.Monochrome(8, 8, (_, y, x) => (x + y) % 2 == 0 ? 0 : 200, bitsAllocated: 8);

        var output = await _filter.ApplyAsync(input, Sigma("50"));

        Assert.All(TestImages.StoredValues(output), v => Assert.InRange(v, 80, 120)); // a 301-wide kernel over 8 pixels: close to the mean
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("50.001")]
    [InlineData("1e9")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task ApplyAsync_InvalidSigma_ThrowsInvalidInputNamingSigma(string sigma)
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _filter.ApplyAsync(TestImages.CtSlice(16), Sigma(sigma)));
        Assert.Contains("sigma", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_UnknownArgument_ThrowsInvalidInputNamingIt()
    {
        var args = CapabilityArguments.Parse(["sigam=2"]);
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => _filter.ApplyAsync(TestImages.CtSlice(16), args));
        Assert.Contains("sigam", e.Message, StringComparison.Ordinal);
        Assert.Contains("sigma", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_Output_IsDerivedInstanceWithNewUid()
    {
        var input = TestImages.CtSlice(16);
        input.AddOrUpdate(DicomTag.DerivationDescription, "earlier step");

        var output = await _filter.ApplyAsync(input, Sigma("1.5"));

        Assert.Equal(["DERIVED", "PRIMARY", "AXIAL"], output.GetValues<string>(DicomTag.ImageType));
        var description = output.GetString(DicomTag.DerivationDescription);
        Assert.StartsWith("earlier step; Gaussian smoothing, sigma 1.5 px", description, StringComparison.Ordinal);
        var uid = output.GetString(DicomTag.SOPInstanceUID);
        Assert.NotEqual(input.GetString(DicomTag.SOPInstanceUID), uid);
        Assert.True(DicomUid.IsValid(uid), uid);
        var source = Assert.Single(output.GetSequence(DicomTag.SourceImageSequence).Items);
        Assert.Equal(input.GetString(DicomTag.SOPInstanceUID), source.GetString(DicomTag.ReferencedSOPInstanceUID));
        Assert.Equal(input.GetString(DicomTag.SOPClassUID), source.GetString(DicomTag.ReferencedSOPClassUID));
        Assert.Equal(input.GetString(DicomTag.PatientID), output.GetString(DicomTag.PatientID));
        Assert.Equal(input[DicomTag.PixelData]!.VR, output[DicomTag.PixelData]!.VR);
    }

    [Fact]
    public async Task ApplyAsync_Input_NotMutated()
    {
        var input = TestImages.CtSlice(32);
        var before = TestImages.Encode(input);

        var output = await _filter.ApplyAsync(input, Sigma("2"));

        Assert.Equal(before, TestImages.Encode(input));
        Assert.NotEqual(TestImages.PixelBytes(input), TestImages.PixelBytes(output));
    }

    [Fact]
    public async Task ApplyAsync_CancelledBeforeStart_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _filter.ApplyAsync(TestImages.CtSlice(16), CapabilityArguments.Empty, null, cts.Token));
    }

    [Fact]
    public async Task ApplyAsync_CancelledAfterFirstFrame_StopsBeforeTheNext()
    {
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress<ProgressReport>(_ => cts.Cancel());
        var input = TestImages.Monochrome(16, 16, (f, y, x) => f * 10 + x, frames: 4);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _filter.ApplyAsync(input, CapabilityArguments.Empty, progress, cts.Token));

        Assert.Single(progress.Reports);
    }

    [Fact]
    public async Task ApplyAsync_MultiFrame_ReportsOncePerFrame()
    {
        var progress = new RecordingProgress<ProgressReport>();
        var input = TestImages.Monochrome(8, 8, (f, y, x) => f * 100 + x * y, frames: 3);

        await _filter.ApplyAsync(input, CapabilityArguments.Empty, progress);

        Assert.Equal([1L, 2L, 3L], progress.Reports.Select(p => p.Completed));
        Assert.All(progress.Reports, p => Assert.Equal(3L, p.Total));
    }

    [Fact]
    public void Arguments_Sigma_DescribedWithDefault()
    {
        var sigma = Assert.Single(_filter.Arguments);
        Assert.Equal("sigma", sigma.Name);
        Assert.Equal("1", sigma.DefaultValue);
        Assert.Equal("gaussian", _filter.Name);
    }

    private static void AssertMatchesReference(int[] expected, int[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        int exact = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1, $"pixel {i}: expected {expected[i]}, got {actual[i]}");
            if (expected[i] == actual[i]) exact++;
        }
        // The separable and the direct sums differ only in floating-point rounding: a value a hair from .5 may round apart.
        Assert.True(exact >= expected.Length * 0.999, $"{expected.Length - exact} of {expected.Length} pixels differ by 1");
    }
}
