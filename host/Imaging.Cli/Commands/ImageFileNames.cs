namespace Imaging.Cli.Commands;

/// <summary>
/// Output names derived from DICOM file names. Only a known DICOM extension is cut: files are often named by SOP
/// Instance UID (<c>1.2.826.0.1.3680043.8.498.1</c>), whose last component is not an extension, so
/// <see cref="Path.ChangeExtension(string, string)"/> would map <c>….1</c> and <c>….2</c> to the same picture.
/// </summary>
internal static class ImageFileNames
{
    private static readonly string[] DicomExtensions = [".dcm", ".dicom", ".dic", ".ima"];

    /// <summary><paramref name="fileName"/> without a DICOM extension (kept whole otherwise).</summary>
    public static string Stem(string fileName)
    {
        foreach (var extension in DicomExtensions)
        {
            if (fileName.Length > extension.Length && fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                return fileName[..^extension.Length];
        }
        return fileName;
    }

    /// <summary>A relative path as one safe file name: separators become '_', a DICOM extension goes, only [A-Za-z0-9._-] stays.</summary>
    public static string SafeStem(string relative)
    {
        var chars = Stem(relative).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        var name = new string(chars).Trim('.');
        return name.Length == 0 ? "image" : name;
    }
}
