namespace Imaging.Dicom.Tests;

/// <summary>
/// Where the test data lives on this machine (STYLE.md rule 6: one class for file lookups). The DICOM files are the
/// ones Debian's python3-pydicom ships: real files in every transfer syntax, character sets and malformed variants.
/// </summary>
public static class TestFiles
{
    /// <summary>The pydicom data folder (holds test_files and charset_files).</summary>
    public const string PydicomData = "/usr/lib/python3/dist-packages/pydicom/data";

    /// <summary>pydicom's test_files folder (with its dicomdirtests subfolder).</summary>
    public static string PydicomTestFilesFolder => Path.Combine(PydicomData, "test_files");

    /// <summary>pydicom's charset_files folder (one file per Specific Character Set).</summary>
    public static string PydicomCharsetFilesFolder => Path.Combine(PydicomData, "charset_files");

    /// <summary>A file of pydicom's test_files by name, e.g. <c>TestFiles.Pydicom("CT_small.dcm")</c>.</summary>
    public static string Pydicom(string name) => Existing(Path.Combine(PydicomTestFilesFolder, name));

    /// <summary>A file of pydicom's charset_files by name, e.g. <c>TestFiles.Charset("chrH31.dcm")</c>.</summary>
    public static string Charset(string name) => Existing(Path.Combine(PydicomCharsetFilesFolder, name));

    /// <summary>A file by its path relative to <see cref="PydicomData"/>, e.g. "test_files/dicomdirtests/DICOMDIR".</summary>
    public static string FromPydicomData(string relativePath) => Existing(Path.Combine(PydicomData, relativePath));

    /// <summary>
    /// Every file under test_files (recursively, including dicomdirtests) and charset_files, as paths relative to
    /// <see cref="PydicomData"/>, in ordinal order. Not only DICOM: the READMEs, dumps, JSON and gzip files are there
    /// too, which is useful for checking that non-DICOM input is rejected cleanly.
    /// </summary>
    public static IReadOnlyList<string> AllPydicomFiles() =>
        [.. new[] { PydicomTestFilesFolder, PydicomCharsetFilesFolder }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(PydicomData, p))
            .Order(StringComparer.Ordinal)];

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"test file {path} is missing; is python3-pydicom installed?", path);
}
