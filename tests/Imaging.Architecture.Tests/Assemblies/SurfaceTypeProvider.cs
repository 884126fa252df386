using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>
/// Decodes a signature blob into the named types it is built from (<c>Task&lt;IReadOnlyList&lt;DicomInstance&gt;&gt;</c>
/// gives Task, IReadOnlyList and DicomInstance with their assemblies). Primitives and generic parameters give nothing:
/// they belong to no assembly a layer could forbid.
/// </summary>
internal sealed class SurfaceTypeProvider(AssemblyName self) : ISignatureTypeProvider<IReadOnlyList<TypeOrigin>, object?>
{
    public IReadOnlyList<TypeOrigin> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];

    public IReadOnlyList<TypeOrigin> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        [new(self, FullName(reader, handle))];

    public IReadOnlyList<TypeOrigin> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        [new(ScopeOf(reader, handle), FullName(reader, handle))];

    public IReadOnlyList<TypeOrigin> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public IReadOnlyList<TypeOrigin> GetSZArrayType(IReadOnlyList<TypeOrigin> elementType) => elementType;

    public IReadOnlyList<TypeOrigin> GetArrayType(IReadOnlyList<TypeOrigin> elementType, ArrayShape shape) => elementType;

    public IReadOnlyList<TypeOrigin> GetByReferenceType(IReadOnlyList<TypeOrigin> elementType) => elementType;

    public IReadOnlyList<TypeOrigin> GetPointerType(IReadOnlyList<TypeOrigin> elementType) => elementType;

    public IReadOnlyList<TypeOrigin> GetPinnedType(IReadOnlyList<TypeOrigin> elementType) => elementType;

    public IReadOnlyList<TypeOrigin> GetGenericInstantiation(IReadOnlyList<TypeOrigin> genericType, ImmutableArray<IReadOnlyList<TypeOrigin>> typeArguments) =>
        [.. genericType, .. typeArguments.SelectMany(a => a)];

    public IReadOnlyList<TypeOrigin> GetGenericMethodParameter(object? genericContext, int index) => [];

    public IReadOnlyList<TypeOrigin> GetGenericTypeParameter(object? genericContext, int index) => [];

    public IReadOnlyList<TypeOrigin> GetFunctionPointerType(MethodSignature<IReadOnlyList<TypeOrigin>> signature) =>
        [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(p => p)];

    public IReadOnlyList<TypeOrigin> GetModifiedType(IReadOnlyList<TypeOrigin> modifier, IReadOnlyList<TypeOrigin> unmodifiedType, bool isRequired) =>
        [.. modifier, .. unmodifiedType];

    /// <summary>The type a TypeDef, TypeRef or TypeSpec handle names, decoded the same way.</summary>
    public IReadOnlyList<TypeOrigin> Decode(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => GetTypeFromDefinition(reader, (TypeDefinitionHandle)handle, 0),
        HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)handle, 0),
        HandleKind.TypeSpecification => GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)handle, 0),
        _ => [],
    };

    public static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var outer = type.GetDeclaringType();
        if (!outer.IsNil) return $"{FullName(reader, outer)}+{name}";
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : $"{ns}.{name}";
    }

    private static string FullName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference) return $"{FullName(reader, (TypeReferenceHandle)type.ResolutionScope)}+{name}";
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : $"{ns}.{name}";
    }

    private AssemblyName ScopeOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.AssemblyReference => reader.GetAssemblyReference((AssemblyReferenceHandle)scope).GetAssemblyName(),
            HandleKind.TypeReference => ScopeOf(reader, (TypeReferenceHandle)scope),
            _ => self, // ModuleDefinition, ModuleReference or nil: this assembly
        };
    }
}
