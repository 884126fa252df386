namespace Imaging.Scripting.Tests.Running;

/// <summary>The one collection of scripting tests (see <see cref="RunnerFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class RunnerCollection : ICollectionFixture<RunnerFixture>
{
    public const string Name = "script-runner";
}
