using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>An assembly's identity and references, read from its metadata tables (nothing is loaded).</summary>
internal sealed record AssemblyFile(string Path, AssemblyName Name, IReadOnlyList<AssemblyName> References)
{
    public static AssemblyFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) throw new BadImageFormatException($"{path} has no .NET metadata");
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();
        return new AssemblyFile(path, reader.GetAssemblyDefinition().GetAssemblyName(), references);
    }

    /// <summary>Whether <paramref name="path"/> is a managed assembly (native libraries in runtimes/ are not).</summary>
    public static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary><c>Name, Version=…, PublicKeyToken=…</c> for messages.</summary>
    public static string Describe(AssemblyName name)
    {
        var token = name.GetPublicKeyToken();
        return $"{name.Name}, Version={name.Version}, PublicKeyToken={(token is { Length: > 0 } ? Convert.ToHexStringLower(token) : "null")}";
    }
}
