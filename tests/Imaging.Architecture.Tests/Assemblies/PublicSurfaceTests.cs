namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>Imaging.Sdk's public signatures speak only in BCL, Imaging.Dicom(.Imaging), Imaging.Sdk, DI and logging types.</summary>
public sealed class PublicSurfaceTests
{
    private static readonly BclAssemblies Bcl = BclAssemblies.Current;

    private static bool IsContractType(TypeOrigin origin) =>
        Bcl.Contains(origin.Assembly)
        || origin.Assembly.Name is "Imaging.Sdk" or "Imaging.Dicom" or "Imaging.Dicom.Imaging"
        || Layers.ContractPackages.Contains(origin.Assembly.Name ?? "", StringComparer.OrdinalIgnoreCase);

    private static string Describe(SurfaceUse use) => $"{use.Member} uses {use.Origin.Type} from {AssemblyFile.Describe(use.Origin.Assembly)}";

    [Fact]
    public void PublicSurface_ImagingSdk_UsesOnlyContractTypes()
    {
        var sdk = BuiltOutput.Assembly("Imaging.Sdk.dll");

        var uses = PublicSurface.Of(sdk.Path);
        var leaks = uses.Where(u => !IsContractType(u.Origin)).Select(Describe).ToList();

        Assert.Contains(uses, u => u.Origin.Assembly.Name == "Imaging.Dicom");
        Assert.True(leaks.Count == 0, $"Imaging.Sdk.dll's public API exposes {leaks.Count} type use(s) from outside the contract (BCL, Imaging.Dicom, Imaging.Dicom.Imaging, Imaging.Sdk, {string.Join(", ", Layers.ContractPackages)}):\n  " + string.Join("\n  ", leaks));
    }

    [Fact]
    public void PublicSurface_PublicMemberOfAHostType_IsFlagged()
    {
        var uses = PublicSurface.Of(typeof(LeakySurfaceSample).Assembly.Location)
            .Where(u => u.Member.StartsWith(typeof(LeakySurfaceSample).FullName!, StringComparison.Ordinal))
            .ToList();

        var leaks = uses.Where(u => !IsContractType(u.Origin)).Select(Describe).ToList();

        Assert.Equal(2, leaks.Count);
        Assert.Contains(leaks, l => l.StartsWith($"{typeof(LeakySurfaceSample).FullName}.get_Options uses Imaging.Host.HostOptions from Imaging.Host,", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.StartsWith($"{typeof(LeakySurfaceSample).FullName}.Configure uses Imaging.Host.HostOptions from Imaging.Host,", StringComparison.Ordinal));
        Assert.DoesNotContain(uses, u => u.Member.EndsWith("Hidden", StringComparison.Ordinal));
    }
}
