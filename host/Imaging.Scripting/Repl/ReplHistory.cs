using Imaging.Host;

namespace Imaging.Scripting.Repl;

/// <summary>
/// The lines typed at the REPL, oldest first, kept across sessions in a file (<c>~/.imaging/history</c>, or under
/// <c>$IMAGING_HOME</c>): one line a line, appended as typed, the last <see cref="Limit"/> kept. History is a
/// convenience: a file that cannot be read or written leaves it in memory only.
/// </summary>
internal sealed class ReplHistory
{
    /// <summary>How many lines are kept.</summary>
    public const int Limit = 1000;

    private readonly List<string> _entries = [];
    private int _linesInFile;

    /// <summary>Loads the history in <paramref name="path"/> (null: in memory only).</summary>
    public ReplHistory(string? path)
    {
        Path = path;
        if (path is null || !File.Exists(path)) return;
        try
        {
            var lines = File.ReadAllLines(path);
            _linesInFile = lines.Length;
            _entries.AddRange(lines.Where(l => l.Length > 0).TakeLast(Limit));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Path = null;
        }
    }

    /// <summary><c>history</c> in the imaging home folder (<c>~/.imaging</c>, or <c>$IMAGING_HOME</c>).</summary>
    public static string DefaultPath => System.IO.Path.Combine(HostOptions.ImagingHome, "history");

    /// <summary>The file, or null when the history is kept in memory only.</summary>
    public string? Path { get; private set; }

    /// <summary>The lines, oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>Adds a line (blank lines and a repeat of the last line are skipped) and appends it to the file.</summary>
    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Contains('\n') || (_entries.Count > 0 && _entries[^1] == line)) return;
        _entries.Add(line);
        if (_entries.Count > Limit) _entries.RemoveRange(0, _entries.Count - Limit);
        if (Path is null) return;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            if (_linesInFile + 1 > 2 * Limit)
            {
                // Compact now and then, not on every line: appending keeps concurrent sessions' lines.
                File.WriteAllLines(Path, _entries);
                _linesInFile = _entries.Count;
            }
            else
            {
                File.AppendAllText(Path, line + "\n");
                _linesInFile++;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Path = null;
        }
    }
}
