using System.Text;

namespace Imaging.Scripting.Repl;

/// <summary>
/// Reads a line on a terminal with editing: ←/→ (Ctrl+B/F, Ctrl+←/→ by word), Home/End (Ctrl+A/E), Backspace/Delete,
/// Ctrl+U/K/W (cut to start/end/previous word), Esc (clear), ↑/↓ (Ctrl+P/N) through the history, Tab completion,
/// Ctrl+L (clear screen), Ctrl+C (drop the line), Ctrl+D on an empty line (end). A line longer than the terminal scrolls
/// sideways instead of wrapping.
/// </summary>
internal sealed class LineEditor(ITerminal terminal, ReplHistory history, Func<string, ReplCompletion> complete) : IReplInput
{
    private const int MaxListed = 120;

    private readonly StringBuilder _buffer = new();
    private int _cursor;
    private int _scroll;
    private string _prompt = "";

    /// <summary>The history this editor recalls and adds to.</summary>
    public ReplHistory History => history;

    public InputLine ReadLine(string prompt, string pending)
    {
        _prompt = prompt;
        _buffer.Clear();
        _cursor = 0;
        _scroll = 0;
        int recalled = history.Entries.Count;
        string draft = "";
        Render();
        while (true)
        {
            var key = terminal.ReadKey();
            bool ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    var line = _buffer.ToString();
                    MoveToEnd();
                    terminal.Write("\r\n");
                    history.Add(line);
                    return new InputLine(line, false);
                case ConsoleKey.C when ctrl:
                    MoveToEnd();
                    terminal.Write("^C\r\n");
                    return InputLine.Interrupt;
                case ConsoleKey.D when ctrl:
                    if (_buffer.Length == 0)
                    {
                        terminal.Write("\r\n");
                        return InputLine.EndOfInput;
                    }
                    Delete(_cursor, 1);
                    break;
                case ConsoleKey.Backspace:
                case ConsoleKey.H when ctrl:
                    if (_cursor > 0) Delete(--_cursor, 1);
                    break;
                case ConsoleKey.Delete:
                    Delete(_cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when ctrl:
                    _cursor = WordStart(_cursor);
                    break;
                case ConsoleKey.RightArrow when ctrl:
                    _cursor = WordEnd(_cursor);
                    break;
                case ConsoleKey.LeftArrow:
                case ConsoleKey.B when ctrl:
                    _cursor = Math.Max(0, _cursor - 1);
                    break;
                case ConsoleKey.RightArrow:
                case ConsoleKey.F when ctrl:
                    _cursor = Math.Min(_buffer.Length, _cursor + 1);
                    break;
                case ConsoleKey.Home:
                case ConsoleKey.A when ctrl:
                    _cursor = 0;
                    break;
                case ConsoleKey.End:
                case ConsoleKey.E when ctrl:
                    _cursor = _buffer.Length;
                    break;
                case ConsoleKey.U when ctrl:
                    Delete(0, _cursor);
                    _cursor = 0;
                    break;
                case ConsoleKey.K when ctrl:
                    Delete(_cursor, _buffer.Length - _cursor);
                    break;
                case ConsoleKey.W when ctrl:
                    int from = WordStart(_cursor);
                    Delete(from, _cursor - from);
                    _cursor = from;
                    break;
                case ConsoleKey.Escape:
                    Replace("");
                    break;
                case ConsoleKey.L when ctrl:
                    terminal.Write("\x1b[2J\x1b[H");
                    break;
                case ConsoleKey.UpArrow:
                case ConsoleKey.P when ctrl:
                    if (recalled > 0)
                    {
                        if (recalled == history.Entries.Count) draft = _buffer.ToString();
                        Replace(history.Entries[--recalled]);
                    }
                    break;
                case ConsoleKey.DownArrow:
                case ConsoleKey.N when ctrl:
                    if (recalled < history.Entries.Count)
                    {
                        recalled++;
                        Replace(recalled == history.Entries.Count ? draft : history.Entries[recalled]);
                    }
                    break;
                case ConsoleKey.Tab:
                    Complete(pending);
                    break;
                default:
                    if (key.KeyChar == '\x7f' || key.KeyChar == '\b')
                    {
                        if (_cursor > 0) Delete(--_cursor, 1);
                    }
                    else if (!char.IsControl(key.KeyChar) && !ctrl)
                    {
                        _buffer.Insert(_cursor++, key.KeyChar);
                    }
                    break;
            }
            Render();
        }
    }

