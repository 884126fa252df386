namespace Imaging.Host.Tests.ExternalPlugins;

/// <summary>
/// The test collection that shares one <see cref="ExternalPluginsFixture"/> (packing and two external builds take tens of
/// seconds, so they happen once per run). Host tests that load the external plugins join it with
/// <c>[Collection(ExternalPluginsCollection.Name)]</c> and take the fixture as a constructor parameter.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ExternalPluginsCollection : ICollectionFixture<ExternalPluginsFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "External plugins";
}
