using System.Reflection;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>A named type a signature is built from, and the assembly its reference points to.</summary>
internal sealed record TypeOrigin(AssemblyName Assembly, string Type);
