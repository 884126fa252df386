namespace Imaging.Scripting.Tests.Running;

/// <summary>Every file and folder the scripting tests use, in one place (STYLE.md rule 6).</summary>
internal static class TestFiles
{
    /// <summary>The repository root (the folder holding Platform.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
            var fromSource = Path.GetFullPath(Path.Combine(ThisFolder(), "..", "..", ".."));
            return File.Exists(Path.Combine(fromSource, "Platform.sln")) ? fromSource : throw new DirectoryNotFoundException("Platform.sln not found");
        }
    }

    /// <summary>The example scripts shipped in scripts/.</summary>
    public static string ScriptsFolder => Path.Combine(RepoRoot, "scripts");

    /// <summary>An example script by file name.</summary>
    public static string Script(string name) => Path.Combine(ScriptsFolder, name);

    /// <summary>The test anonymizer fixture plugin (tests/plugins/Fixture.Anonymizer), laid out beside the tests.</summary>
    public static string AnonymizerPluginFolder => Path.Combine(AppContext.BaseDirectory, "test-plugins", "Fixture.Anonymizer");

    /// <summary>The CLI's main assembly beside the tests (`dotnet imaging.dll` runs it in a process of its own).</summary>
    public static string ImagingDll => Path.Combine(AppContext.BaseDirectory, "imaging.dll");

    private static string ThisFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
