namespace Imaging.Dicom.Generator;

/// <summary>Writes a generated file through a temporary file and a rename, so a build never compiles half a file.</summary>
internal static class GeneratedFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="directory"/>/<paramref name="fileName"/> (UTF-8, no BOM).</summary>
    public static void Write(string directory, string fileName, string content)
    {
        var path = Path.Combine(directory, fileName);
        var temp = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temp, content, new System.Text.UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