    private void Complete(string pending)
    {
        var before = _buffer.ToString(0, _cursor);
        if (before.Trim().Length == 0)
        {
            Insert("    ");
            return;
        }
        ReplCompletion result;
        try
        {
            result = complete(pending + before);
        }
        catch (Exception)
        {
            // Completion is a convenience: a compiler failure on odd input must not end the session.
            terminal.Write("\a");
            return;
        }
        int start = result.Start - pending.Length;
        if (start < 0 || start > _cursor || result.Items.Count == 0)
        {
            terminal.Write("\a");
            return;
        }
        var word = before[start..];
        var common = result.Items.Count == 1 ? result.Items[0] : result.CommonPrefix;
        if (common.Length > word.Length || (common.Length == word.Length && common != word && common.Length > 0))
        {
            Delete(start, _cursor - start);
            _cursor = start;
            Insert(common);
            return;
        }
        if (result.Items.Count == 1) return;
        ListCandidates(result.Items);
    }

    private void ListCandidates(IReadOnlyList<string> items)
    {
        MoveToEnd();
        var shown = items.Take(MaxListed).ToList();
        int width = shown.Max(s => s.Length) + 2;
        int columns = Math.Max(1, (terminal.Width - 1) / width);
        var sb = new StringBuilder("\r\n");
        for (int i = 0; i < shown.Count; i++)
        {
            sb.Append(shown[i].PadRight(width));
            if ((i + 1) % columns == 0 || i == shown.Count - 1) sb.Append("\r\n");
        }
        if (items.Count > shown.Count) sb.Append($"… {items.Count - shown.Count} more\r\n");
        terminal.Write(sb.ToString());
    }

    private void Insert(string text)
    {
        _buffer.Insert(_cursor, text);
        _cursor += text.Length;
    }

    private void Delete(int start, int length)
    {
        length = Math.Min(length, _buffer.Length - start);
        if (start >= 0 && length > 0) _buffer.Remove(start, length);
    }

    private void Replace(string text)
    {
        _buffer.Clear().Append(text);
        _cursor = text.Length;
    }

    private int WordStart(int from)
    {
        while (from > 0 && !IsWordChar(_buffer[from - 1])) from--;
        while (from > 0 && IsWordChar(_buffer[from - 1])) from--;
        return from;
    }

    private int WordEnd(int from)
    {
        while (from < _buffer.Length && !IsWordChar(_buffer[from])) from++;
        while (from < _buffer.Length && IsWordChar(_buffer[from])) from++;
        return from;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private void MoveToEnd()
    {
        _cursor = _buffer.Length;
        Render();
    }

    /// <summary>Redraws the prompt and the visible part of the line, and puts the cursor in place.</summary>
    private void Render()
    {
        int room = Math.Max(10, terminal.Width - _prompt.Length - 1);
        if (_cursor < _scroll) _scroll = _cursor;
        if (_cursor > _scroll + room) _scroll = _cursor - room;
        if (_scroll > 0 && _buffer.Length - _scroll < room) _scroll = Math.Max(0, _buffer.Length - room);
        var visible = _buffer.ToString(_scroll, Math.Min(room, _buffer.Length - _scroll));
        var sb = new StringBuilder("\r").Append(_prompt).Append(visible).Append("\x1b[K");
        int back = _scroll + visible.Length - _cursor;
        if (back > 0) sb.Append("\x1b[").Append(back).Append('D');
        terminal.Write(sb.ToString());
    }
}
