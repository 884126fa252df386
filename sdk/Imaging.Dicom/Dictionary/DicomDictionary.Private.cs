namespace Imaging.Dicom;

public sealed partial class DicomDictionary
{
    /// <summary>
    /// Reads a private dictionary (PS3.5 §7.8) from a text file and layers it on <paramref name="parent"/>
    /// (<see cref="Standard"/> when null).
    /// </summary>
    /// <remarks>
    /// The file is UTF-8 text, one element per line, six tab-separated columns:
    /// <code>
    /// # tag        VR       VM   keyword       name                creator
    /// (0029,xx10)  OB       1    CsaImageHeader  CSA Image Header  SIEMENS CSA HEADER
    /// (0019,xx0C)  IS       1    BValue        B Value             SIEMENS MR HEADER
    /// (7001,xx01)  US or SS 1-n  MyValues      My Values           ACME 1.0
    /// </code>
    /// <list type="bullet">
    /// <item>tag: (gggg,xxee) with an odd group; the element's high byte is the block the creator reserves in each
    /// data set, so write it "xx" (a hex value there is accepted and ignored). Without a creator, the tag is a public
    /// one, and hex digits written x make it a repeating tag like (60xx,3000).</item>
    /// <item>VR: a code of PS3.5 Table 6.2-1, or several separated by " or " or "/" (the first is the default).</item>
    /// <item>VM: "1", "3", "1-n", "2-2n", ...</item>
    /// <item>keyword: a C# identifier or empty; name: free text.</item>
    /// <item>creator: the Private Creator value (PS3.5 §7.8.1); may be left out (five columns) for a public element.</item>
    /// </list>
    /// Blank lines and lines starting with '#' are skipped; spaces around each column are ignored.
    /// </remarks>
    /// <exception cref="DicomFormatException">A line is malformed; the message is "path: line n: what is wrong".</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DicomDictionary LoadPrivate(string path, DicomDictionary? parent = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dictionary = new DicomDictionary(parent ?? Standard);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            try
            {
                dictionary.Add(PrivateDictionaryLine.Parse(line));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new DicomFormatException($"line {lineNumber}: {e.Message}", path, inner: e);
            }
        }
        return dictionary;
    }
}
