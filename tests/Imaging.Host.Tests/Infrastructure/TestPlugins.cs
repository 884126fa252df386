namespace Imaging.Host.Tests.Infrastructure;

/// <summary>
/// Every plugin folder the host tests load, in one place (STYLE.md rule 6): the fixtures built from tests/plugins
/// (copied to <c>test-plugins/</c> beside the tests) and the shipped plugins built from plugins/ (copied to <c>plugins/</c>).
/// </summary>
internal static class TestPlugins
{
    public const string Echo = "Fixture.EchoFilter";
    public const string PhiEcho = "Fixture.PhiEcho";
    public const string Probe = "Fixture.Probe";
    public const string Network = "Fixture.Network";
    public const string WantsNetwork = "Fixture.WantsNetwork";
    public const string WantsFileOutput = "Fixture.WantsFileOutput";
    public const string FutureSdk = "Fixture.FutureSdk";
    public const string Throws = "Fixture.Throws";
    public const string BadAssembly = "Fixture.BadAssembly";
    public const string Undeclared = "Fixture.Undeclared";
    public const string Json12 = "Fixture.Json12";
    public const string Json13 = "Fixture.Json13";
    public const string Anonymizer = "Fixture.Anonymizer";
    public const string Codec = "Fixture.Codec";

    /// <summary>The shipped folder plugin (source + sink "folder").</summary>
    public const string ShippedFolder = "Imaging.Plugins.Folder";

    /// <summary>The shipped filters plugin ("gaussian", "invert").</summary>
    public const string ShippedFilters = "Imaging.Plugins.Filters";

    /// <summary>The shipped NIfTI plugin (volume format "nifti").</summary>
    public const string ShippedNifti = "Imaging.Plugins.Nifti";

    /// <summary>The shipped PS3.15 anonymizer plugin (anonymizer "ps315", profile basic).</summary>
    public const string ShippedAnonymizer = "Imaging.Plugins.Anonymizer";

    /// <summary>The root holding one folder per fixture.</summary>
    public static string FixturesRoot => Path.Combine(AppContext.BaseDirectory, "test-plugins");

    /// <summary>The root holding the shipped plugins, as an application would have them.</summary>
    public static string ShippedRoot => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The built folder of fixture <paramref name="name"/> (fails when the build did not lay it out).</summary>
    public static string Fixture(string name)
    {
        var folder = Path.Combine(FixturesRoot, name);
        if (!File.Exists(Path.Combine(folder, "plugin.json")))
            throw new DirectoryNotFoundException($"{folder} has no plugin.json: tests/plugins/{name} was not built into test-plugins/ (see plugins/ImagingPluginLayout.targets)");
        return folder;
    }

    /// <summary>The fixture folders that the build laid out.</summary>
    public static IReadOnlyList<string> AllFixtures()
        => [.. Directory.GetDirectories(FixturesRoot).Where(d => File.Exists(Path.Combine(d, "plugin.json"))).Order(StringComparer.Ordinal)];

    /// <summary>The built folder of shipped plugin <paramref name="name"/>, or null when it is not (yet) there.</summary>
    public static string? Shipped(string name)
    {
        var folder = Path.Combine(ShippedRoot, name);
        return File.Exists(Path.Combine(folder, "plugin.json")) ? folder : null;
    }
}
