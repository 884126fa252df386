namespace Imaging.Architecture.Tests.Projects;

/// <summary>The MSBuild items that make one project depend on something at compile or run time.</summary>
internal enum ProjectItemKind
{
    /// <summary><c>&lt;ProjectReference&gt;</c>: another project of the build.</summary>
    ProjectReference,

    /// <summary><c>&lt;PackageReference&gt;</c>: a NuGet package.</summary>
    PackageReference,

    /// <summary><c>&lt;Reference&gt;</c>: a raw assembly (by name or HintPath).</summary>
    Reference,

    /// <summary><c>&lt;FrameworkReference&gt;</c>: a shared framework beyond Microsoft.NETCore.App (ASP.NET Core, ...).</summary>
    FrameworkReference,
}
