using Imaging.Host;
using Imaging.Scripting.Repl;
using Imaging.Scripting.Tests.Running;

namespace Imaging.Scripting.Tests.Repl;

/// <summary>A session sees plugins come and go while it runs (the host's watcher; `imaging repl` turns it on).</summary>
public sealed class ReplHotReloadTests
{
    [Fact]
    public async Task EvaluateAsync_PluginFolderRemovedWhileWatching_SessionSeesItGone()
    {
        using var folder = new TempFolder();
        var plugins = Path.Combine(folder.Path, "plugins");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "plugins", "Imaging.Plugins.Filters"), Path.Combine(plugins, "filters"));
        var options = new HostOptions { AuditLogPath = Path.Combine(folder.Path, "audit.log") };
        options.PluginFolders.Add(plugins);
        using var host = PluginHost.Start(options);
        host.WatchForChanges(TimeSpan.FromMilliseconds(100));
        var session = new ReplSession(new ScriptGlobals(host, [], folder.Path, TextWriter.Null, TextWriter.Null, CancellationToken.None));

        var before = await session.EvaluateAsync("Filters.Names.Contains(\"gaussian\")");
        Directory.Delete(Path.Combine(plugins, "filters"), recursive: true);
        object? after = true;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline && after is true; await Task.Delay(100))
            after = (await session.EvaluateAsync("Filters.Names.Contains(\"gaussian\")")).Value;

        Assert.Equal(true, before.Value);
        Assert.Equal(false, after);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
