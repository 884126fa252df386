using Imaging.Sdk.Testing;

namespace Imaging.Scripting.Tests.Running;

/// <summary>
/// Shared by every test class (one collection, so the process-wide <c>IMAGING_HOME</c> is set once, before any test,
/// to a temporary folder: the compile cache never touches the user's ~/.imaging), with one synthetic study on disk.
/// </summary>
public sealed class RunnerFixture : IDisposable
{
    private readonly TempFolder _root = new();

    public RunnerFixture()
    {
        Home = _root.File("home");
        Environment.SetEnvironmentVariable("IMAGING_HOME", Home);
        Study = _root.File("study");
        SyntheticStudy.WriteTo(Study, new SyntheticStudyOptions { CtSlices = 24, MrSlices = 12, Size = 64 });
    }

    /// <summary>The temporary IMAGING_HOME.</summary>
    public string Home { get; }

    /// <summary>The compile cache under <see cref="Home"/>.</summary>
    public string CacheFolder => Path.Combine(Home, "cache", "scripts");

    /// <summary>A synthetic study: CT (24 slices) and MR (12 slices), 64 x 64, one patient (SYN0001).</summary>
    public string Study { get; }

    public void Dispose() => _root.Dispose();
}
