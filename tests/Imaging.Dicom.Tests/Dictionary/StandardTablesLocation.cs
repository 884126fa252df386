using System.Runtime.CompilerServices;

namespace Imaging.Dicom.Tests.Dictionary;

/// <summary>
/// Finds shared/dicom-standard, the sibling of the repository clone (DESIGN.md): walking up from the test
/// binaries, then (when IMAGING_ARTIFACTS puts them outside the clone) from this source file.
/// </summary>
internal static class StandardTablesLocation
{
    public static string Directory => Find() ?? throw new DirectoryNotFoundException(
        "shared/dicom-standard was not found above " + AppContext.BaseDirectory + " nor above the test sources.");

    public static string AttributesJson => Path.Combine(Directory, "attributes.json");

    public static string SopsJson => Path.Combine(Directory, "sops.json");

    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "dicom-standard");
                if (File.Exists(Path.Combine(candidate, "attributes.json"))) return candidate;
            }
        }
        return null;
    }
}
