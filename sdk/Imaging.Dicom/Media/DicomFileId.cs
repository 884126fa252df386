namespace Imaging.Dicom.Media;

/// <summary>
/// File IDs of a file-set (PS3.10 §8.5): the path of a file relative to the DICOMDIR's folder as at most eight
/// components of one to eight characters from A-Z, 0-9 and underscore; and their resolution on real media.
/// </summary>
internal static class DicomFileId
{
    /// <summary>The most components a File ID may have (PS3.10 §8.5).</summary>
    public const int MaxComponents = 8;

    /// <summary>The longest a File ID component may be (PS3.10 §8.5).</summary>
    public const int MaxComponentLength = 8;

    /// <summary>Splits a relative path ('/' or '\' separated) into File ID components, checking PS3.10 §8.5.</summary>
    /// <exception cref="ArgumentException">The path is not a valid File ID; the message says which rule it breaks.</exception>
    public static string[] Parse(string relativePath, string paramName)
    {
        ArgumentNullException.ThrowIfNull(relativePath, paramName);
        var components = relativePath.Split('/', '\\');
        if (relativePath.Length == 0 || components.Any(c => c.Length == 0))
            throw Invalid(relativePath, "it is empty or has an empty component (a leading, trailing or doubled separator)", paramName);
        if (components.Length > MaxComponents)
            throw Invalid(relativePath, $"it has {components.Length} components; at most {MaxComponents} are allowed", paramName);
        foreach (var c in components)
        {
            if (c.Length > MaxComponentLength)
                throw Invalid(relativePath, $"component '{c}' has {c.Length} characters; at most {MaxComponentLength} are allowed", paramName);
            foreach (var ch in c)
            {
                if (IsAllowed(ch)) continue;
                var hint = char.IsAsciiLetterLower(ch) ? $" (use upper case: '{c.ToUpperInvariant()}')"
                    : ch == '.' ? " (file IDs have no extensions, and '.' or '..' are not allowed)" : "";
                throw Invalid(relativePath, $"component '{c}' holds '{ch}', which is not one of A-Z, 0-9 and _{hint}", paramName);
            }
        }
        return components;
    }

    /// <summary>True for the characters a File ID component may hold: A-Z, 0-9 and underscore (PS3.10 §8.5).</summary>
    public static bool IsAllowed(char ch) => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch) || ch == '_';

    /// <summary>
    /// The path of a File ID under <paramref name="folder"/>. When the exact path does not exist, each component is
    /// matched case-insensitively and ignoring an ISO 9660 version suffix (";1") and trailing dot, as CDs and files
    /// copied from other systems need; when nothing matches, the exact path is returned.
    /// </summary>
    public static string Resolve(string folder, IReadOnlyList<string> components)
    {
        var exact = Path.Combine([folder, .. components]);
        if (File.Exists(exact)) return exact;
        var current = folder;
        for (int i = 0; i < components.Count; i++)
        {
            bool last = i == components.Count - 1;
            var direct = Path.Combine(current, components[i]);
            if (last ? File.Exists(direct) : Directory.Exists(direct))
            {
                current = direct;
                continue;
            }
            var match = FindEntry(current, components[i], files: last);
            if (match is null) return exact;
            current = match;
        }
        return current;
    }

    private static string? FindEntry(string folder, string component, bool files)
    {
        try
        {
            var entries = files ? Directory.EnumerateFiles(folder) : Directory.EnumerateDirectories(folder);
            string? loose = null;
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (string.Equals(name, component, StringComparison.OrdinalIgnoreCase)) return entry;
                if (loose is null && string.Equals(StripIsoSuffix(name), component, StringComparison.OrdinalIgnoreCase)) loose = entry;
            }
            return loose;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>"IM1.;1" → "IM1": drops an ISO 9660 version number and the dot of an empty extension.</summary>
    private static string StripIsoSuffix(string name)
    {
        int semicolon = name.LastIndexOf(';');
        if (semicolon >= 0 && semicolon < name.Length - 1 && name.AsSpan(semicolon + 1).ContainsAnyExceptInRange('0', '9') == false)
            name = name[..semicolon];
        return name.TrimEnd('.');
    }

    private static ArgumentException Invalid(string path, string problem, string paramName) =>
        new($"'{path}' is not a valid DICOM File ID: {problem} (PS3.10 §8.5: at most {MaxComponents} components of 1 to {MaxComponentLength} characters from A-Z, 0-9 and _).", paramName);
}
