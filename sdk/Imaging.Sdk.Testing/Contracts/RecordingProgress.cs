using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>
/// A synchronous, thread-safe <see cref="IProgress{T}"/> that keeps every report in arrival order and calls back on the
/// first one (unlike <see cref="Progress{T}"/>, which posts to a synchronization context later).
/// </summary>
internal sealed class RecordingProgress(Action<ProgressReport>? onFirst = null) : IProgress<ProgressReport>
{
    private readonly Lock _lock = new();
    private readonly List<ProgressReport> _reports = [];

    /// <summary>A copy of the reports so far.</summary>
    public IReadOnlyList<ProgressReport> Reports
    {
        get { lock (_lock) return [.. _reports]; }
    }

    /// <summary>How many reports arrived.</summary>
    public int Count
    {
        get { lock (_lock) return _reports.Count; }
    }

    /// <inheritdoc />
    public void Report(ProgressReport value)
    {
        bool first;
        lock (_lock)
        {
            _reports.Add(value);
            first = _reports.Count == 1;
        }
        if (first) onFirst?.Invoke(value);
    }
}
