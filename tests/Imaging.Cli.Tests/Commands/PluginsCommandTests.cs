using System.Text.Json;

namespace Imaging.Cli.Tests.Commands;

/// <summary>`imaging plugins list|inspect|verify` against the shipped plugins laid out next to the test assembly.</summary>
public sealed class PluginsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public PluginsCommandTests()
    {
        // Keep ~/.imaging out of the tests: no user plugins, no audit log in the real home.
        Environment.SetEnvironmentVariable("IMAGING_HOME", Path.Combine(Path.GetTempPath(), "imaging-cli-tests-home"));
    }

    public void Dispose() => _temp.Dispose();

    private static string ShippedPlugin(string name) => Path.Combine(AppContext.BaseDirectory, "plugins", name);

    [Fact]
    public void List_ShippedPlugins_ShowsEachLoadedWithCapabilitiesAndPermissions()
    {
        var r = Cli.Run("plugins", "list");
        Assert.True(r.ExitCode == 0, r.ToString());
        var filters = r.Stdout.Split('\n').Single(l => l.StartsWith("imaging.filters", StringComparison.Ordinal));
        Assert.Contains("loaded", filters);
        Assert.Contains("filter:gaussian", filters);
        Assert.Contains("none", filters);
        var folder = r.Stdout.Split('\n').Single(l => l.StartsWith("imaging.folder", StringComparison.Ordinal));
        Assert.Contains("source:folder", folder);
        Assert.Contains("sink:folder", folder);
        Assert.Contains("phi, filesystem-write", folder);
        Assert.Contains("allow-list", r.Stdout);
    }

    [Fact]
    public void List_JsonFormat_IsAnArrayWithOneObjectPerPlugin()
    {
        var r = Cli.Run("plugins", "list", "--format", "json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var filters = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "imaging.filters");
        Assert.Equal("loaded", filters.GetProperty("status").GetString());
        Assert.Contains(filters.GetProperty("capabilities").EnumerateArray(), c => c.GetProperty("name").GetString() == "gaussian" && c.GetProperty("kind").GetString() == "filter");
        Assert.Empty(filters.GetProperty("permissions").EnumerateArray());
    }

    [Fact]
    public void List_BrokenPluginOnPluginPath_IsReportedWithReasonAndOthersStillLoad()
    {
        var broken = Directory.CreateDirectory(_temp.File("extra/broken")).FullName;
        File.WriteAllText(Path.Combine(broken, "plugin.json"), """{"id":"acme.future","version":"1.0.0","sdk":"[9.0,10.0)","entryAssembly":"Acme.Future.dll"}""");
        var r = Cli.Run("plugins", "list", "--plugin-path", _temp.File("extra"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("acme.future", r.Stdout);
        Assert.Contains("incompatible", r.Stdout);
        Assert.Contains("built for SDK [9.0,10.0)", r.Stdout);
        Assert.Contains(r.Stdout.Split('\n'), l => l.StartsWith("imaging.filters", StringComparison.Ordinal) && l.Contains("loaded"));
    }

    [Fact]
    public void Inspect_KnownPlugin_PrintsManifestAndCapabilities()
    {
        var r = Cli.Run("plugins", "inspect", "imaging.filters");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("sdk range", r.Stdout);
        Assert.Contains("filter:gaussian", r.Stdout);
        Assert.Contains("receives data sets only after the active de-identification policy", r.Stdout);
    }

    [Fact]
    public void Inspect_UnknownId_ExitsTwoListingKnownIds()
    {
        var r = Cli.Run("plugins", "inspect", "no.such.plugin");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no plugin 'no.such.plugin'", r.Stderr);
        Assert.Contains("imaging.filters", r.Stderr);
    }

    [Fact]
    public void Verify_ShippedFiltersPlugin_PassesEveryCheck()
    {
        var r = Cli.Run("plugins", "verify", ShippedPlugin("Imaging.Plugins.Filters"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("pass  manifest", r.Stdout);
        Assert.Contains("filter:gaussian", r.Stdout);
        Assert.DoesNotContain("FAIL", r.Stdout);
        Assert.Contains("OK: the plugin passes every check.", r.Stdout);
    }

    [Fact]
    public void Verify_ShippedFolderPlugin_PassesEveryCheck()
    {
        var r = Cli.Run("plugins", "verify", ShippedPlugin("Imaging.Plugins.Folder"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("source:folder", r.Stdout);
        Assert.Contains("sink:folder", r.Stdout);
        Assert.DoesNotContain("FAIL", r.Stdout);
    }

    [Fact]
    public void Verify_InvalidManifest_FailsNamingTheField()
    {
        var folder = Directory.CreateDirectory(_temp.File("bad")).FullName;
        File.WriteAllText(Path.Combine(folder, "plugin.json"), """{"id":"acme.bad","version":"one","sdk":"1.0","entryAssembly":"Acme.Bad.dll"}""");
        var r = Cli.Run("plugins", "verify", folder);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("FAIL  manifest", r.Stdout);
        Assert.Contains("\"version\"", r.Stdout);
    }

    [Fact]
    public void Verify_MissingFolder_ExitsTwo()
    {
        var r = Cli.Run("plugins", "verify", _temp.File("nothing-here"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such plugin folder", r.Stderr);
    }

    [Fact]
    public void Verify_EntryAssemblyThatIsNotAnAssembly_FailsAtLoad()
    {
        var folder = Directory.CreateDirectory(_temp.File("garbage")).FullName;
        File.WriteAllText(Path.Combine(folder, "plugin.json"), """{"id":"acme.garbage","version":"1.0.0","sdk":"[1.0,2.0)","entryAssembly":"Acme.Garbage.dll","capabilities":["filter"]}""");
        File.WriteAllText(Path.Combine(folder, "Acme.Garbage.dll"), "this is not a PE file");
        var r = Cli.Run("plugins", "verify", folder);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("FAIL  load", r.Stdout);
        Assert.Contains("could not be loaded", r.Stdout);
    }
}
