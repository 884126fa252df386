namespace Imaging.Sdk.Tests;

public sealed class PluginManifestTests
{
    private const string Valid = """
        {
          // comments and trailing commas are allowed
          "id": "acme.smoothing",
          "version": "1.2.0-beta.1",
          "sdk": "[1.0,2.0)",
          "entryAssembly": "Acme.Smoothing.dll",
          "entryType": "Acme.Smoothing.Plugin",
          "name": "Acme smoothing",
          "description": "Edge-preserving smoothing.",
          "capabilities": ["filter", "SINK", "filter"],
          "permissions": ["phi", "filesystem-write"],
          "settings": { "sigma": "1.5", "passes": 3 },
        }
        """;

    [Fact]
    public void Parse_ValidManifest_ReadsEveryField()
    {
        var m = PluginManifest.Parse(Valid);

        Assert.Equal("acme.smoothing", m.Id);
        Assert.Equal("1.2.0-beta.1", m.Version);
        Assert.Equal("[1.0,2.0)", m.SdkRange.Text);
        Assert.Equal("Acme.Smoothing.dll", m.EntryAssembly);
        Assert.Equal("Acme.Smoothing.Plugin", m.EntryType);
        Assert.Equal("Acme smoothing", m.Name);
        Assert.Equal("Edge-preserving smoothing.", m.Description);
        Assert.Equal([CapabilityKind.Filter, CapabilityKind.Sink], m.Capabilities);
        Assert.Equal(PluginPermissions.Phi | PluginPermissions.FileSystemWrite, m.Permissions);
        Assert.Equal("1.5", m.Settings["SIGMA"]);
        Assert.Equal("3", m.Settings["passes"]);
    }

    [Fact]
    public void Parse_OnlyRequiredFields_GivesEmptyOptionals()
    {
        var m = PluginManifest.Parse("""{"id":"a","version":"1.0.0","sdk":"1.0","entryAssembly":"A.dll"}""");

        Assert.Null(m.EntryType);
        Assert.Null(m.Name);
        Assert.Null(m.Description);
        Assert.Empty(m.Capabilities);
        Assert.Equal(PluginPermissions.None, m.Permissions);
        Assert.Empty(m.Settings);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("sdk")]
    [InlineData("entryAssembly")]
    public void Parse_RequiredFieldMissing_ThrowsNamingField(string field)
    {
        var json = Manifest(field, null);

        var e = Assert.Throws<PluginManifestException>(() => PluginManifest.Parse(json));

        Assert.Contains($"\"{field}\" is missing", e.Message);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("sdk")]
    [InlineData("entryAssembly")]
    public void Parse_RequiredFieldEmpty_ThrowsNamingField(string field)
    {
        var e = Assert.Throws<PluginManifestException>(() => PluginManifest.Parse(Manifest(field, "\"  \"")));

        Assert.Contains($"\"{field}\"", e.Message);
    }

