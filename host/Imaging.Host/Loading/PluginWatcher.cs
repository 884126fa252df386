namespace Imaging.Host.Loading;

/// <summary>
/// Watches plugin root folders (recursively) and calls back once changes have been quiet for a debounce interval, so
/// that a build copying many files triggers one reload, not one per file.
/// </summary>
internal sealed class PluginWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _debounce;

    public PluginWatcher(IEnumerable<string> roots, TimeSpan debounce, Action onChange)
    {
        _debounce = debounce;
        _timer = new Timer(_ => onChange(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var root in roots)
        {
            string full;
            try { full = Path.GetFullPath(root); } catch (ArgumentException) { continue; }
            if (!Directory.Exists(full)) continue;
            var w = new FileSystemWatcher(full) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            w.Changed += Poke;
            w.Created += Poke;
            w.Deleted += Poke;
            w.Renamed += Poke;
            w.Error += (_, _) => Poke(this, new FileSystemEventArgs(WatcherChangeTypes.Changed, full, null)); // overflow: rescan anyway
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }

    private void Poke(object sender, FileSystemEventArgs e)
    {
        try { _timer.Change(_debounce, Timeout.InfiniteTimeSpan); }
        catch (ObjectDisposedException) { } // an event raced Dispose
    }
}
