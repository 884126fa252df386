using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>
/// The types an assembly's public surface is written in, read from metadata only: for every type visible outside
/// the assembly (public, or nested public/protected in one), its base type, interfaces and generic constraints, and
/// the signatures of its public and protected fields and methods (property and event accessors included).
/// Custom attributes are not walked (an attribute's type on a public member is not something a caller must bind to).
/// </summary>
internal static class PublicSurface
{
    public static IReadOnlyList<SurfaceUse> Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var provider = new SurfaceTypeProvider(reader.GetAssemblyDefinition().GetAssemblyName());
        var uses = new List<SurfaceUse>();

        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (!IsVisible(reader, type)) continue;
            var typeName = SurfaceTypeProvider.FullName(reader, handle);
            void Add(string member, IEnumerable<TypeOrigin> origins) => uses.AddRange(origins.Select(o => new SurfaceUse(member, o)));

            if (!type.BaseType.IsNil) Add($"{typeName} (base type)", provider.Decode(reader, type.BaseType));
            foreach (var i in type.GetInterfaceImplementations())
                Add($"{typeName} (interface)", provider.Decode(reader, reader.GetInterfaceImplementation(i).Interface));
            foreach (var p in type.GetGenericParameters())
                foreach (var c in reader.GetGenericParameter(p).GetConstraints())
                    Add($"{typeName} (generic constraint)", provider.Decode(reader, reader.GetGenericParameterConstraint(c).Type));

            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                if (!IsVisible(field.Attributes & FieldAttributes.FieldAccessMask)) continue;
                Add($"{typeName}.{reader.GetString(field.Name)}", field.DecodeSignature(provider, null));
            }
            foreach (var m in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(m);
                if (!IsVisible(method.Attributes & MethodAttributes.MemberAccessMask)) continue;
                var member = $"{typeName}.{reader.GetString(method.Name)}";
                var signature = method.DecodeSignature(provider, null);
                Add(member, signature.ReturnType);
                foreach (var parameter in signature.ParameterTypes) Add(member, parameter);
                foreach (var p in method.GetGenericParameters())
                    foreach (var c in reader.GetGenericParameter(p).GetConstraints())
                        Add($"{member} (generic constraint)", provider.Decode(reader, reader.GetGenericParameterConstraint(c).Type));
            }
        }
        return uses;
    }

    private static bool IsVisible(MetadataReader reader, TypeDefinition type) =>
        (type.Attributes & TypeAttributes.VisibilityMask) switch
        {
            TypeAttributes.Public => true,
            TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem =>
                IsVisible(reader, reader.GetTypeDefinition(type.GetDeclaringType())),
            _ => false,
        };

    private static bool IsVisible(FieldAttributes access) =>
        access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem;

    private static bool IsVisible(MethodAttributes access) =>
        access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;
}
