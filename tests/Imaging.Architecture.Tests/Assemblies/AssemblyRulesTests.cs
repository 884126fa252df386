using System.Reflection;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>DESIGN.md's layers on the built assemblies: what each one's metadata says it references.</summary>
public sealed class AssemblyRulesTests
{
    private static readonly RepoLayout Repo = RepoLayout.Current;
    private static readonly BclAssemblies Bcl = BclAssemblies.Current;

    private static void AssertNone(IEnumerable<string> violations, string rule)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, $"{rule}: {list.Count} violation(s)\n  " + string.Join("\n  ", list));
    }

    private static bool IsContractPackage(AssemblyName name) =>
        Layers.ContractPackages.Contains(name.Name ?? "", StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Bcl_RunningFramework_HoldsTheClassLibraryOnly()
    {
        Assert.True(Bcl.Count > 100, $"only {Bcl.Count} BCL assemblies found in {Bcl.FrameworkFolder}");
        Assert.False(Bcl.Contains(typeof(object).Assembly.GetName()), "System.Private.* is implementation, not something compiled code references");
        Assert.True(Bcl.Contains(new AssemblyName("System.Runtime, Version=10.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")));
        Assert.False(Bcl.Contains(new AssemblyName("System.Runtime, Version=10.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef")));
        Assert.False(Bcl.Contains(new AssemblyName("Microsoft.CSharp, Version=10.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")));
    }

    [Fact]
    public void ReferencesOnly_ImagingDicom_ReferencesBclOnly()
    {
        var dicom = BuiltOutput.Assembly("Imaging.Dicom.dll");

        Assert.NotEmpty(dicom.References);
        AssertNone(AssemblyRules.ReferencesOnly(dicom, Bcl.Contains, "Imaging.Dicom uses the BCL only (DESIGN.md; see BclAssemblies for what counts)."), "Imaging.Dicom.dll is BCL only");
    }

    [Fact]
    public void ReferencesOnly_ImagingDicomImaging_ReferencesBclAndDicomOnly()
    {
        var imaging = BuiltOutput.Assembly("Imaging.Dicom.Imaging.dll");

        Assert.Contains(imaging.References, r => r.Name == "Imaging.Dicom");
        AssertNone(AssemblyRules.ReferencesOnly(imaging, r => Bcl.Contains(r) || r.Name == "Imaging.Dicom", "Imaging.Dicom.Imaging uses the BCL and Imaging.Dicom only (DESIGN.md)."),
            "Imaging.Dicom.Imaging.dll is BCL + Imaging.Dicom only");
    }

    [Fact]
    public void ReferencesOnly_ImagingSdk_ReferencesBclDicomAndAbstractionsOnly()
    {
        var sdk = BuiltOutput.Assembly("Imaging.Sdk.dll");

        AssertNone(
            AssemblyRules.ReferencesOnly(sdk, r => Bcl.Contains(r) || r.Name is "Imaging.Dicom" or "Imaging.Dicom.Imaging" || IsContractPackage(r),
                $"Imaging.Sdk references only the BCL, Imaging.Dicom, Imaging.Dicom.Imaging and {string.Join(", ", Layers.ContractPackages)} (DESIGN.md: shared types)."),
            "Imaging.Sdk.dll references the contract only");
    }

    [Theory]
    [InlineData("Imaging.Host.dll")]
    [InlineData("imaging.dll")]
    public void ReferencesNone_HostAssembly_ReferencesNoPlugin(string fileName)
    {
        var host = BuiltOutput.Assembly(fileName);
        var plugins = BuiltOutput.PluginAssemblies(Repo, BuiltOutput.Plugins);

        AssertNone(
            AssemblyRules.ReferencesNone(host, plugins, "the host never references a plugin at compile time; it discovers plugin folders at run time (DESIGN.md: layers)."),
            $"{fileName} references no plugin");
    }

    [Fact]
    public void PluginEntryIsolated_EveryLaidOutPlugin_ReferencesNoHostNorOtherPlugin()
    {
        var laidOut = BuiltOutput.Plugins;
        var hosts = BuiltOutput.HostAssemblies(Repo);
        var plugins = BuiltOutput.PluginAssemblies(Repo, laidOut);

        // Vacuous with zero plugin folders; PluginLayoutTests.PluginLayout_PluginsFolder_HoldsAtLeastOnePlugin guards that.
        AssertNone(laidOut.SelectMany(p => AssemblyRules.PluginEntryIsolated(p, hosts, plugins)), "plugin entry assemblies are isolated");
    }

    [Fact]
    public void PluginCarriesNoSharedCopy_EveryLaidOutPlugin_LeavesSharedTypesToTheHost()
    {
        var hosts = BuiltOutput.HostAssemblies(Repo);

        AssertNone(BuiltOutput.Plugins.SelectMany(p => AssemblyRules.PluginCarriesNoSharedCopy(p, hosts)), "plugin folders carry no shared assembly");
    }
}
