using System.Runtime.CompilerServices;

namespace Imaging.Plugins.Tests.Fixtures;

/// <summary>
/// Paths in the source tree: found above this source file (the tests run where they were built), else above the test
/// assembly or the working directory (when the build maps source paths).
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string PluginProject(string name) => Path.Combine(Root, "plugins", name);

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
                if (File.Exists(Path.Combine(dir, "Platform.sln"))) return dir;
        }
        throw new InvalidOperationException($"no Platform.sln above {thisFile}, {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}");
    }
}
