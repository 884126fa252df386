using System.Xml.Linq;

namespace Imaging.Host.Tests.ExternalPlugins;

/// <summary>
/// Writes the files that make a temp folder look like a plugin author's machine outside our repository: a NuGet.config
/// whose only source for <c>Imaging.*</c> is the freshly packed feed (package source mapping, so no other source or
/// cache can shadow it), and empty Directory.Build.props / .targets / Directory.Packages.props so nothing from above the
/// folder leaks into the build.
/// </summary>
internal static class IsolatedNuGetConfig
{
    /// <summary>The offline package folder served on this machine (also listed in the repository's NuGet.config).</summary>
    public const string OfflinePackages = "/opt/nuget/packages";

    /// <summary>
    /// Writes <c>NuGet.config</c>, <c>Directory.Build.props</c>, <c>Directory.Build.targets</c> and
    /// <c>Directory.Packages.props</c> into <paramref name="folder"/>. Sources: <paramref name="feed"/> (only for
    /// <c>Imaging.*</c>), then, for everything else, the offline folder, the developer's global packages folder (read as
    /// a local feed, so restores work offline) and the registries of the repository's NuGet.config.
    /// </summary>
    public static void Write(string folder, string feed, string repoNuGetConfig)
    {
        var others = new List<(string Key, string Value)>();
        if (Directory.Exists(OfflinePackages)) others.Add(("offline", OfflinePackages));
        if (UserGlobalPackagesFolder() is { } global) others.Add(("developer-cache", global));
        others.AddRange(RemoteSources(repoNuGetConfig));

        var sources = new XElement("packageSources", new XElement("clear"), new XElement("add", new XAttribute("key", "imaging-sdk"), new XAttribute("value", feed)));
        var mapping = new XElement("packageSourceMapping",
            new XElement("packageSource", new XAttribute("key", "imaging-sdk"), new XElement("package", new XAttribute("pattern", "Imaging.*"))));
        foreach (var (key, value) in others)
        {
            sources.Add(new XElement("add", new XAttribute("key", key), new XAttribute("value", value)));
            mapping.Add(new XElement("packageSource", new XAttribute("key", key), new XElement("package", new XAttribute("pattern", "*"))));
        }
        new XDocument(new XElement("configuration", sources, mapping)).Save(Path.Combine(folder, "NuGet.config"));

        const string empty = "<Project>\n  <!-- Written by Imaging.Host.Tests: nothing above this folder is imported. -->\n</Project>\n";
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), empty);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), empty);
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"),
            "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
    }

    /// <summary>The http(s) package sources of the repository's NuGet.config (the registry the repository restores from).</summary>
    public static IEnumerable<(string Key, string Value)> RemoteSources(string nugetConfig)
    {
        if (!File.Exists(nugetConfig)) yield break;
        var doc = XDocument.Load(nugetConfig);
        foreach (var add in doc.Root?.Element("packageSources")?.Elements("add") ?? [])
        {
            var key = (string?)add.Attribute("key");
            var value = (string?)add.Attribute("value");
            if (key is null || value is null) continue;
            if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                yield return (key, value);
        }
    }

    private static string? UserGlobalPackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        var folder = !string.IsNullOrEmpty(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
    }
}
