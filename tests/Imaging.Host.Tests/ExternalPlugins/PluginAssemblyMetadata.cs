using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Imaging.Host.Tests.ExternalPlugins;

/// <summary>
/// What a plugin assembly references and implements, read from its metadata with System.Reflection.Metadata — the
/// assembly is never loaded, so the check holds whatever the host's load context would do.
/// </summary>
public sealed class PluginAssemblyMetadata
{
    private PluginAssemblyMetadata(string name, IReadOnlyList<AssemblyName> references, IReadOnlyList<string> pluginTypes)
    {
        Name = name;
        References = references;
        PluginTypes = pluginTypes;
    }

    /// <summary>The assembly's simple name.</summary>
    public string Name { get; }

    /// <summary>The assemblies it references (its AssemblyRef table).</summary>
    public IReadOnlyList<AssemblyName> References { get; }

    /// <summary>Full names of the public, non-abstract types that declare <c>Imaging.Sdk.IPlugin</c> among their interfaces.</summary>
    public IReadOnlyList<string> PluginTypes { get; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static PluginAssemblyMetadata Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h).GetAssemblyName()).ToList();

        var pluginTypes = new List<string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility != TypeAttributes.Public || (type.Attributes & TypeAttributes.Abstract) != 0) continue;
            foreach (var ih in type.GetInterfaceImplementations())
            {
                var iface = md.GetInterfaceImplementation(ih).Interface;
                if (iface.Kind != HandleKind.TypeReference) continue;
                var r = md.GetTypeReference((TypeReferenceHandle)iface);
                if (md.GetString(r.Namespace) == "Imaging.Sdk" && md.GetString(r.Name) == "IPlugin")
                    pluginTypes.Add($"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}");
            }
        }
        return new PluginAssemblyMetadata(md.GetString(md.GetAssemblyDefinition().Name), references, pluginTypes);
    }

    /// <summary>
    /// The assemblies a plugin may reference without shipping them: the ones the host shares across plugin load contexts
    /// (DESIGN.md: Imaging.Dicom*, Imaging.Sdk, the DI and logging abstractions).
    /// </summary>
    public static IReadOnlySet<string> SharedAssemblies { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Imaging.Sdk",
        "Imaging.Dicom",
        "Imaging.Dicom.Imaging",
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Logging.Abstractions",
    };

    /// <summary>Whether <paramref name="name"/> is part of the shared framework this test runs on (Microsoft.NETCore.App: the BCL).</summary>
    public static bool IsBcl(string name) =>
        File.Exists(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), name + ".dll"));

    /// <summary>The references that are neither shared with the host nor part of the BCL.</summary>
    public IReadOnlyList<string> DisallowedReferences() =>
        References.Select(r => r.Name!).Where(n => !SharedAssemblies.Contains(n) && !IsBcl(n)).ToList();
}
