namespace Imaging.Architecture.Tests;

/// <summary>The names DESIGN.md's layer rules are written in, in one place.</summary>
internal static class Layers
{
    public const string DicomProject = "sdk/Imaging.Dicom/Imaging.Dicom.csproj";
    public const string DicomImagingProject = "sdk/Imaging.Dicom.Imaging/Imaging.Dicom.Imaging.csproj";
    public const string SdkProject = "sdk/Imaging.Sdk/Imaging.Sdk.csproj";

    /// <summary>The file every plugin project imports (through plugins/Directory.Build.targets); its SDK references are the plugins' SDK references.</summary>
    public const string PluginTargets = "plugins/ImagingPlugin.targets";

    public const string DependencyInjectionAbstractions = "Microsoft.Extensions.DependencyInjection.Abstractions";
    public const string LoggingAbstractions = "Microsoft.Extensions.Logging.Abstractions";

    /// <summary>The only packages Imaging.Sdk may depend on (besides analyzers): the abstractions it shares with plugins.</summary>
    public static readonly IReadOnlyList<string> ContractPackages = [DependencyInjectionAbstractions, LoggingAbstractions];

    /// <summary>
    /// Host assemblies no plugin may reference: the host, the CLI (project Imaging.Cli, assembly <c>imaging</c>) and the
    /// composition surfaces still to come. Tests add the assembly names of every project under host/ to this list.
    /// </summary>
    public static readonly IReadOnlyList<string> HostAssemblies = ["Imaging.Host", "Imaging.Cli", "imaging", "Imaging.Scripting", "Imaging.Interactive"];

    /// <summary>
    /// Whether an assembly is one of the types shared across plugin load contexts (DESIGN.md: <c>Imaging.Dicom*</c>,
    /// <c>Imaging.Sdk</c>, the DI and logging abstractions): the host provides them, so a plugin must not carry a copy
    /// (its own copy would load into its context and its types would not match the host's).
    /// </summary>
    public static bool IsShared(string assemblyName) =>
        assemblyName.Equals("Imaging.Sdk", StringComparison.OrdinalIgnoreCase)
        || assemblyName.Equals("Imaging.Dicom", StringComparison.OrdinalIgnoreCase)
        || assemblyName.StartsWith("Imaging.Dicom.", StringComparison.OrdinalIgnoreCase)
        || ContractPackages.Contains(assemblyName, StringComparer.OrdinalIgnoreCase);
}
