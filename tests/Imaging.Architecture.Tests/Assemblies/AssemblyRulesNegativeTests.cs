namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>
/// The assembly rules bite: real built assemblies that break a rule (the host's, this test assembly) and crafted
/// plugin folders in a temp folder go through the same <see cref="AssemblyRules"/> code as the real checks.
/// </summary>
public sealed class AssemblyRulesNegativeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string ThisAssembly => typeof(AssemblyRulesNegativeTests).Assembly.Location;

    private LaidOutPlugin CraftPlugin(string name, string entryAssembly, params string[] files)
    {
        _temp.Write($"plugins/{name}/plugin.json", $$"""{ "id": "test.{{name.ToLowerInvariant()}}", "version": "1.0.0", "sdk": "[1.0,2.0)", "entryAssembly": "{{entryAssembly}}" }""");
        foreach (var file in files)
        {
            var target = Path.Combine(_temp.Path, "plugins", name, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(ThisAssembly, target);
        }
        return LaidOutPlugin.Read(Path.Combine(_temp.Path, "plugins", name));
    }

    [Fact]
    public void ReferencesOnly_HostAssemblyAgainstTheBcl_FlagsItsPackagesAndTheSdk()
    {
        var host = BuiltOutput.Assembly("Imaging.Host.dll");

        var violations = AssemblyRules.ReferencesOnly(host, BclAssemblies.Current.Contains, "BCL only.").ToList();

        Assert.All(violations, v => Assert.StartsWith("Imaging.Host.dll (", v, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains(" references McMaster.NETCore.Plugins, Version=", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains(" references Imaging.Sdk, Version=", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(" references System.Runtime,", StringComparison.Ordinal));
    }

    [Fact]
    public void ReferencesOnly_CliAgainstTheBcl_FlagsPackagesNamedLikeTheBcl()
    {
        var cli = BuiltOutput.Assembly("imaging.dll");

        var violations = AssemblyRules.ReferencesOnly(cli, BclAssemblies.Current.Contains, "BCL only.").ToList();

        Assert.Contains(violations, v => v.Contains(" references System.CommandLine, Version=", StringComparison.Ordinal));
    }

    [Fact]
    public void ReferencesNone_HostReferencingAPluginName_IsFlagged()
    {
        var host = BuiltOutput.Assembly("Imaging.Host.dll");

        var violation = Assert.Single(AssemblyRules.ReferencesNone(host, ["Imaging.Plugins.Folder", "Imaging.Sdk"], "no plugins."));

        Assert.StartsWith("Imaging.Host.dll (", violation, StringComparison.Ordinal);
        Assert.Contains(" references Imaging.Sdk, Version=", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginEntryIsolated_EntryReferencingHostAndAnotherPlugin_IsFlagged()
    {
        // This test assembly references Imaging.Host (LeakySurfaceSample) and Imaging.Sdk (LaidOutPlugin): dressed up as a
        // plugin it breaks the host rule, and the plugin rule when Imaging.Sdk is passed as another plugin's name.
        // (The CLI project is referenced too, but the compiler drops assembly references no code uses.)
        var plugin = CraftPlugin("Leaky", "Leaky.Entry.dll", "Leaky.Entry.dll");

        var violations = AssemblyRules.PluginEntryIsolated(plugin, Layers.HostAssemblies, ["Leaky", "Imaging.Sdk"]).ToList();

        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.StartsWith("plugin folder plugins/Leaky: Leaky.Entry.dll (", v, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains(" references Imaging.Host, Version=", StringComparison.Ordinal) && v.Contains("never references the host", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains(" references Imaging.Sdk, Version=", StringComparison.Ordinal) && v.Contains("another plugin", StringComparison.Ordinal));
    }

    [Fact]
    public void PluginEntryIsolated_MissingEntryAssembly_IsFlagged()
    {
        var plugin = CraftPlugin("Empty", "Empty.dll");

        var violation = Assert.Single(AssemblyRules.PluginEntryIsolated(plugin, Layers.HostAssemblies, []));

        Assert.Equal("plugin folder plugins/Empty: entry assembly Empty.dll (plugin.json) is not in the folder.", violation);
    }

    [Fact]
    public void PluginCarriesNoSharedCopy_SharedAndHostCopies_AreEachFlagged()
    {
        var plugin = CraftPlugin("Copies", "Copies.dll",
            "Copies.dll", "Imaging.Sdk.dll", "runtimes/any/lib/Imaging.Dicom.Imaging.dll", "Microsoft.Extensions.Logging.Abstractions.dll",
            "Imaging.Host.dll", "Newtonsoft.Json.dll");

        var violations = AssemblyRules.PluginCarriesNoSharedCopy(plugin, Layers.HostAssemblies).ToList();

        Assert.Equal(4, violations.Count);
        Assert.All(violations, v => Assert.StartsWith("plugin folder plugins/Copies: carries ", v, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("its own Imaging.Sdk.dll", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("its own runtimes/any/lib/Imaging.Dicom.Imaging.dll", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("its own Microsoft.Extensions.Logging.Abstractions.dll", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("host assembly Imaging.Host.dll", StringComparison.Ordinal));
    }
}
