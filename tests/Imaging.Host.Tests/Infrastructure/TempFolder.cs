namespace Imaging.Host.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp folder (plugin copies, audit log), deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "imaging-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A plugin root inside this folder (created on first copy).</summary>
    public string PluginsRoot => System.IO.Path.Combine(Path, "plugins");

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Copies fixture <paramref name="fixture"/>'s built folder to <see cref="PluginsRoot"/>/<paramref name="folderName"/>.</summary>
    public string CopyFixture(string fixture, string? folderName = null)
    {
        var source = TestPlugins.Fixture(fixture);
        var target = System.IO.Path.Combine(PluginsRoot, folderName ?? fixture);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
