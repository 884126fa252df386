namespace Imaging.Fuzz;

/// <summary>One corpus input and where its element headers seem to be (found once, by <see cref="Mutator.FindHeaders"/>).</summary>
internal sealed class CorpusEntry(byte[] data, string name)
{
    private int[]? _headers;

    public byte[] Data => data;
    public string Name => name;
    public int[] Headers => _headers ??= Mutator.FindHeaders(data);
}
