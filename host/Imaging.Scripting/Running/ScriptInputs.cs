namespace Imaging.Scripting.Running;

/// <summary>
/// A script and everything it pulls in through its header directives: the <c>#load</c>'ed files (recursively, with
/// their text) and the <c>#r</c>'ed assemblies (resolved paths, or bare names). This is what the compile cache key is
/// made of, found without loading the compiler.
/// </summary>
internal sealed class ScriptInputs
{
    private ScriptInputs(string path, string text, IReadOnlyList<(string Path, string Text)> loads, IReadOnlyList<string> references)
    {
        Path = path;
        Text = text;
        Loads = loads;
        References = references;
    }

    /// <summary>The script's full path.</summary>
    public string Path { get; }

    /// <summary>The script's text.</summary>
    public string Text { get; }

    /// <summary>Every <c>#load</c>'ed file (full path and text), in first-seen order.</summary>
    public IReadOnlyList<(string Path, string Text)> Loads { get; }

    /// <summary>Every <c>#r</c>: the full path of an assembly file, or the bare name as written (<c>#r "System.Xml"</c>).</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>The <c>#r</c>'ed assembly files that exist.</summary>
    public IEnumerable<string> ReferenceFiles => References.Where(r => System.IO.Path.IsPathRooted(r) && File.Exists(r));

    /// <summary>
    /// Reads <paramref name="scriptPath"/> and follows its <c>#load</c> directives the way Roslyn resolves them (relative
    /// to the including file's folder); a missing <c>#load</c>'ed file is recorded with empty text (compiling reports it).
    /// </summary>
    public static ScriptInputs Read(string scriptPath)
    {
        var path = System.IO.Path.GetFullPath(scriptPath);
        var text = File.ReadAllText(path);
        var loads = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { path };
        var references = new List<string>();
        Visit(path, text, loads, seen, references);
        return new ScriptInputs(path, text, loads, references);
    }

    private static void Visit(string file, string text, List<(string, string)> loads, HashSet<string> seen, List<string> references)
    {
        var folder = System.IO.Path.GetDirectoryName(file)!;
        foreach (var (kind, value) in HeaderDirectives(text))
        {
            if (kind == "load")
            {
                var loaded = System.IO.Path.GetFullPath(value, folder);
                if (!seen.Add(loaded)) continue;
                var loadedText = File.Exists(loaded) ? File.ReadAllText(loaded) : "";
                loads.Add((loaded, loadedText));
                Visit(loaded, loadedText, loads, seen, references);
            }
            else
            {
                bool isName = value.IndexOfAny(['/', '\\']) < 0 && !value.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !value.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);
                var reference = isName ? value : System.IO.Path.GetFullPath(value, folder);
                if (!references.Contains(reference, StringComparer.Ordinal)) references.Add(reference);
            }
        }
    }

    /// <summary>
    /// The <c>#load "x"</c> and <c>#r "x"</c> directives before the first token of code (Roslyn allows them nowhere else),
    /// skipping blank lines, comments, a <c>#!</c> line and other directives.
    /// </summary>
    internal static IEnumerable<(string Kind, string Value)> HeaderDirectives(string text)
    {
        bool inComment = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (inComment)
            {
                int end = line.IndexOf("*/", StringComparison.Ordinal);
                if (end < 0) continue;
                inComment = false;
                line = line[(end + 2)..].Trim();
            }
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            if (line.StartsWith("/*", StringComparison.Ordinal))
            {
                int end = line.IndexOf("*/", 2, StringComparison.Ordinal);
                if (end < 0) { inComment = true; continue; }
                if (line[(end + 2)..].Trim().Length == 0) continue;
                yield break;
            }
            if (!line.StartsWith('#')) yield break;
            var directive = line[1..].TrimStart();
            string? kind = directive.StartsWith("load", StringComparison.Ordinal) ? "load"
                : directive.StartsWith("r ", StringComparison.Ordinal) || directive.StartsWith("r\t", StringComparison.Ordinal) || directive.StartsWith("r\"", StringComparison.Ordinal) ? "r"
                : null;
            if (kind is null) continue;
            int open = directive.IndexOf('"'), close = open < 0 ? -1 : directive.IndexOf('"', open + 1);
            if (close > open) yield return (kind, directive[(open + 1)..close]);
        }
    }
}