    [Theory]
    [InlineData("id", "\"Acme.Smoothing\"", "\"id\"")]
    [InlineData("id", "\"9lives\"", "\"id\"")]
    [InlineData("id", "\"acme smoothing\"", "\"id\"")]
    [InlineData("id", "42", "\"id\" must be a string")]
    [InlineData("version", "\"1.0\"", "\"version\"")]
    [InlineData("version", "\"v1.0.0\"", "\"version\"")]
    [InlineData("sdk", "\"[2.0,1.0]\"", "\"sdk\"")]
    [InlineData("sdk", "\"banana\"", "\"sdk\"")]
    [InlineData("entryAssembly", "\"../Escape.dll\"", "\"entryAssembly\"")]
    [InlineData("entryAssembly", "\"/abs/Rooted.dll\"", "\"entryAssembly\"")]
    [InlineData("entryAssembly", "\"Plugin.exe\"", "\"entryAssembly\"")]
    [InlineData("entryType", "[]", "\"entryType\" must be a string")]
    [InlineData("name", "5", "\"name\" must be a string")]
    [InlineData("description", "true", "\"description\" must be a string")]
    [InlineData("capabilities", "\"filter\"", "\"capabilities\" must be an array")]
    [InlineData("capabilities", "[1]", "\"capabilities\" must be an array")]
    [InlineData("capabilities", "[\"teleport\"]", "unknown capability 'teleport'")]
    [InlineData("permissions", "[\"root\"]", "unknown permission 'root'")]
    [InlineData("permissions", "{}", "\"permissions\" must be an array")]
    [InlineData("settings", "[]", "\"settings\" must be an object")]
    public void Parse_FieldInvalid_ThrowsNamingField(string field, string value, string expected)
    {
        var e = Assert.Throws<PluginManifestException>(() => PluginManifest.Parse(Manifest(field, value)));

        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    public void Parse_NotJson_ThrowsWithLine(string json)
    {
        var e = Assert.Throws<PluginManifestException>(() => PluginManifest.Parse(json, "x/plugin.json"));

        Assert.Contains("not valid JSON (line", e.Message);
        Assert.StartsWith("x/plugin.json: ", e.Message);
        Assert.Equal("x/plugin.json", e.ManifestPath);
    }

    [Fact]
    public void Parse_JsonArray_ThrowsMustBeObject()
    {
        var e = Assert.Throws<PluginManifestException>(() => PluginManifest.Parse("[]"));

        Assert.Contains("must be a JSON object", e.Message);
        Assert.Null(e.ManifestPath);
    }

    [Fact]
    public void Parse_NullOptionalFields_AreTreatedAsAbsent()
    {
        var m = PluginManifest.Parse("""{"id":"a","version":"1.0.0","sdk":"1.0","entryAssembly":"A.dll","name":null,"capabilities":null,"settings":null}""");

        Assert.Null(m.Name);
        Assert.Empty(m.Capabilities);
        Assert.Empty(m.Settings);
    }

    [Fact]
    public void Load_FolderOrFile_ReadsManifest()
    {
        var dir = Directory.CreateTempSubdirectory("imaging-manifest-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, PluginManifest.FileName), Valid);

            Assert.Equal("acme.smoothing", PluginManifest.Load(dir.FullName).Id);
            Assert.Equal("acme.smoothing", PluginManifest.Load(Path.Combine(dir.FullName, "plugin.json")).Id);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsCannotRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "plugin.json");

        var e = Assert.Throws<PluginManifestException>(() => PluginManifest.Load(path));

        Assert.Contains("cannot read the manifest", e.Message);
        Assert.Equal(path, e.ManifestPath);
    }

    [Theory]
    [InlineData("[1.0,2.0)", "1.0.0", true)]
    [InlineData("[1.0,2.0)", "2.0.0", false)]
    [InlineData("2.1", "2.0.9", false)]
    public void IsCompatibleWith_SdkVersion_FollowsRange(string range, string sdk, bool expected)
    {
        var m = PluginManifest.Parse(Manifest("sdk", $"\"{range}\""));

        Assert.Equal(expected, m.IsCompatibleWith(Version.Parse(sdk)));
    }

    [Theory]
    [InlineData(PluginPermissions.None, "none")]
    [InlineData(PluginPermissions.Network, "network")]
    [InlineData(PluginPermissions.Network | PluginPermissions.Phi | PluginPermissions.FileSystemWrite, "network, phi, filesystem-write")]
    public void FormatPermissions_Flags_SpellsManifestNames(PluginPermissions permissions, string expected)
        => Assert.Equal(expected, PluginManifest.FormatPermissions(permissions));

    [Theory]
    [InlineData("network", PluginPermissions.Network)]
    [InlineData("PHI", PluginPermissions.Phi)]
    [InlineData("filesystem-write", PluginPermissions.FileSystemWrite)]
    public void TryParsePermission_KnownName_ReturnsFlag(string name, PluginPermissions expected)
    {
        Assert.True(PluginManifest.TryParsePermission(name, out var p));
        Assert.Equal(expected, p);
    }

    [Fact]
    public void TryParsePermission_UnknownName_ReturnsFalse()
    {
        Assert.False(PluginManifest.TryParsePermission("root", out var p));
        Assert.Equal(PluginPermissions.None, p);
    }

    /// <summary>A valid minimal manifest with <paramref name="field"/> set to the JSON <paramref name="value"/>, or removed when null.</summary>
    private static string Manifest(string field, string? value)
    {
        var fields = new Dictionary<string, string>
        {
            ["id"] = "\"acme.smoothing\"",
            ["version"] = "\"1.0.0\"",
            ["sdk"] = "\"[1.0,2.0)\"",
            ["entryAssembly"] = "\"Acme.Smoothing.dll\"",
        };
        if (value is null) fields.Remove(field);
        else fields[field] = value;
        return "{" + string.Join(",", fields.Select(kv => $"\"{kv.Key}\":{kv.Value}")) + "}";
    }
}
