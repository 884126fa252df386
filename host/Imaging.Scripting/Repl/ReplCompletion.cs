namespace Imaging.Scripting.Repl;

/// <summary>Tab-completion candidates for the text before the cursor (<see cref="ReplSession.Complete"/>).</summary>
/// <param name="Start">Where the word being completed starts in the text; a candidate replaces the text from there to the cursor.</param>
/// <param name="Items">The candidate names, sorted, without duplicates (overloads appear once).</param>
public sealed record ReplCompletion(int Start, IReadOnlyList<string> Items)
{
    /// <summary>The longest text every candidate starts with (empty when there are none).</summary>
    public string CommonPrefix
    {
        get
        {
            if (Items.Count == 0) return "";
            var prefix = Items[0];
            foreach (var item in Items)
            {
                int n = 0;
                while (n < prefix.Length && n < item.Length && prefix[n] == item[n]) n++;
                prefix = prefix[..n];
            }
            return prefix;
        }
    }
}
