using System.Globalization;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Parallelism;

/// <summary>
/// Runs a filter's passes: each pass splits its work items (slices, rows, blocks) into at most <see cref="SlabsPerPass"/>
/// consecutive slabs run with <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>, honouring the token,
/// and reports progress once per finished slab. A run of <c>passes</c> passes reports Completed rising to
/// <c>passes × SlabsPerPass</c> (its Total); reports are serialised, so Completed never goes down.
/// </summary>
internal sealed class SlabLoop
{
    /// <summary>Progress units (and the largest number of slabs) per pass.</summary>
    public const int SlabsPerPass = 16;

    private readonly IProgress<ProgressReport>? _progress;
    private readonly int _passes;
    private readonly Lock _gate = new();
    private int _pass;
    private long _completed;

    /// <summary>A loop of <paramref name="passes"/> passes reporting to <paramref name="progress"/> (null: none, as inside one frame).</summary>
    public SlabLoop(int passes, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        _passes = Math.Max(1, passes);
        _progress = progress;
        Token = cancellationToken;
    }

    /// <summary>A loop that reports nothing (the instance filters report per frame themselves).</summary>
    public static SlabLoop Silent(CancellationToken cancellationToken) => new(1, null, cancellationToken);

    /// <summary>The token every pass honours.</summary>
    public CancellationToken Token { get; }

    /// <summary>Runs <paramref name="body"/> on items [0, <paramref name="count"/>) in parallel slabs; one pass.</summary>
    /// <param name="what">The pass, for progress messages ("gaussian along k").</param>
    /// <param name="count">Work items.</param>
    /// <param name="body">Processes items [from, to); runs on several threads at once, on disjoint ranges.</param>
    public void Run(string what, int count, Action<int, int> body)
    {
        Token.ThrowIfCancellationRequested();
        int pass = _pass < _passes ? _pass++ : _passes - 1;
        int slabs = Math.Clamp(count, 1, SlabsPerPass);
        int done = 0;
        var options = new ParallelOptions { CancellationToken = Token };
        Parallel.For(0, slabs, options, s =>
        {
            long from = (long)count * s / slabs, to = (long)count * (s + 1) / slabs;
            if (to > from) body((int)from, (int)to);
            Report(pass, what, Interlocked.Increment(ref done), slabs);
        });
        Token.ThrowIfCancellationRequested();
    }

    /// <summary>Reports the run as complete (Completed = Total) if the passes did not already.</summary>
    public void Finish(string what)
    {
        Token.ThrowIfCancellationRequested();
        if (_progress is null) return;
        lock (_gate)
        {
            long total = (long)_passes * SlabsPerPass;
            if (_completed >= total) return;
            _completed = total;
            _progress.Report(new ProgressReport(total, total, what));
        }
    }

    private void Report(int pass, string what, int slabsDone, int slabs)
    {
        if (_progress is null) return;
        lock (_gate)
        {
            long completed = (long)pass * SlabsPerPass + (long)slabsDone * SlabsPerPass / slabs;
            if (completed <= _completed) return;
            _completed = completed;
            _progress.Report(new ProgressReport(completed, (long)_passes * SlabsPerPass,
                string.Create(CultureInfo.InvariantCulture, $"{what}: pass {pass + 1} of {_passes}")));
        }
    }
}
