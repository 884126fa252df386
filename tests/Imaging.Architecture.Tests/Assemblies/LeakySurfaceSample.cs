using Imaging.Host;

namespace Imaging.Architecture.Tests.Assemblies;

/// <summary>
/// A public type whose surface exposes a host type, for <see cref="PublicSurfaceTests"/> to show that
/// <see cref="PublicSurface"/> sees it (the property getter and the generic instantiation in a parameter) while an
/// internal member with the same type is not part of the surface.
/// </summary>
public sealed class LeakySurfaceSample
{
    internal HostOptions? Hidden { get; set; }

    public HostOptions Options => Hidden ?? new HostOptions();

    public void Configure(Action<HostOptions> configure) => configure(Options);
}
