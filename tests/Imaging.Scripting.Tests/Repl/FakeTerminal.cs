using System.Text;
using Imaging.Scripting.Repl;

namespace Imaging.Scripting.Tests.Repl;

/// <summary>A terminal that plays back keys and records what the line editor drew.</summary>
internal sealed class FakeTerminal(IEnumerable<ConsoleKeyInfo> keys) : ITerminal
{
    private readonly Queue<ConsoleKeyInfo> _keys = new(keys);
    private readonly StringBuilder _written = new();

    public int Width { get; init; } = 80;

    public string Written => _written.ToString();

    /// <summary>Ctrl+D once the keys run out, as a user leaving would.</summary>
    public ConsoleKeyInfo ReadKey() => _keys.Count > 0 ? _keys.Dequeue() : Ctrl(ConsoleKey.D);

    public void Write(string text) => _written.Append(text);

    /// <summary>The keys for typing <paramref name="text"/> ('\n' is Enter, '\t' is Tab).</summary>
    public static IEnumerable<ConsoleKeyInfo> Type(string text) => text.Select(c => c switch
    {
        '\n' => Key(ConsoleKey.Enter, '\r'),
        '\t' => Key(ConsoleKey.Tab, '\t'),
        _ => new ConsoleKeyInfo(c, char.IsLetter(c) ? Enum.Parse<ConsoleKey>(char.ToUpperInvariant(c).ToString()) : ConsoleKey.NoName, char.IsUpper(c), false, false),
    });

    public static ConsoleKeyInfo Key(ConsoleKey key, char c = '\0') => new(c, key, false, false, false);

    public static ConsoleKeyInfo Ctrl(ConsoleKey key) => new((char)(key - ConsoleKey.A + 1), key, false, false, true);
}
