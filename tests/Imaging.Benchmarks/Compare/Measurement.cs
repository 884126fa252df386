namespace Imaging.Benchmarks.Compare;

/// <summary>The timed runs of one line of the comparison table (one contender, one way of timing it).</summary>
/// <param name="Name">The line's label.</param>
/// <param name="Note">How it was run, for the table's last column.</param>
internal sealed class Measurement(string Name, string Note)
{
    private readonly List<double> _seconds = [];

    public string Name { get; } = Name;

    public string Note { get; } = Note;

    /// <summary>Seconds of each timed run, in the order they ran.</summary>
    public IReadOnlyList<double> Seconds => _seconds;

    /// <summary>Bytes allocated per file in the last timed run (in-process lines only).</summary>
    public double? AllocatedBytesPerFile { get; set; }

    /// <summary>Why the contender could not run (tool missing, non-zero exit), or null.</summary>
    public string? Error { get; set; }

    public bool Ok => Error is null && _seconds.Count > 0;

    public double Best => _seconds.Min();

    public double Median
    {
        get
        {
            var s = _seconds.Order().ToList();
            return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
        }
    }

    public void Add(double seconds) => _seconds.Add(seconds);
}
