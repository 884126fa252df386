namespace Imaging.Benchmarks.Compare;

/// <summary>
/// One reader being compared. A run reads every file of the corpus once and gives one time per line it owns
/// (pydicom owns two: the time measured inside Python and the whole process).
/// </summary>
internal sealed class Contender(IReadOnlyList<Measurement> lines, Func<IReadOnlyList<RunSample>> runOnce)
{
    /// <summary>The table lines this contender fills, in the order <see cref="RunOnce"/> returns samples.</summary>
    public IReadOnlyList<Measurement> Lines { get; } = lines;

    /// <summary>Reads the whole corpus once; one sample per line.</summary>
    public IReadOnlyList<RunSample> RunOnce() => runOnce();
}

/// <summary>One timing of one line.</summary>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="AllocatedBytesPerFile">Managed bytes allocated per file, for in-process lines.</param>
internal readonly record struct RunSample(double Seconds, double? AllocatedBytesPerFile = null);
