namespace Imaging.Scripting.Repl;

/// <summary>The process console as an <see cref="ITerminal"/>: keys read without echo, Ctrl+C read as a key while waiting for one.</summary>
internal sealed class SystemTerminal : ITerminal
{
    public int Width
    {
        get
        {
            try
            {
                return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
            }
            catch (IOException)
            {
                return 80;
            }
        }
    }

    public ConsoleKeyInfo ReadKey()
    {
        bool previous = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            return Console.ReadKey(intercept: true);
        }
        finally
        {
            Console.TreatControlCAsInput = previous;
        }
    }

    public void Write(string text)
    {
        Console.Out.Write(text);
        Console.Out.Flush();
    }
}
