namespace Imaging.Plugins.Tests.Fixtures;

/// <summary>
/// An <see cref="IProgress{T}"/> that records reports synchronously, on the reporting thread (unlike
/// <see cref="Progress{T}"/>, which posts them), and can act on each one.
/// </summary>
public sealed class RecordingProgress<T>(Action<T>? onReport = null) : IProgress<T>
{
    private readonly List<T> _reports = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<T> Reports
    {
        get { lock (_gate) return [.. _reports]; }
    }

    public void Report(T value)
    {
        lock (_gate) _reports.Add(value);
        onReport?.Invoke(value);
    }
}
