namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>One named type used by one visible member (<c>Imaging.Sdk.PluginManifest.Load</c>) or type (<c>X (base type)</c>).</summary>
internal sealed record SurfaceUse(string Member, TypeOrigin Origin);
