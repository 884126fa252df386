namespace Imaging.Cli.Tests;

/// <summary>Every file and tool the CLI tests use, in one place (STYLE.md rule 6).</summary>
internal static class TestFiles
{
    /// <summary>pydicom's test files (Debian python3-pydicom).</summary>
    public const string PydicomTestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    /// <summary>A small CT in explicit VR little endian with private GE groups and a nested sequence.</summary>
    public static string CtSmall => Path.Combine(PydicomTestFiles, "CT_small.dcm");

    /// <summary>A folder of real instances and seven DICOMDIR variants (PS3.10 §8).</summary>
    public static string DicomDirTests => Path.Combine(PydicomTestFiles, "dicomdirtests");

    /// <summary>The toy anonymizer plugin (tests/plugins/Fixture.Anonymizer, profile basic), laid out beside the tests.</summary>
    public static string AnonymizerPluginFolder => Path.Combine(AppContext.BaseDirectory, "test-plugins", "Fixture.Anonymizer");

    /// <summary>dcmtk's dcmdump, the oracle for `imaging dump`.</summary>
    public const string DcmDump = "/usr/bin/dcmdump";

    /// <summary>
    /// The built `imaging` apphost: copied beside the tests when the SDK does so, otherwise in the CLI project's own
    /// output folder (artifacts layout when IMAGING_ARTIFACTS is set, bin/ otherwise) for the same configuration.
    /// </summary>
    public static string ImagingAppHost
    {
        get
        {
            var name = OperatingSystem.IsWindows() ? "imaging.exe" : "imaging";
            var beside = Path.Combine(AppContext.BaseDirectory, name);
            if (File.Exists(beside)) return beside;
            var config = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            // artifacts: <root>/bin/Imaging.Cli.Tests/<config>/ ; classic: tests/Imaging.Cli.Tests/bin/<Config>/net10.0/
            var candidates = new[]
            {
                Path.Combine(config.Parent!.Parent!.FullName, "Imaging.Cli", config.Name, name),
                Path.Combine(RepoRoot, "host", "Imaging.Cli", "bin", config.Parent!.Name, config.Name, name),
            };
            return candidates.FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"the imaging apphost was not found beside the tests nor at {string.Join(", ", candidates)}; build host/Imaging.Cli first");
        }
    }

    /// <summary>The repository root (the folder holding Platform.sln), found upwards from the source of this file's assembly.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
            var fromSource = Path.GetFullPath(Path.Combine(ThisFolder(), "..", ".."));
            return File.Exists(Path.Combine(fromSource, "Platform.sln")) ? fromSource : throw new DirectoryNotFoundException("Platform.sln not found");
        }
    }

    private static string ThisFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
