namespace Imaging.Architecture.Tests.Projects;

/// <summary>The layer a project (or a referenced path) lies in, by its folder (DESIGN.md: layers).</summary>
internal enum ProjectArea
{
    /// <summary>sdk/: Imaging.Dicom, Imaging.Sdk, the test kit, the dictionary generator.</summary>
    Sdk,

    /// <summary>host/: Imaging.Host, Imaging.Cli, scripting, interactive.</summary>
    Host,

    /// <summary>plugins/: the plugins we ship.</summary>
    Plugins,

    /// <summary>tests/plugins/: plugin fixtures, built like plugins.</summary>
    TestPlugins,

    /// <summary>tests/ (other than tests/plugins/).</summary>
    Tests,

    /// <summary>Directly in the repository root (Directory.Build.props, ...).</summary>
    Root,

    /// <summary>Another folder of the repository (templates/, samples/, ...).</summary>
    Other,

    /// <summary>Outside the repository.</summary>
    Outside,
}
